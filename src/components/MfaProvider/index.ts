export {
  type LeafMessages,
  type MfaContextValue,
  MfaProvider,
  type MfaProviderProps,
  type MfaTheme,
  portalTheme,
  useLeafMessages,
  useMfa,
  useMfaContext,
} from './MfaProvider.js';
