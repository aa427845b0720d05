// 'mfa-kit/core': the framework-free rules and the message catalogs, safe to import from Server
// Components, route handlers and Node (e.g. `<html dir={directionOf(locale)}>` in a Next.js layout).
// English only: the other catalogs are 'mfa-kit/locales/es', 'mfa-kit/locales/de', 'mfa-kit/locales/ar'.
// No React, no DOM, no 'use client'. The client entry 'mfa-kit' re-exports all of it.

export { errorMessageKeys } from '../i18n/errorMessages.js';
export {
  type Catalog,
  type CoreMessageKey,
  directionOf,
  en,
  formatMessage,
  type MessageKey,
  type Messages,
  type MessageVars,
} from '../i18n/index.js';
export type { MfaMethod } from '../ports.js';
export {
  isMfaAdminError,
  JUSTIFICATION_MIN_LENGTH,
  MfaAdminError,
  type MfaAdminErrorCode,
} from './adminErrors.js';
export { isCompleteCode, normalizeCode } from './codes.js';
export { isMfaError, isRetryable, MfaError, type MfaErrorCode, toMfaError } from './errors.js';
export {
  MFA_COMPLIANT_CLAIM,
  MFA_GRACE_UNTIL_CLAIM,
  type MfaClaims,
  mfaClaimsAsStrings,
  mfaClaimsFor,
  mfaStatusFromClaims,
  type TokenMfaStatus,
} from './mfaClaims.js';
export {
  createMfaPolicy,
  DEFAULT_GRACE_PERIOD_DAYS,
  daysUntil,
  evaluateMfaCompliance,
  graceDeadline,
  MAX_ADMIN_GRACE_PERIOD_DAYS,
  MAX_GRACE_PERIOD_DAYS,
  type MfaCompliance,
  type MfaComplianceInput,
  type MfaComplianceStatus,
  type MfaEnforcementAction,
  type MfaPolicy,
  MfaPolicyError,
  type MfaPolicyInput,
  type MfaRequirement,
  mfaPolicyFromJson,
  mfaRequirementFor,
  parseInstant,
} from './mfaPolicy.js';
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
  formatPhoneAsTyped,
  MAX_PHONE_DIGITS,
  MIN_PHONE_DIGITS,
  type ParsedPhone,
  type PhoneProblem,
  parseE164,
} from './phone.js';
export {
  DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  DEFAULT_STEP_UP_REQUIRES_MFA_ABOVE,
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
