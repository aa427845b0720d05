import { daysUntil, type MfaCompliance } from './mfaPolicy.js';

/** Claim names the Pre Token Generation trigger writes into the ID and access tokens. */
export const MFA_COMPLIANT_CLAIM = 'mfa_compliant';
/** Epoch seconds (like `exp`) when a required user's grace ends; absent for compliant users. */
export const MFA_GRACE_UNTIL_CLAIM = 'mfa_grace_until';

export interface MfaClaims {
  mfa_compliant: boolean;
  mfa_grace_until?: number;
}

/** The claims for an evaluated user. */
export function mfaClaimsFor(compliance: MfaCompliance): MfaClaims {
  if (compliance.compliant || compliance.graceUntil === undefined)
    return { mfa_compliant: compliance.compliant };
  return { mfa_compliant: false, mfa_grace_until: Math.floor(compliance.graceUntil / 1000) };
}

/**
 * The same claims as strings, for the V1 trigger event (`claimsToAddOrOverride` takes strings only)
 * and for `toString`-minded token readers.
 */
export function mfaClaimsAsStrings(claims: MfaClaims): Record<string, string> {
  const out: Record<string, string> = { [MFA_COMPLIANT_CLAIM]: String(claims.mfa_compliant) };
  if (claims.mfa_grace_until !== undefined) out[MFA_GRACE_UNTIL_CLAIM] = String(claims.mfa_grace_until);
  return out;
}

export type TokenMfaStatus =
  /** The token says the user has the MFA their role needs (or needs none). */
  | { status: 'compliant' }
  /** Required, not set up yet, grace not over: `graceUntil` in epoch ms. */
  | { status: 'grace'; graceUntil: number; daysLeft: number }
  /** Required, not set up, grace over. */
  | { status: 'past_grace'; graceUntil?: number }
  /** The token carries no (readable) MFA claims: the trigger is not installed or the claims were altered. */
  | { status: 'missing' };

function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function asSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Reads the MFA claims of a token payload (V2 events give booleans and numbers, V1 events strings)
 * and says where the user stands at `now` (epoch ms). Fails closed: unreadable claims are `missing`,
 * a non-compliant token without a readable deadline is `past_grace`.
 */
export function mfaStatusFromClaims(payload: Record<string, unknown>, now: number): TokenMfaStatus {
  const compliant = asBoolean(payload[MFA_COMPLIANT_CLAIM]);
  if (compliant === undefined) return { status: 'missing' };
  if (compliant) return { status: 'compliant' };
  const seconds = asSeconds(payload[MFA_GRACE_UNTIL_CLAIM]);
  if (seconds === undefined) return { status: 'past_grace' };
  const graceUntil = seconds * 1000;
  return now < graceUntil
    ? { status: 'grace', graceUntil, daysLeft: daysUntil(graceUntil, now) }
    : { status: 'past_grace', graceUntil };
}
