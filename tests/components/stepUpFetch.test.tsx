import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, StepUpProvider, StepUpRefusedError, useStepUp } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { useState } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A real HTTP API on loopback that demands step-up (RFC 9470) unless a proof header comes with the request. */
let server: Server;
let baseUrl = '';
let seen: Array<{ proof: string | undefined; body: string }> = [];
let alwaysRefuse = false;

beforeAll(async () => {
  server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const proof = request.headers['x-step-up-proof'] as string | undefined;
    seen.push({ proof, body });
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (!proof || alwaysRefuse) {
      response.writeHead(401, {
        'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="60"',
      });
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(`exported ${body}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  alwaysRefuse = false;
});

function ExportButton() {
  const { stepUpFetch } = useStepUp();
  const [result, setResult] = useState('');
  const run = () =>
    stepUpFetch(`${baseUrl}/export`, { method: 'POST', body: 'audit-log', reason: 'Export the audit log' })
      .then((response) => response.text())
      .then(setResult, (error: unknown) =>
        setResult(error instanceof StepUpRefusedError ? 'refused again' : 'error'),
      );
  return (
    <>
      <button type="button" onClick={run}>
        Export
      </button>
      <output aria-label="Result">{result}</output>
    </>
  );
}

async function setup() {
  const simulator = createCognitoSimulator({
    mfaConfiguration: 'OFF',
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: SECRET }],
  });
  await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client}>
      {/* The API is on another origin than the page: it must be listed to receive a proof. */}
      <StepUpProvider verifier={simulator.stepUpVerifier} proofOrigins={[baseUrl]}>
        <ExportButton />
      </StepUpProvider>
    </MfaProvider>,
  );
  return { user };
}

describe('stepUpFetch', () => {
  it('prompts on an RFC 9470 challenge and retries once with the proof and the same body', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleDescription('To continue with: Export the audit log');
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Result' })).toHaveTextContent('exported audit-log'),
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ proof: undefined, body: 'audit-log' });
    expect(seen[1]?.proof).toMatch(/^simulated-step-up\./);
    expect(seen[1]?.body).toBe('audit-log');
  });

  it('reports a second refusal instead of looping', async () => {
    const { user } = await setup();
    alwaysRefuse = true;
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Result' })).toHaveTextContent('refused again'),
    );
    expect(seen).toHaveLength(2);
  });
});
