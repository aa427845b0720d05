import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enChallenge } from '../../i18n/enChallenge.js';
import { useCountdown } from './useCountdown.js';

/**
 * "Resend code" for SMS and email codes, after a cooldown shown as a live countdown. The countdown
 * is in the button's own text, not a live region: a screen reader hears it on focus, not every second.
 */
export function ResendCode({ api }: { api: MfaSignInApi }) {
  const { t } = useMfaContext('MfaChallenge', enChallenge);
  const seconds = useCountdown(api.resendAvailableAt);
  if (!api.canResendCode) return null;
  const waiting = seconds > 0;
  return (
    <div className="mfa-challenge__resend" data-mfa-part="resend" data-state={waiting ? 'cooldown' : 'ready'}>
      <button
        type="button"
        className="mfa-link"
        onClick={api.resendCode}
        disabled={waiting || api.status === 'submitting'}
      >
        {waiting ? t('challenge.resendIn', { seconds }) : t('challenge.resendCode')}
      </button>
      <p role="status" data-mfa-part="resend-status">
        {api.codeResent && !api.error ? t('challenge.codeResent') : ''}
      </p>
    </div>
  );
}
