import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enRecovery } from '../../i18n/enRecovery.js';
import { RecoveryCodeForm } from '../RecoveryCodes/RecoveryCodeForm.js';
import { RecoveryCodesPanel } from '../RecoveryCodes/RecoveryCodesPanel.js';
import { TotpSetup } from '../TotpSetup/index.js';

/** "Use a recovery code" in sign-in: the code (and the password when the flow does not hold it). */
export function RecoveryCodeStep({ api, needsPassword }: { api: MfaSignInApi; needsPassword: boolean }) {
  return (
    <RecoveryCodeForm
      needsPassword={needsPassword}
      submitting={api.status === 'submitting'}
      refusal={api.state.recoveryRefusal}
      onRedeem={api.redeemRecoveryCode}
      onBack={api.cancelRecovery}
    />
  );
}

/** Signed in with a recovery code: the old authenticator is gone, so enrol one again. */
export function RecoveryEnrolStep({ api }: { api: MfaSignInApi }) {
  const { t } = useMfaContext('MfaChallenge', enRecovery);
  return (
    <div data-mfa-part="recovery-enrol-step">
      <p role="status">{t('recovery.reenrolIntro')}</p>
      <TotpSetup accountName={api.state.username} onVerified={api.finishRecoveryEnrolment} />
    </div>
  );
}

/**
 * After (re-)enrolment: new recovery codes, shown once, before the host hears "signed in". A user who
 * still has codes sees how many and goes on; replacing them is for their settings (RecoveryCodes).
 */
export function RecoveryCodesStep({ api }: { api: MfaSignInApi }) {
  return (
    <RecoveryCodesPanel
      accountName={api.state.username}
      autoGenerate={api.state.recovering ? 'always' : 'if-none'}
      onAcknowledged={api.finishRecoveryCodes}
    />
  );
}
