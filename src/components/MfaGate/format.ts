import type { MfaContextValue } from '../../context/mfaContext.js';
import type { CoreMessageKey } from '../../i18n/en.js';
import type { enMethodPicker } from '../../i18n/enLeaves.js';
import type { MfaMethod } from '../../ports.js';

const methodLabel = { TOTP: 'methods.totp', SMS: 'methods.sms', EMAIL: 'methods.email' } as const;

/** A deadline in the user's locale and time zone: "Nov 29, 2026, 12:00 PM". */
export function formatDeadline(mfa: Pick<MfaContextValue, 'locale'>, at: number): string {
  return new Intl.DateTimeFormat(mfa.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(at),
  );
}

/** "Authenticator app or Text message (SMS)". */
export function formatMethods(
  mfa: Pick<MfaContextValue<CoreMessageKey | keyof typeof enMethodPicker>, 'locale' | 't'>,
  methods: readonly MfaMethod[],
): string {
  return new Intl.ListFormat(mfa.locale, { type: 'disjunction' }).format(
    methods.map((method) => mfa.t(methodLabel[method])),
  );
}
