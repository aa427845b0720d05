import { type FormEvent, useId } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { useCodeField } from '../../hooks/useCodeField.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enChallenge } from '../../i18n/enChallenge.js';
import type { MfaMethod } from '../../ports.js';
import { CodeInput } from '../CodeInput/index.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { wrongCodeMessage } from '../internal/wrongCodeMessage.js';
import { BackToSignIn } from './BackToSignIn.js';
import type { CodeFieldText } from './ChallengeSteps.js';
import { ResendCode } from './ResendCode.js';
import { useCountdown } from './useCountdown.js';

const codeTitles: Record<MfaMethod, keyof typeof enChallenge> = {
  TOTP: 'challenge.totpTitle',
  SMS: 'challenge.smsTitle',
  EMAIL: 'challenge.emailTitle',
};

/** The code of an MFA challenge (authenticator app, text message or email), with its ways out. */
export function CodeStep({
  api,
  method,
  destination,
  onUseRecoveryCode,
  onBack,
  field,
}: {
  api: MfaSignInApi;
  method: MfaMethod;
  destination: string | undefined;
  onUseRecoveryCode: (() => void) | undefined;
  onBack: (() => void) | undefined;
  field: CodeFieldText | undefined;
}) {
  const { t, describeError } = useMfaContext('MfaChallenge', enChallenge);
  const rememberId = useId();
  const secondsLocked = useCountdown(api.lockedUntil);
  const { error, status } = api;
  const codeField = useCodeField(error);

  const submitting = status === 'submitting';
  const locked = secondsLocked > 0;
  const submit = (value: string) => {
    if (!submitting && !locked) api.submitCode(value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (codeField.complete) submit(codeField.code);
  };

  return (
    <form className="mfa-challenge__code" data-mfa-part="code-step" data-method={method} onSubmit={onSubmit}>
      <h2 data-mfa-part="title">{t(codeTitles[method])}</h2>
      {destination ? <p data-mfa-part="destination">{t('challenge.sentTo', { destination })}</p> : null}
      <CodeInput
        {...codeField.inputProps}
        onComplete={submit}
        disabled={submitting || locked}
        autoFocus
        label={field?.label}
        placeholder={field?.placeholder}
        // One message, announced once: what went wrong and how many tries are left.
        error={wrongCodeMessage(
          error,
          describeError,
          api.attemptsLeft !== undefined
            ? t('challenge.attemptsLeft', { count: api.attemptsLeft })
            : undefined,
        )}
      />
      {locked ? (
        <p className="mfa-alert" data-tone="warning" data-mfa-part="lockout" role="status">
          <StatusIcon tone="warning" />
          {t('challenge.lockedUntil', { seconds: secondsLocked })}
        </p>
      ) : null}
      <div className="mfa-challenge__remember" data-mfa-part="remember-device">
        <input
          id={rememberId}
          type="checkbox"
          checked={api.rememberDevice}
          onChange={(event) => api.setRememberDevice(event.currentTarget.checked)}
          aria-describedby={`${rememberId}-hint`}
        />
        <label htmlFor={rememberId}>{t('challenge.rememberDevice')}</label>
        <p id={`${rememberId}-hint`}>{t('challenge.rememberDeviceHint')}</p>
      </div>
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        disabled={submitting || locked || !codeField.complete}
      >
        {submitting ? t('challenge.verifying') : t('challenge.verify')}
      </button>
      {api.canTryAnotherWay ? (
        <button type="button" className="mfa-link" onClick={api.tryAnotherWay} disabled={submitting}>
          {t('challenge.tryAnotherWay')}
        </button>
      ) : null}
      <ResendCode api={api} />
      {onUseRecoveryCode ? (
        <button type="button" className="mfa-link" onClick={onUseRecoveryCode} disabled={submitting}>
          {t('challenge.useRecoveryCode')}
        </button>
      ) : null}
      <BackToSignIn onBack={onBack} disabled={submitting} />
    </form>
  );
}
