import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, type StepUpEvent, StepUpProvider, useStepUp } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { useState } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';

/** Issue 12, findings 8–10: what the browser side of step-up may and may not do. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Another origin (loopback, not the page's) that asks for step-up until a proof arrives. */
let server: Server;
let baseUrl = '';
let proofsSeen: Array<string | undefined> = [];
beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const proof = request.headers['x-step-up-proof'] as string | undefined;
    proofsSeen.push(proof);
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (!proof) {
      response.writeHead(401, {
        'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="60"',
      });
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('done');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  proofsSeen = [];
});

function Actions({ riskScore }: { riskScore: unknown }) {
  const { guard, stepUpFetch } = useStepUp();
  const [result, setResult] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          stepUpFetch(`${baseUrl}/export`, { method: 'POST', body: 'x' }).then(
            (response) => setResult(`status ${response.status}`),
            () => setResult('error'),
          )
        }
      >
        Export
      </button>
      <button
        type="button"
        onClick={() =>
          guard(() => setResult('ran'), { riskScore: riskScore as number }).catch(() => setResult('refused'))
        }
      >
        Guarded
      </button>
      <output aria-label="Result">{result}</output>
    </>
  );
}

async function setup(options: { proofOrigins?: string[]; riskScore?: unknown } = {}) {
  const { proofOrigins } = options;
  // `undefined` is a value under test here, not "use the default".
  const riskScore = 'riskScore' in options ? options.riskScore : 10;
  const simulator = createCognitoSimulator({
    mfaConfiguration: 'OFF',
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: SECRET }],
  });
  await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
  const onEvent = vi.fn<(event: StepUpEvent) => void>();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client}>
      <StepUpProvider verifier={simulator.stepUpVerifier} onEvent={onEvent} proofOrigins={proofOrigins}>
        <Actions riskScore={riskScore} />
      </StepUpProvider>
    </MfaProvider>,
  );
  return { user, onEvent };
}

// `hidden`: while the dialog is open the page behind it is aria-hidden.
const result = () => screen.getByRole('status', { name: 'Result', hidden: true });

describe('finding 8: stepUpFetch sends a proof only where the host allows', () => {
  it('does not prompt for, nor send a proof to, an origin that is neither the page’s nor listed', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(result()).toHaveTextContent('status 401'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(proofsSeen).toEqual([undefined]);
  });

  it('prompts and sends the proof to an origin in proofOrigins', async () => {
    const { user } = await setup({ proofOrigins: [baseUrl] });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(() => expect(result()).toHaveTextContent('status 200'));
    expect(proofsSeen).toEqual([undefined, expect.stringMatching(/^simulated-step-up\./)]);
  });
});

describe('finding 9: onEvent never carries the proof token', () => {
  it('reports the verification with its method and time only', async () => {
    const { user, onEvent } = await setup({ proofOrigins: [baseUrl] });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(() => expect(result()).toHaveTextContent('status 200'));
    const token = proofsSeen.at(-1) ?? 'missing';
    const events = onEvent.mock.calls.map(([event]) => event);
    expect(events).toContainEqual({ type: 'verified', method: 'TOTP', verifiedAt: expect.any(Number) });
    expect(JSON.stringify(events)).not.toContain(token);
  });
});

describe('finding 10: guard() fails closed', () => {
  it.each([
    ['NaN', Number.NaN],
    ['undefined', undefined],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '10'],
  ])(
    'treats a riskScore of %s as high risk: it prompts instead of running the action',
    async (_, riskScore) => {
      const { user } = await setup({ riskScore });
      await user.click(screen.getByRole('button', { name: 'Guarded' }));
      expect(await screen.findByRole('dialog')).toBeInTheDocument();
      expect(result()).toHaveTextContent('');
    },
  );

  it('still runs a low-risk action at once', async () => {
    const { user } = await setup({ riskScore: 10 });
    await user.click(screen.getByRole('button', { name: 'Guarded' }));
    await waitFor(() => expect(result()).toHaveTextContent('ran'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
