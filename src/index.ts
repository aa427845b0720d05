export { CodeInput, type CodeInputProps } from './components/CodeInput';
export {
  MfaProvider,
  type MfaProviderProps,
  type MfaContextValue,
  useMfa,
} from './components/MfaProvider';
export { normalizeCode, isCompleteCode } from './core/codes';
export { MfaError, type MfaErrorCode, isMfaError, isRetryable, toMfaError } from './core/errors';
export {
  ar,
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
} from './i18n';
export { errorMessageKeys } from './i18n/errorMessages';
export type * from './ports';
