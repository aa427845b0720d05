import { createContext, type ReactNode, useContext } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';

/** Set inside a card that already shows the brand, so a flow nested in it (TOTP setup in sign-in) does not repeat it. */
const BrandShown = createContext(false);

/** Marks its children as inside a card whose header already carries the brand. */
export function BrandScope({ children }: { children: ReactNode }) {
  return <BrandShown.Provider value={true}>{children}</BrandShown.Provider>;
}

/**
 * The host's logo and app name (`MfaProvider`'s `logo` and `appName`) at the top of a card; nothing
 * when neither is set, or when an outer card shows them already.
 */
export function CardBrand() {
  const { appName, logo } = useMfaContext('CardBrand');
  const nested = useContext(BrandShown);
  if (nested || (appName === undefined && logo === undefined)) return null;
  return (
    <div className="mfa-brand" data-mfa-part="brand">
      {logo !== undefined ? <span className="mfa-brand__logo">{logo}</span> : null}
      {appName !== undefined ? <span className="mfa-brand__name">{appName}</span> : null}
    </div>
  );
}
