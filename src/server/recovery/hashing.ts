/**
 * Recovery-code hashing on Web Crypto (Node ≥ 20, browsers, edge runtimes): HMAC-SHA-256 keyed
 * with the server's pepper over a per-set salt and the canonical code. Checking uses
 * `crypto.subtle.verify`, the platform's constant-time comparison.
 */

const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // Stryker disable next-line Regex: equivalent — btoa puts '=' only at the end.
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export interface CodeHasher {
  hash(salt: string, canonicalCode: string): Promise<string>;
  matches(salt: string, canonicalCode: string, hash: string): Promise<boolean>;
}

/**
 * Refuses peppers that are obviously not random: shorter than 32 characters, fewer than 10 distinct
 * characters (`aaaa…`, `abab…`), or one short piece repeated. It cannot prove randomness: generate the
 * pepper (e.g. `openssl rand -base64 32`) and keep it in a secrets manager.
 */
export function assertStrongPepper(pepper: string): void {
  if (typeof pepper !== 'string' || pepper.length < 32)
    throw new Error('The recovery-code pepper must be at least 32 characters long.');
  if (new Set(pepper).size < 10)
    throw new Error('The recovery-code pepper is not random enough: use 32 random bytes, base64-encoded.');
  if ((pepper + pepper).indexOf(pepper, 1) < pepper.length)
    throw new Error('The recovery-code pepper repeats itself: use 32 random bytes, base64-encoded.');
}

/** `pepper`: a random server secret of at least 32 characters, kept out of the store (e.g. in a secrets manager). */
export function createCodeHasher(pepper: string): CodeHasher {
  assertStrongPepper(pepper);
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(pepper),
    { name: 'HMAC', hash: 'SHA-256' },
    // Stryker disable next-line BooleanLiteral: equivalent for every caller — the key never leaves this closure, so whether it could be exported is not observable.
    false,
    ['sign', 'verify'],
  );
  const message = (salt: string, code: string) => encoder.encode(`${salt}:${code}`);
  return {
    async hash(salt, canonicalCode) {
      const mac = await crypto.subtle.sign('HMAC', await key, message(salt, canonicalCode));
      return toBase64Url(new Uint8Array(mac));
    },
    async matches(salt, canonicalCode, hash) {
      return crypto.subtle.verify('HMAC', await key, fromBase64Url(hash), message(salt, canonicalCode));
    },
  };
}
