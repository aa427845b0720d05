/** Risk scores above this need a fresh MFA verification; a score equal to it does not. */
export const DEFAULT_STEP_UP_REQUIRES_MFA_ABOVE = 70;
/** How long a step-up stays fresh enough to reuse. */
export const DEFAULT_STEP_UP_MAX_AGE_SECONDS = 300;

/**
 * Whether an action needs a fresh MFA verification. A score that is not a finite number (`NaN`,
 * `undefined` from untyped code, `Infinity`) counts as high risk: the check fails closed.
 */
export function requiresStepUp(riskScore: number, threshold = DEFAULT_STEP_UP_REQUIRES_MFA_ABOVE): boolean {
  if (typeof riskScore !== 'number' || !Number.isFinite(riskScore) || Number.isNaN(threshold)) return true;
  return riskScore > threshold;
}

export function isStepUpFresh(
  verifiedAt: number | undefined,
  now: number,
  maxAgeSeconds = DEFAULT_STEP_UP_MAX_AGE_SECONDS,
): boolean {
  return verifiedAt !== undefined && now - verifiedAt >= 0 && now - verifiedAt <= maxAgeSeconds * 1000;
}
