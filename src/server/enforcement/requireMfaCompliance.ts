import { mfaStatusFromClaims } from '../../core/mfaClaims.js';

/** Options of `requireMfaCompliance`. */
export interface RequireMfaComplianceOptions {
  /** Time source (epoch ms). Default `Date.now`. */
  now?: () => number;
  /**
   * Let through tokens without MFA claims (issued before the trigger was installed). Default false:
   * a token without the claims is refused, since nothing shows its user was checked.
   */
  allowMissingClaims?: boolean;
}

/** The verdict on a token: `ok` to serve the request, else `response()` is the 403 to send. */
export type MfaComplianceCheck =
  | { ok: true; status: 'compliant' | 'missing' }
  | { ok: true; status: 'grace'; graceUntil: number; daysLeft: number }
  | {
      ok: false;
      status: 'past_grace' | 'missing';
      graceUntil?: number;
      /** A 403 answer for the host's API: `{ "error": "mfa_required", … }`. */
      response(): Response;
    };

/**
 * Checks the MFA claims the Pre Token Generation trigger (`mfaPreTokenGeneration`) wrote, on a token
 * payload the host ALREADY VERIFIED (aws-jwt-verify's `verify()` result): compliant users and users
 * in grace pass; a required user past grace, or a token without the claims, is refused with a 403.
 * The deadline is in the token itself, so a token issued in grace stops passing once grace ends.
 */
export function requireMfaCompliance(
  verifiedPayload: Record<string, unknown>,
  options: RequireMfaComplianceOptions = {},
): MfaComplianceCheck {
  const status = mfaStatusFromClaims(verifiedPayload, options.now?.() ?? Date.now());
  if (status.status === 'compliant') return { ok: true, status: 'compliant' };
  if (status.status === 'grace') return { ok: true, ...status };
  if (status.status === 'missing' && options.allowMissingClaims) return { ok: true, status: 'missing' };
  const graceUntil = status.status === 'past_grace' ? status.graceUntil : undefined;
  return {
    ok: false,
    status: status.status,
    ...(graceUntil !== undefined ? { graceUntil } : {}),
    response: () =>
      Response.json(
        {
          error: 'mfa_required',
          reason: status.status === 'missing' ? 'mfa_claims_missing' : 'mfa_grace_period_over',
          ...(graceUntil !== undefined ? { grace_until: new Date(graceUntil).toISOString() } : {}),
        },
        { status: 403, headers: { 'Cache-Control': 'no-store' } },
      ),
  };
}
