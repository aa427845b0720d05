import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { MfaError } from '../../core/errors.js';
import { errorMessageKeys } from '../../i18n/errorMessages.js';
import {
  type Catalog,
  directionOf,
  en,
  formatMessage,
  type MessageKey,
  type Messages,
  type MessageVars,
} from '../../i18n/index.js';
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
  children?: ReactNode;
}

export type MfaTheme = 'light' | 'dark' | 'system';

export interface MfaContextValue {
  client: AuthClient;
  recovery: RecoveryCodesAdapter | undefined;
  issuer: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  theme: MfaTheme;
  messages: Messages;
  /** The message for `key`, with `{placeholders}` filled from `vars`. */
  t(key: MessageKey, vars?: MessageVars): string;
  /** The user-facing explanation of an error. Never the SDK's raw text. */
  describeError(error: MfaError): string;
}

/** The context also carries the provider's catalog (before overrides), for nested providers. */
interface ProvidedContext extends MfaContextValue {
  catalog: Catalog | undefined;
}

const MfaContext = createContext<ProvidedContext | null>(null);

export function MfaProvider({
  client,
  recovery,
  issuer = 'mfa-kit',
  locale = 'en',
  catalog: catalogProp,
  messages,
  theme: themeProp,
  children,
}: MfaProviderProps) {
  // A nested provider (a story, a settings page) keeps the theme of the one around it, and its
  // catalog when both speak the same locale.
  const parent = useContext(MfaContext);
  const theme = themeProp ?? parent?.theme ?? 'system';
  const catalog = catalogProp ?? (parent?.locale === locale ? parent.catalog : undefined);
  const value = useMemo<ProvidedContext>(() => {
    const text: Messages = { ...en, ...catalog, ...stripUndefined(messages) };
    // Plural rules of the language the text is in (a French host on the English catalog gets English).
    const pluralLocale = catalog ? locale : 'en';
    const t = (key: MessageKey, vars?: MessageVars) => formatMessage(text[key], vars, pluralLocale);
    return {
      catalog,
      client,
      recovery,
      issuer,
      locale,
      dir: directionOf(locale),
      theme,
      messages: text,
      t,
      describeError: (error) => t(errorMessageKeys[error.code]),
    };
  }, [client, recovery, issuer, locale, catalog, messages, theme]);
  return <MfaContext.Provider value={value}>{children}</MfaContext.Provider>;
}

function stripUndefined(overrides: Partial<Messages> | undefined): Partial<Messages> {
  if (!overrides) return {};
  return Object.fromEntries(Object.entries(overrides).filter(([, text]) => text !== undefined));
}

/** Context for a named consumer, so a missing provider names the component that needed it. */
export function useMfaContext(consumer: string): MfaContextValue {
  const context = useContext(MfaContext);
  if (!context) {
    throw new Error(
      `${consumer} must be used within <MfaProvider>. Wrap your app (or story) in <MfaProvider client={…}>.`,
    );
  }
  return context;
}

/** The client, issuer, locale and messages of the nearest `<MfaProvider>`. */
export function useMfa(): MfaContextValue {
  return useMfaContext('useMfa');
}

/** What a leaf component needs to speak: the message function and, under a provider, its direction. */
export interface LeafMessages<K extends MessageKey> {
  t(key: K, vars?: MessageVars): string;
  dir: 'ltr' | 'rtl' | undefined;
}

/**
 * For leaf components that work without `<MfaProvider>` (CodeInput, MfaMethodPicker): the
 * provider's catalog and direction when there is one, else `english`, the component's own few
 * strings (src/i18n/enLeaves.ts), so a page with one leaf does not bundle the whole catalog, and
 * the document's direction (no `dir` attribute).
 */
export function useLeafMessages<K extends MessageKey>(english: Record<K, string>): LeafMessages<K> {
  const context = useContext(MfaContext);
  return useMemo(
    () => context ?? { t: (key: K, vars?: MessageVars) => formatMessage(english[key], vars), dir: undefined },
    [context, english],
  );
}

/** `data-theme` for content portalled outside the host's wrapper (dialogs): unset for 'system'. */
export function portalTheme(theme: MfaTheme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}
