export { type CognitoReauthVerifierOptions, cognitoReauthVerifier } from './cognito/index.js';
export { CodeInput, type CodeInputProps } from './components/CodeInput/index.js';
export {
  ContactFactorSetup,
  type ContactFactorSetupProps,
} from './components/ContactFactorSetup/index.js';
export {
  type CodeFields,
  type CodeFieldText,
  MfaChallenge,
  type MfaChallengeProps,
} from './components/MfaChallenge/index.js';
export { MfaGate, type MfaGateProps } from './components/MfaGate/index.js';
export { MfaMethodPicker, type MfaMethodPickerProps } from './components/MfaMethodPicker/index.js';
export {
  type MfaContextValue,
  MfaProvider,
  type MfaProviderProps,
  type MfaTheme,
  useMfa,
} from './components/MfaProvider/index.js';
export { MfaSettings, type MfaSettingsProps } from './components/MfaSettings/index.js';
export { RecoveryCodes, type RecoveryCodesProps } from './components/RecoveryCodes/index.js';
export { SignIn, type SignInProps } from './components/SignIn/index.js';
export {
  type GuardOptions,
  isStepUpCancelled,
  type StepUpApi,
  StepUpCancelledError,
  StepUpDialog,
  type StepUpDialogProps,
  type StepUpEvent,
  StepUpProvider,
  type StepUpProviderProps,
  StepUpRefusedError,
  useStepUp,
} from './components/StepUp/index.js';
export {
  TotpSetup,
  TotpSetupCodeField,
  TotpSetupCopyKeyButton,
  TotpSetupError,
  TotpSetupManualKey,
  type TotpSetupPartProps,
  type TotpSetupProps,
  TotpSetupQrCode,
} from './components/TotpSetup/index.js';
export {
  isMfaAdminError,
  JUSTIFICATION_MIN_LENGTH,
  MfaAdminError,
  type MfaAdminErrorCode,
} from './core/adminErrors.js';
export { isCompleteCode, normalizeCode } from './core/codes.js';
export { isMfaError, isRetryable, MfaError, type MfaErrorCode, toMfaError } from './core/errors.js';
export type { RecoveryCodesState } from './core/flows/recoveryCodes.js';
export {
  type RecoveryRefusal,
  type SignInEvent,
  type SignInState,
  type SignInUiStep,
  signInReducer,
  stepFromOutput,
} from './core/flows/signIn.js';
export type { TotpSetupState } from './core/flows/totpSetup.js';
export {
  type IdentifierProblem,
  identifierProblem,
  isE164,
  type LoginWith,
  normalizeIdentifier,
} from './core/identifier.js';
export {
  MFA_COMPLIANT_CLAIM,
  MFA_GRACE_UNTIL_CLAIM,
  type MfaClaims,
  mfaClaimsAsStrings,
  mfaClaimsFor,
  mfaStatusFromClaims,
  type TokenMfaStatus,
} from './core/mfaClaims.js';
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
} from './core/mfaPolicy.js';
export {
  buildOtpauthUri,
  formatSecretForDisplay,
  normalizeBase32Secret,
  type OtpAlgorithm,
  type OtpauthParameters,
  type ParsedOtpauthUri,
  parseOtpauthUri,
} from './core/otpauth.js';
export {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  EXAMPLE_PASSWORD_POLICY,
  type PasswordPolicy,
  type PasswordRule,
  passwordRules,
  unmetPasswordRules,
} from './core/passwordPolicy.js';
export {
  formatPhoneAsTyped,
  type ParsedPhone,
  type PhoneProblem,
  parseE164,
} from './core/phone.js';
export {
  DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  DEFAULT_STEP_UP_THRESHOLD,
  isStepUpFresh,
  requiresStepUp,
} from './core/policy.js';
export {
  formatRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from './core/recovery.js';
export { parseBearerChallenge, type StepUpRequirement, stepUpRequirementFrom } from './core/rfc9470.js';
export {
  type ContactFactor,
  type ContactFactorSetupApi,
  type ContactFactorStatus,
  type UseContactFactorSetupOptions,
  useContactFactorSetup,
} from './hooks/useContactFactorSetup.js';
export {
  type MfaEnforcementApi,
  type UseMfaEnforcementOptions,
  useMfaEnforcement,
} from './hooks/useMfaEnforcement.js';
export {
  type MfaMethodState,
  type MfaMethodStatus,
  type MfaSettingsApi,
  type TurnOffRefusal,
  type UseMfaSettingsOptions,
  useMfaSettings,
} from './hooks/useMfaSettings.js';
export {
  type MfaSignInApi,
  type NewPasswordInput,
  type UseMfaSignInOptions,
  useMfaSignIn,
} from './hooks/useMfaSignIn.js';
export {
  type RecoveryCodesApi,
  type UseRecoveryCodesOptions,
  useRecoveryCodes,
} from './hooks/useRecoveryCodes.js';
export { type TotpSetupApi, type UseTotpSetupOptions, useTotpSetup } from './hooks/useTotpSetup.js';
export {
  type HttpAdminAdapterOptions,
  type HttpRecoveryCodesOptions,
  type HttpStepUpVerifierOptions,
  httpAdminAdapter,
  httpRecoveryCodes,
  httpStepUpVerifier,
} from './http/index.js';
export { errorMessageKeys } from './i18n/errorMessages.js';
export {
  ar,
  catalogLocale,
  de,
  directionOf,
  en,
  es,
  formatMessage,
  type Locale,
  locales,
  type MessageKey,
  type Messages,
  type MessageVars,
  messagesFor,
} from './i18n/index.js';
export type * from './ports.js';
