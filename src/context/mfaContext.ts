import { createContext, type ReactNode, useContext } from 'react';
import type { MfaError } from '../core/errors.js';
import { en, formatMessage, type MessageKey, type Messages, type MessageVars } from '../i18n/index.js';
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

/** Filled by `<MfaProvider>`; read through `useMfaContext`, `useMfa` or `useLeafMessages`. */
export const MfaContext = createContext<MfaContextValue | null>(null);

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
export type LeafMessages = Pick<MfaContextValue, 't'> & { dir: 'ltr' | 'rtl' | undefined };

const englishWithoutProvider: LeafMessages = {
  t: (key, vars) => formatMessage(en[key], vars),
  // No `dir` attribute: the element inherits the document's direction.
  dir: undefined,
};

/**
 * For leaf components that work without `<MfaProvider>` (CodeInput, MfaMethodPicker): the
 * provider's catalog and direction when there is one, else English and the document's direction.
 */
export function useLeafMessages(): LeafMessages {
  return useContext(MfaContext) ?? englishWithoutProvider;
}

/** `data-theme` for content portalled outside the host's wrapper (dialogs): unset for 'system'. */
export function portalTheme(theme: MfaTheme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}
