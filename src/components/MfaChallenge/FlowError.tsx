import { useMfaContext } from '../../context/mfaContext.js';
import { isWrongCode } from '../../core/codeRules.js';
import { isRetryable } from '../../core/errors.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { StatusIcon } from '../internal/StatusIcon.js';

/** Failures that are not a wrong code, each with its way forward. Wrong codes show at the code field. */
export function FlowError({ api, onRestart }: { api: MfaSignInApi; onRestart?: () => void }) {
  const { t, describeError } = useMfaContext('MfaChallenge');
  const { error } = api;
  // Wrong codes and refused new passwords show at their own field; a lockout the code step counts
  // down ("try again in 42 seconds") is not said a second time here.
  const shown =
    error &&
    !isWrongCode(error) &&
    error.code !== 'INVALID_PASSWORD' &&
    !(error.code === 'LOCKED_OUT' && api.lockedUntil !== undefined && api.lockedUntil > Date.now());
  return (
    <div className="mfa-flow-error" data-mfa-part="error" role="alert">
      {shown ? (
        <>
          <p className="mfa-alert" data-tone="error">
            <StatusIcon tone="error" />
            {describeError(error)}
          </p>
          {isRetryable(error) ? (
            <button type="button" className="mfa-button" onClick={api.retry}>
              {t('common.retry')}
            </button>
          ) : null}
          {error.code === 'ALREADY_SIGNED_IN' ? (
            <button type="button" className="mfa-button" onClick={api.signOut}>
              {t('challenge.signOut')}
            </button>
          ) : null}
          {error.code === 'SESSION_EXPIRED' && onRestart ? (
            <button type="button" className="mfa-button" onClick={onRestart}>
              {t('challenge.startOver')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
