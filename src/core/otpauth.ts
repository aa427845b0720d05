/**
 * Key Uri Format (the otpauth:// URIs authenticator apps scan), built and parsed here so that issuers
 * with spaces and accounts with '#', '&', ':' or unicode survive the trip. Every label part and
 * parameter is percent-encoded; spaces become %20, never '+'.
 */

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpauthParameters {
  issuer: string;
  accountName: string;
  /** Base32 secret; spaces, padding and case are normalised away. */
  secret: string;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
}

export type ParsedOtpauthUri = Required<OtpauthParameters>;

/** Uppercase base32 without spaces or '=' padding, as authenticator apps expect. */
export function normalizeBase32Secret(secret: string): string {
  return secret.replace(/[\s=-]/g, '').toUpperCase();
}

/** The secret in groups of four, easier to read aloud and type: "JBSW Y3DP EHPK 3PXP". */
export function formatSecretForDisplay(secret: string): string {
  return normalizeBase32Secret(secret).replace(/(.{4})(?=.)/g, '$1 ');
}

export function buildOtpauthUri({
  issuer,
  accountName,
  secret,
  algorithm = 'SHA1',
  digits = 6,
  period = 30,
}: OtpauthParameters): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    `secret=${normalizeBase32Secret(secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    `algorithm=${algorithm}`,
    `digits=${digits}`,
    `period=${period}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

const algorithms: readonly string[] = ['SHA1', 'SHA256', 'SHA512'];

/** Parses a TOTP Key Uri; throws a `TypeError` naming what is wrong with it. */
export function parseOtpauthUri(uri: string): ParsedOtpauthUri {
  // Stryker disable next-line Regex: equivalent — the greedy (.*) reaches the end, so dropping `$` matches the same URIs.
  const match = /^otpauth:\/\/totp\/([^?]*)(?:\?(.*))?$/i.exec(uri);
  if (!match) throw new TypeError('Not an otpauth://totp/ URI.');
  // Stryker disable next-line StringLiteral: equivalent — the label group always matches, and a URI without a query has no secret whatever the default.
  const [, rawLabel = '', rawQuery = ''] = match;
  const params = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    // Stryker disable next-line ConditionalExpression: equivalent — an empty pair would only set the unused key ''.
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const key = separator === -1 ? pair : pair.slice(0, separator);
    const value = separator === -1 ? '' : pair.slice(separator + 1);
    params.set(decodeURIComponent(key).toLowerCase(), decodeURIComponent(value));
  }
  const separator = rawLabel.indexOf(':');
  const labelIssuer = separator === -1 ? undefined : decodeURIComponent(rawLabel.slice(0, separator));
  // Stryker disable next-line ConditionalExpression: equivalent — with no ':' the index is -1 and slice(-1 + 1) is the whole label.
  const accountName = decodeURIComponent(separator === -1 ? rawLabel : rawLabel.slice(separator + 1));
  const issuer = params.get('issuer') ?? labelIssuer ?? '';
  const secret = params.get('secret');
  if (!secret || !/^[A-Z2-7]+$/i.test(secret)) throw new TypeError('The URI has no valid base32 secret.');
  const algorithm = (params.get('algorithm') ?? 'SHA1').toUpperCase();
  if (!algorithms.includes(algorithm)) throw new TypeError(`Unsupported algorithm ${algorithm}.`);
  return {
    issuer,
    accountName,
    secret: normalizeBase32Secret(secret),
    algorithm: algorithm as OtpAlgorithm,
    digits: Number(params.get('digits') ?? 6),
    period: Number(params.get('period') ?? 30),
  };
}
