import { createContext, useContext } from 'react';
import type { MfaContextValue } from '../../context/mfaContext.js';
import type { TotpSetupApi } from '../../hooks/useTotpSetup.js';
import type { CoreMessageKey } from '../../i18n/en.js';
import type { enTotpSetup } from '../../i18n/enTotpSetup.js';

export interface TotpSetupContextValue extends TotpSetupApi {
  mfa: MfaContextValue<CoreMessageKey | keyof typeof enTotpSetup>;
  /** The id of the manual-key region, for the disclosure button's aria-controls. */
  manualKeyId: string;
  /** Label and placeholder for the code field, when the host sets them. */
  codeField?: { label?: string; placeholder?: string };
}

export const TotpSetupContext = createContext<TotpSetupContextValue | null>(null);

export function useTotpSetupContext(part: string): TotpSetupContextValue {
  const context = useContext(TotpSetupContext);
  if (!context) throw new Error(`${part} must be used within <TotpSetup>.`);
  return context;
}
