export {
  type LeafMessages,
  type MfaContextValue,
  MfaProvider,
  type MfaProviderProps,
  useLeafMessages,
  useMfa,
  useMfaContext,
} from './MfaProvider.js';
