import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import type { RecoveryRefusal } from '../../core/recovery.js';
import { normalizeRecoveryCode } from '../../core/recovery.js';
import { enRecovery } from '../../i18n/enRecovery.js';
import { StatusIcon } from '../internal/StatusIcon.js';

const refusalMessages: Record<RecoveryRefusal['reason'], 'error.notAuthorized' | keyof typeof enRecovery> = {
  NOT_AUTHORIZED: 'error.notAuthorized',
  CODE_INVALID: 'recovery.codeInvalid',
  CODE_USED: 'recovery.codeUsed',
  RATE_LIMITED: 'recovery.rateLimited',
};

export interface RecoveryCodeFormProps {
  /** Ask for the password too (the flow does not hold it). */
  needsPassword: boolean;
  submitting: boolean;
  /** Why the last redeem was refused. */
  refusal: RecoveryRefusal | undefined;
  onRedeem: (input: { code: string; password?: string }) => void;
  onBack: () => void;
  /** Heading level of the title: 2 in a page, none in a dialog that has its own title. */
  title?: boolean;
  /** What happens after the code is accepted, in the caller's words; sign-in's wording by default. */
  intro?: string;
}

/** A recovery code (and the password when needed), checked for shape before it is sent. */
export function RecoveryCodeForm({
  needsPassword,
  submitting,
  refusal,
  onRedeem,
  onBack,
  title = true,
  intro,
}: RecoveryCodeFormProps) {
  const { t } = useMfaContext('RecoveryCodeForm', enRecovery);
  const id = useId();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [malformed, setMalformed] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  // A refused code keeps what was typed (to fix a typo) and puts the cursor back in the field.
  useEffect(() => {
    if (refusal && refusal.reason !== 'NOT_AUTHORIZED') codeRef.current?.focus();
  }, [refusal]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = normalizeRecoveryCode(code) !== undefined;
    setMalformed(!valid);
    if (!valid) {
      codeRef.current?.focus();
      return;
    }
    if (needsPassword && !password) return;
    onRedeem({ code, password: needsPassword ? password : undefined });
  };

  const message = malformed
    ? t('recovery.codeMalformed')
    : refusal
      ? t(
          // Without a password field here (sign-in holds it), "or the password is wrong" would mislead.
          refusal.reason === 'CODE_INVALID' && !needsPassword
            ? 'recovery.codeInvalidCodeOnly'
            : refusalMessages[refusal.reason],
          { seconds: refusal.retryAfterSeconds ?? 60 },
        )
      : '';
  const codeInvalid = malformed || (refusal !== undefined && refusal.reason !== 'NOT_AUTHORIZED');

  return (
    <form className="mfa-challenge__recovery" data-mfa-part="recovery-step" noValidate onSubmit={onSubmit}>
      {title ? <h2>{t('recovery.redeemTitle')}</h2> : null}
      <p id={`${id}-intro`}>{intro ?? t('recovery.redeemIntro')}</p>
      <label htmlFor={`${id}-code`}>{t('recovery.codeLabel')}</label>
      <input
        ref={codeRef}
        id={`${id}-code`}
        name="recovery-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the user asked for this step; the field is its only purpose.
        autoFocus
        value={code}
        onChange={(event) => {
          setCode(event.currentTarget.value);
          setMalformed(false);
        }}
        aria-invalid={codeInvalid || undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        disabled={submitting}
      />
      <p id={`${id}-hint`} data-mfa-part="hint">
        {t('recovery.codeHint')}
      </p>
      {needsPassword ? (
        <>
          <label htmlFor={`${id}-password`}>{t('recovery.passwordLabel')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            disabled={submitting}
          />
        </>
      ) : null}
      <p
        id={`${id}-error`}
        role="alert"
        data-mfa-part="recovery-error"
        className="mfa-alert"
        data-tone="error"
      >
        {message ? (
          <>
            <StatusIcon tone="error" />
            {message}
          </>
        ) : null}
      </p>
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        disabled={submitting || !code.trim() || (needsPassword && !password)}
      >
        {submitting ? t('recovery.redeeming') : t('recovery.redeem')}
      </button>
      <button type="button" className="mfa-link" onClick={onBack} disabled={submitting}>
        {t('recovery.back')}
      </button>
    </form>
  );
}
