// src/admin still reads the context from here; everything else imports src/context directly.
export { portalTheme, useMfaContext } from '../../context/mfaContext.js';
export { MfaProvider, type MfaProviderProps } from './MfaProvider.js';
