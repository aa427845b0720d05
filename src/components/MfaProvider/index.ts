export { MfaProvider, type MfaProviderProps } from './MfaProvider.js';
