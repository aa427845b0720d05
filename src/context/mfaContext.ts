import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { MfaError } from '../core/errors.js';
import type { CoreMessageKey, EnglishMessages, MessageKey, Messages } from '../i18n/en.js';
import { formatMessage, type MessageVars } from '../i18n/format.js';
import type { Catalog } from '../i18n/index.js';
import type { AuthClient, RecoveryCodesAdapter } from '../ports.js';

export type MfaTheme = 'light' | 'dark' | 'system';

/**
 * `K`: the message keys `t` knows. Inside mfa-kit each component names the English it brings
 * (`useMfaContext('X', enRecovery)`), so a key whose English would be missing does not compile.
 */
export interface MfaContextValue<K extends MessageKey = MessageKey> {
  client: AuthClient;
  recovery: RecoveryCodesAdapter | undefined;
  issuer: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  theme: MfaTheme;
  /** The provider's `appName`, shown in the cards' header. */
  appName: string | undefined;
  /** The provider's `logo`, shown in the cards' header. */
  logo: ReactNode | undefined;
  /**
   * The messages in effect: the catalog's (every key) over English. Without a catalog, English for
   * the sign-in and challenge steps, plus the English of the components that asked for theirs.
   */
  messages: Readonly<Partial<Messages>>;
  /** The message for `key`, with `{placeholders}` filled from `vars`; the key itself when it has no text. */
  t(key: K, vars?: MessageVars): string;
  /** The user-facing explanation of an error. Never the SDK's raw text. */
  describeError(error: MfaError): string;
}

/** The context also carries what nested providers and component English need. */
export interface ProvidedMfaContext extends MfaContextValue<CoreMessageKey> {
  /** The provider's catalog (before overrides), for nested providers. */
  catalog: Catalog | undefined;
  /** The locale whose plural rules the text follows: English when there is no catalog. */
  pluralLocale: string;
}

/**
 * Filled by `<MfaProvider>`; read through `useMfaContext`, `useMfa` or `useLeafMessages`. This module
 * imports no catalog, so a leaf component used alone does not bundle one.
 */
export const MfaContext = createContext<ProvidedMfaContext | null>(null);

type KeysOf<E> = E extends unknown ? keyof E & MessageKey : never;

/**
 * Context for a named consumer, so a missing provider names the component that needed it. `english`:
 * the parts of the English catalog the component shows beyond the core (src/i18n/enTotpSetup.ts, enRecovery.ts …);
 * they stand in where the provider has no catalog, and the catalog's text wins where it has one.
 */
export function useMfaContext<E extends EnglishMessages[] = []>(
  consumer: string,
  ...english: E
): MfaContextValue<CoreMessageKey | KeysOf<E[number]>> {
  const context = useContext(MfaContext);
  if (!context) {
    throw new Error(
      `${consumer} must be used within <MfaProvider>. Wrap your app (or story) in <MfaProvider client={…}>.`,
    );
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the English objects are module constants, the same on every render.
  return useMemo(() => withEnglish(context, english), [context, ...english]);
}

/** `context` with `english` under its messages (one component's view). */
function withEnglish(context: ProvidedMfaContext, english: readonly EnglishMessages[]): MfaContextValue {
  if (english.length === 0) return context as MfaContextValue;
  const messages: Partial<Messages> = Object.assign({}, ...english, context.messages);
  const t = (key: MessageKey, vars?: MessageVars) =>
    formatMessage(messages[key] ?? key, vars, context.pluralLocale);
  return { ...context, messages, t };
}

/**
 * The client, issuer, locale and messages of the nearest `<MfaProvider>`. `t` knows every key of the
 * provider's catalog; without one it has English for sign-in and the challenge steps, and shows the
 * key for other messages: pass `en` (from `mfa-kit/core`) as `messages` to the provider to have all.
 */
export function useMfa(): MfaContextValue {
  return useMfaContext('useMfa') as MfaContextValue;
}

/** What a leaf component needs to speak: the message function and, under a provider, its direction. */
export interface LeafMessages<K extends MessageKey> {
  t(key: K, vars?: MessageVars): string;
  dir: 'ltr' | 'rtl' | undefined;
}

/**
 * For leaf components that work without `<MfaProvider>` (CodeInput, MfaMethodPicker): `english`, the
 * component's own few strings (src/i18n/enLeaves.ts), under the provider's catalog and direction when
 * there is one; alone, English and the document's direction (no `dir` attribute).
 */
export function useLeafMessages<K extends MessageKey>(english: Record<K, string>): LeafMessages<K> {
  const context = useContext(MfaContext);
  return useMemo(
    () =>
      context
        ? withEnglish(context, [english])
        : { t: (key: K, vars?: MessageVars) => formatMessage(english[key], vars), dir: undefined },
    [context, english],
  );
}

/** `data-theme` for content portalled outside the host's wrapper (dialogs): unset for 'system'. */
export function portalTheme(theme: MfaTheme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}
