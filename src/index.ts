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
export { MfaProvider, type MfaProviderProps } from './components/MfaProvider/index.js';
export { MfaSettings, type MfaSettingsProps } from './components/MfaSettings/index.js';
export { RecoveryCodes, type RecoveryCodesProps } from './components/RecoveryCodes/index.js';
export { SignIn, type SignInProps } from './components/SignIn/index.js';
export {
  StepUpDialog,
  type StepUpDialogProps,
  type StepUpEvent,
  StepUpProvider,
  type StepUpProviderProps,
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
export { type MfaContextValue, type MfaTheme, useMfa } from './context/mfaContext.js';
export { type GuardOptions, type StepUpApi, useStepUp } from './context/stepUpContext.js';
export { isStepUpCancelled, StepUpCancelledError, StepUpRefusedError } from './core/errors.js';
export type { RecoveryCodesState } from './core/flows/recoveryCodes.js';
export {
  type SignInAction,
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
export * from './core/index.js';
export {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  EXAMPLE_PASSWORD_POLICY,
  type PasswordPolicy,
  type PasswordRule,
  passwordRules,
  unmetPasswordRules,
} from './core/passwordPolicy.js';
export type { RecoveryRefusal } from './core/recovery.js';
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
export type * from './ports.js';
