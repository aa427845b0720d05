import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { MfaError } from '../core/errors.js';
import { formatMessage, type MessageVars } from '../i18n/format.js';
import type { Catalog, MessageKey, Messages } from '../i18n/index.js';
import type { AuthClient, RecoveryCodesAdapter } from '../ports.js';

export type MfaTheme = 'light' | 'dark' | 'system';

export interface MfaContextValue {
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
  messages: Messages;
  /** The message for `key`, with `{placeholders}` filled from `vars`. */
  t(key: MessageKey, vars?: MessageVars): string;
  /** The user-facing explanation of an error. Never the SDK's raw text. */
  describeError(error: MfaError): string;
}

/** The context also carries the provider's catalog (before overrides), for nested providers. */
export interface ProvidedMfaContext extends MfaContextValue {
  catalog: Catalog | undefined;
}

/**
 * Filled by `<MfaProvider>`; read through `useMfaContext`, `useMfa` or `useLeafMessages`. This module
 * imports no catalog, so a leaf component used alone does not bundle one.
 */
export const MfaContext = createContext<ProvidedMfaContext | null>(null);

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
