import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, StepUpProvider, useStepUp } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const API = 'https://api.example.com';

/** An in-memory API behind StepUpProvider's `fetch` prop: RFC 9470 challenge unless a proof comes along. */
function fakeApi() {
  const seen: Array<{ url: string; proof: string | null; body: string }> = [];
  const transport = async (request: Request) => {
    const proof = request.headers.get('X-Step-Up-Proof');
    seen.push({ url: request.url, proof, body: await request.text() });
    return proof
      ? new Response(`exported ${seen.at(-1)?.body}`, { status: 200 })
      : new Response(null, {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication"' },
        });
  };
  return { seen, transport };
}

function ExportButton() {
  const { stepUpFetch } = useStepUp();
  const [result, setResult] = useState('');
  const run = () =>
    stepUpFetch(`${API}/export`, { method: 'POST', body: 'audit-log', reason: 'Export' })
      .then((response) => response.text())
      .then(setResult, () => setResult('error'));
  return (
    <>
      <button type="button" onClick={run}>
        Export
      </button>
      <output aria-label="Result">{result}</output>
    </>
  );
}

afterEach(() => vi.restoreAllMocks());

describe('StepUpProvider fetch', () => {
  it('sends the request, and the retry with the proof, through the injected transport', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch');
    const { seen, transport } = fakeApi();
    const simulator = createCognitoSimulator({
      mfaConfiguration: 'OFF',
      users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: SECRET }],
    });
    await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client}>
        <StepUpProvider verifier={simulator.stepUpVerifier} proofOrigins={[API]} fetch={transport}>
          <ExportButton />
        </StepUpProvider>
      </MfaProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Result' })).toHaveTextContent('exported audit-log'),
    );
    expect(seen.map(({ url, body }) => ({ url, body }))).toEqual([
      { url: `${API}/export`, body: 'audit-log' },
      { url: `${API}/export`, body: 'audit-log' },
    ]);
    expect(seen[0]?.proof).toBeNull();
    expect(seen[1]?.proof).toMatch(/^simulated-step-up\./);
    expect(globalFetch).not.toHaveBeenCalled();
  });
});
