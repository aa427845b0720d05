import { execFileSync } from 'node:child_process';
import { Secret, TOTP } from 'otpauth';

/** A phone authenticator app stand-in: otpauth, cross-checked against oathtool when it is installed. */
export function phoneCode(secret: string, timestamp = Date.now()): string {
  const code = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({
    timestamp,
  });
  const fromOathtool = oathtool(secret, timestamp);
  if (fromOathtool !== undefined && fromOathtool !== code) {
    throw new Error(`otpauth (${code}) and oathtool (${fromOathtool}) disagree`);
  }
  return code;
}

/** A code that is wrong in every window Cognito accepts (±30 s). */
export function wrongCode(secret: string, timestamp = Date.now()): string {
  const accepted = new Set([-30_000, 0, 30_000].map((skew) => phoneCode(secret, timestamp + skew)));
  let candidate = 0;
  while (accepted.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}

function oathtool(secret: string, timestamp: number): string | undefined {
  try {
    const now = new Date(timestamp).toISOString().replace('T', ' ').slice(0, 19);
    return execFileSync('oathtool', ['--totp', '-b', '--now', `${now} UTC`, secret], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}
