import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RecoveryRefusal } from '../../core/flows/signIn.js';
import { normalizeRecoveryCode } from '../../core/recovery.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import type { MessageKey } from '../../i18n/index.js';
import { useMfaContext } from '../MfaProvider/index.js';
import { RecoveryCodes } from '../RecoveryCodes/index.js';
import { TotpSetup } from '../TotpSetup/index.js';

const refusalMessages: Record<RecoveryRefusal['reason'], MessageKey> = {
  NOT_AUTHORIZED: 'error.notAuthorized',
  CODE_INVALID: 'recovery.codeInvalid',
  CODE_USED: 'recovery.codeUsed',
  RATE_LIMITED: 'recovery.rateLimited',
};

/** "Use a recovery code": the code (and the password when the flow does not hold it). */
export function RecoveryCodeStep({ api, needsPassword }: { api: MfaSignInApi; needsPassword: boolean }) {
  const { t } = useMfaContext('MfaChallenge');
  const id = useId();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [malformed, setMalformed] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const refusal = api.state.recoveryRefusal;
  const submitting = api.status === 'submitting';

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
    api.redeemRecoveryCode({ code, password: needsPassword ? password : undefined });
  };

  const message = malformed
    ? t('recovery.codeMalformed')
    : refusal
      ? t(refusalMessages[refusal.reason], { seconds: refusal.retryAfterSeconds ?? 60 })
      : '';
  const codeInvalid = malformed || (refusal !== undefined && refusal.reason !== 'NOT_AUTHORIZED');

  return (
    <form className="mfa-challenge__recovery" data-mfa-part="recovery-step" noValidate onSubmit={onSubmit}>
      <h2>{t('recovery.redeemTitle')}</h2>
      <p id={`${id}-intro`}>{t('recovery.redeemIntro')}</p>
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
      <p id={`${id}-error`} role="alert" data-mfa-part="recovery-error">
        {message}
      </p>
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        disabled={submitting || !code.trim() || (needsPassword && !password)}
      >
        {submitting ? t('recovery.redeeming') : t('recovery.redeem')}
      </button>
      <button type="button" className="mfa-link" onClick={api.cancelRecovery} disabled={submitting}>
        {t('recovery.back')}
      </button>
    </form>
  );
}

/** Signed in with a recovery code: the old authenticator is gone, so enrol one again. */
export function RecoveryEnrolStep({ api }: { api: MfaSignInApi }) {
  const { t } = useMfaContext('MfaChallenge');
  return (
    <div data-mfa-part="recovery-enrol-step">
      <p role="status">{t('recovery.reenrolIntro')}</p>
      <TotpSetup accountName={api.state.username} onComplete={api.finishRecoveryEnrolment} />
    </div>
  );
}

/** After (re-)enrolment: new recovery codes, shown once, before the host hears "signed in". */
export function RecoveryCodesStep({ api }: { api: MfaSignInApi }) {
  return (
    <RecoveryCodes
      accountName={api.state.username}
      autoGenerate={api.state.recovering ? 'always' : 'if-none'}
      onComplete={api.finishRecoveryCodes}
    />
  );
}
