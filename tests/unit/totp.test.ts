import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createCognitoSimulator } from '../../src/testing';

// RFC 6238 Appendix B, SHA1: seed "12345678901234567890"; Cognito codes are the low 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const vectors: Array<[seconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

async function signInWithCode(now: () => number, secret: string, code: string) {
  const { client } = createCognitoSimulator({
    now,
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: secret, preferred: 'TOTP' }],
  });
  const first = await client.signIn({ username: 'alice', password: 'Passw0rd!' });
  expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  return client.confirmSignIn({ challengeResponse: code });
}

function oathtool(secret: string): string | undefined {
  try {
    return execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

describe("the simulator's TOTP verification", () => {
  it.each(vectors)('accepts the RFC 6238 SHA1 vector at T=%i', async (seconds, eightDigits) => {
    const result = await signInWithCode(() => seconds * 1000, RFC_SECRET, eightDigits.slice(-6));
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('accepts one 30-second step of clock skew either way, and no more', async () => {
    const at = 1111111111 * 1000;
    await expect(signInWithCode(() => at + 30_000, RFC_SECRET, '050471')).resolves.toMatchObject({
      isSignedIn: true,
    });
    await expect(signInWithCode(() => at - 30_000, RFC_SECRET, '050471')).resolves.toMatchObject({
      isSignedIn: true,
    });
    await expect(signInWithCode(() => at + 90_000, RFC_SECRET, '050471')).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
  });

  it('accepts a code from oathtool, an authenticator implementation it shares no code with', async (context) => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const code = oathtool(secret);
    if (!code) {
      context.skip('oathtool is not installed (apt-get install oathtool)');
      return;
    }
    await expect(signInWithCode(Date.now, secret, code)).resolves.toMatchObject({ isSignedIn: true });
  });
});
