import { createServer } from 'node:http';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { httpRecoveryCodes, MfaProvider, RecoveryCodes, StepUpProvider, useStepUp } from 'mfa-kit';
import { stepUpRequired } from 'mfa-kit/server';
import { type CognitoSimulator, createCognitoSimulator } from 'mfa-kit/testing';
import { type ReactNode, useMemo } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const codes = [
  'ABCDE-23456',
  'FGHJK-34567',
  'LMNPQ-45678',
  'RSTUV-56789',
  'WXYZ2-6789A',
  'BCDEF-789AB',
  'GHJKL-89ABC',
  'MNPQR-9ABCD',
  'STUVW-ABCDE',
  'XYZ23-BCDEF',
];

/**
 * A host backend configured with `regenerateStepUp`: replacing codes answers RFC 9470's 401 until
 * the request carries a step-up proof. (The real check of the proof is in tests/server.)
 */
const proofsSeen: string[] = [];
let baseUrl = '';
const server = createServer(async (request, response) => {
  const send = async (answer: Response) => {
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(await answer.text());
  };
  if (request.method === 'GET') {
    await send(Response.json({ remaining: 10, total: 10, createdAt: '2026-11-01T10:00:00.000Z' }));
    return;
  }
  const proof = request.headers['x-step-up-proof'];
  if (typeof proof !== 'string') {
    await send(stepUpRequired(300));
    return;
  }
  proofsSeen.push(proof);
  await send(Response.json({ codes, createdAt: '2026-11-23T10:00:00.000Z' }, { status: 201 }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mfa`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** How a host wires it: the adapter sends its requests through stepUpFetch. */
function RecoveryWithStepUp({ simulator, children }: { simulator: CognitoSimulator; children: ReactNode }) {
  const { stepUpFetch } = useStepUp();
  const recovery = useMemo(
    () => httpRecoveryCodes({ baseUrl, getAccessToken: () => 'access-token', fetch: stepUpFetch }),
    [stepUpFetch],
  );
  return (
    <MfaProvider client={simulator.client} recovery={recovery}>
      {children}
    </MfaProvider>
  );
}

async function setup() {
  const simulator = createCognitoSimulator({
    mfaConfiguration: 'OFF',
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: SECRET, preferred: 'TOTP' }],
  });
  await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client}>
      {/* The API is on another origin than the page: it must be listed to receive a proof. */}
      <StepUpProvider verifier={simulator.stepUpVerifier} proofOrigins={[baseUrl]}>
        <RecoveryWithStepUp simulator={simulator}>
          <RecoveryCodes />
        </RecoveryWithStepUp>
      </StepUpProvider>
    </MfaProvider>,
  );
  await user.click(await screen.findByRole('button', { name: 'Generate new codes' }));
  await user.click(screen.getByRole('button', { name: 'Yes, generate new codes' }));
  return user;
}

describe('Regenerating recovery codes behind step-up (httpRecoveryCodes + stepUpFetch)', () => {
  it('prompts for MFA when the server asks, then retries once with the proof', async () => {
    const user = await setup();
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    await user.type(
      await within(dialog).findByRole('textbox', { name: 'Verification code' }),
      phoneCode(SECRET),
    );
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(proofsSeen.at(-1)).toMatch(/^simulated-step-up\./);
  });

  it('goes back to the summary, with no error, when the user cancels the prompt', async () => {
    const user = await setup();
    await screen.findByRole('dialog', { name: "Confirm it's you" });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText(/10 of 10 codes left/)).toBeInTheDocument();
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate new codes' })).toBeEnabled();
  });
});
