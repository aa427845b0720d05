import { type ReactNode, useContext, useMemo } from 'react';
import { MfaContext, type MfaTheme, type ProvidedMfaContext } from '../../context/mfaContext.js';
import type { CoreMessageKey, Messages } from '../../i18n/en.js';
import { enCore } from '../../i18n/enCore.js';
import { errorMessageKeys } from '../../i18n/errorMessages.js';
import { type Catalog, directionOf, formatMessage, type MessageVars } from '../../i18n/index.js';
import type { AuthClient, RecoveryCodesAdapter } from '../../ports.js';

export interface MfaProviderProps {
  /** The Cognito client: `amplifyAuthClient()` in apps, `createCognitoSimulator().client` in stories and tests. */
  client: AuthClient;
  /**
   * Recovery codes: `httpRecoveryCodes()` against `mfa-kit/server`, or the simulator's. Without it
   * no recovery-code UI is offered.
   */
  recovery?: RecoveryCodesAdapter;
  /** Name shown in authenticator apps next to the account, e.g. "Acme". */
  issuer?: string;
  /** BCP 47 tag ('es-MX'): sets the text direction, plural rules and date formats. */
  locale?: string;
  /**
   * The messages for `locale`; English (built in) when absent. Catalogs ship as their own entry
   * points so an app pays only for the languages it uses: `import { es } from 'mfa-kit/locales/es'`
   * (also `mfa-kit/locales/de`, `mfa-kit/locales/ar`). A nested provider with the same `locale`
   * keeps the catalog of the one around it.
   */
  catalog?: Catalog;
  /** Overrides for individual catalog messages, merged over the locale's catalog. */
  messages?: Partial<Messages>;
  /**
   * Colour scheme of the dialogs (step-up, "Generate new codes?"), which are portalled to `<body>`,
   * outside your page: set it when your app themes itself. Inline components follow the page: a
   * `data-theme="light" | "dark"` on an ancestor, else `prefers-color-scheme`. A nested provider
   * inherits it.
   */
  theme?: MfaTheme;
  /**
   * Your product's name, shown at the top of the sign-in, TOTP setup and step-up cards
   * ("Acme Cloud"). A nested provider inherits it. Unset: no header line.
   */
  appName?: string;
  /**
   * Your logo, shown before `appName` at the top of the same cards, e.g.
   * `<img src="/logo.svg" alt="" width={28} height={28} />`. Give it `alt=""` when `appName` names the
   * app beside it; else alt text that names it. A nested provider inherits it.
   */
  logo?: ReactNode;
  children?: ReactNode;
}

export function MfaProvider({
  client,
  recovery,
  issuer = 'mfa-kit',
  locale = 'en',
  catalog: catalogProp,
  messages,
  theme: themeProp,
  appName: appNameProp,
  logo: logoProp,
  children,
}: MfaProviderProps) {
  // A nested provider (a story, a settings page) keeps the theme of the one around it, and its
  // catalog when both speak the same locale.
  const parent = useContext(MfaContext);
  const theme = themeProp ?? parent?.theme ?? 'system';
  const appName = appNameProp ?? parent?.appName;
  const logo = logoProp ?? parent?.logo;
  const catalog = catalogProp ?? (parent?.locale === locale ? parent.catalog : undefined);
  const value = useMemo<ProvidedMfaContext>(() => {
    // English beyond the core comes with the components that show it (useMfaContext).
    const text: Partial<Messages> = { ...enCore, ...catalog, ...stripUndefined(messages) };
    // Plural rules of the language the text is in (a French host on the English catalog gets English).
    const pluralLocale = catalog ? locale : 'en';
    const t = (key: CoreMessageKey, vars?: MessageVars) =>
      formatMessage(text[key] ?? key, vars, pluralLocale);
    return {
      catalog,
      pluralLocale,
      client,
      recovery,
      issuer,
      locale,
      dir: directionOf(locale),
      theme,
      appName,
      logo,
      messages: text,
      t,
      describeError: (error) => t(errorMessageKeys[error.code]),
    };
  }, [client, recovery, issuer, locale, catalog, messages, theme, appName, logo]);
  return <MfaContext.Provider value={value}>{children}</MfaContext.Provider>;
}

function stripUndefined(overrides: Partial<Messages> | undefined): Partial<Messages> {
  if (!overrides) return {};
  return Object.fromEntries(Object.entries(overrides).filter(([, text]) => text !== undefined));
}
