import { Secret, TOTP } from 'otpauth';

/** Cognito's TOTP: RFC 6238, SHA1, 6 digits, 30-second steps, one step of clock skew either way. */
const parameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

export function generateTotpSecret(): string {
  // 20 random bytes from the platform CSPRNG, base32 without padding (32 characters), like Cognito's.
  return new Secret({ size: 20 }).base32;
}

export function totpCode(secret: string, timestamp: number): string {
  return new TOTP({ ...parameters, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

export function isValidTotp(secret: string, code: string, timestamp: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return (
    new TOTP({ ...parameters, secret: Secret.fromBase32(secret) }).validate({
      token: code,
      timestamp,
      window: 1,
    }) !== null
  );
}

/** Six random digits for SMS and email codes. */
export function randomNumericCode(): string {
  const [value = 0] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return String(value % 1_000_000).padStart(6, '0');
}

export function randomId(): string {
  return globalThis.crypto.randomUUID();
}
