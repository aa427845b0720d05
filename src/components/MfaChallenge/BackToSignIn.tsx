import { useMfaContext } from '../../context/mfaContext.js';
import { enChallenge } from '../../i18n/enChallenge.js';

/** "Back to sign in" under every step: abandons the challenge; rendered only when there is somewhere to go. */
export function BackToSignIn({ onBack, disabled }: { onBack: (() => void) | undefined; disabled?: boolean }) {
  const { t } = useMfaContext('MfaChallenge', enChallenge);
  if (!onBack) return null;
  return (
    <button
      type="button"
      className="mfa-link"
      data-mfa-part="back-to-sign-in"
      onClick={onBack}
      disabled={disabled}
    >
      {t('challenge.backToSignIn')}
    </button>
  );
}
