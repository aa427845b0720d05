// 'mfa-kit/core': the framework-free rules, safe to import from Server Components, route handlers
// and Node. No React, no DOM, no 'use client'. The client entry 'mfa-kit' re-exports all of it.
export {
  isMfaAdminError,
  JUSTIFICATION_MIN_LENGTH,
  MfaAdminError,
  type MfaAdminErrorCode,
} from './adminErrors.js';
export { isCompleteCode, normalizeCode } from './codes.js';
export { isMfaError, isRetryable, MfaError, type MfaErrorCode, toMfaError } from './errors.js';
export {
  buildOtpauthUri,
  formatSecretForDisplay,
  normalizeBase32Secret,
  type OtpAlgorithm,
  type OtpauthParameters,
  type ParsedOtpauthUri,
  parseOtpauthUri,
} from './otpauth.js';
export {
  DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  DEFAULT_STEP_UP_THRESHOLD,
  isStepUpFresh,
  requiresStepUp,
} from './policy.js';
export {
  formatRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from './recovery.js';
export { parseBearerChallenge, type StepUpRequirement, stepUpRequirementFrom } from './rfc9470.js';
