export { MfaProvider, type MfaProviderProps, type MfaContextValue, useMfa, useMfaContext } from './MfaProvider.js';
