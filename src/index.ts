export { CodeInput, type CodeInputProps } from './components/CodeInput/index.js';
export {
  MfaProvider,
  type MfaProviderProps,
  type MfaContextValue,
  useMfa,
} from './components/MfaProvider/index.js';
export { normalizeCode, isCompleteCode } from './core/codes.js';
export { MfaError, type MfaErrorCode, isMfaError, isRetryable, toMfaError } from './core/errors.js';
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
} from './i18n/index.js';
export { errorMessageKeys } from './i18n/errorMessages.js';
export type * from './ports.js';
