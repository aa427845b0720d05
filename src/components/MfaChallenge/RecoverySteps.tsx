import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { RecoveryCodes } from '../RecoveryCodes/index.js';
import { RecoveryCodeForm } from '../RecoveryCodes/RecoveryCodeForm.js';
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
  const { t } = useMfaContext('MfaChallenge');
  return (
    <div data-mfa-part="recovery-enrol-step">
      <p role="status">{t('recovery.reenrolIntro')}</p>
      <TotpSetup accountName={api.state.username} onVerified={api.finishRecoveryEnrolment} />
    </div>
  );
}

/** After (re-)enrolment: new recovery codes, shown once, before the host hears "signed in". */
export function RecoveryCodesStep({ api }: { api: MfaSignInApi }) {
  return (
    <RecoveryCodes
      accountName={api.state.username}
      autoGenerate={api.state.recovering ? 'always' : 'if-none'}
      onAcknowledged={api.finishRecoveryCodes}
    />
  );
}
