export {
  type MfaContextValue,
  MfaProvider,
  type MfaProviderProps,
  useMfa,
  useMfaContext,
} from './MfaProvider.js';
