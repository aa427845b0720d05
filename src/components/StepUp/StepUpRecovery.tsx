import { useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaError } from '../../core/errors.js';
import type { RecoveryRefusal } from '../../core/recovery.js';
import { useAsyncGuard } from '../../hooks/useAsyncGuard.js';
import { useRecoveryRedeem } from '../../hooks/useRecoveryRedeem.js';
import { enStepUp } from '../../i18n/enStepUp.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { RecoveryCodeForm } from '../RecoveryCodes/RecoveryCodeForm.js';

/**
 * "Lost your authenticator?" inside step-up: redeems a recovery code with the password. That turns
 * the authenticator off, so the action still does not run: the user sets MFA up again first.
 */
export function StepUpRecovery({ onBack, onRedeemed }: { onBack: () => void; onRedeemed: () => void }) {
  const { describeError, t } = useMfaContext('StepUpDialog', enStepUp);
  const redeemCode = useRecoveryRedeem();
  const { mounted, exclusive } = useAsyncGuard();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<RecoveryRefusal>();
  const [error, setError] = useState<MfaError>();

  const redeem = ({ code, password }: { code: string; password?: string }) =>
    exclusive(async () => {
      if (!redeemCode) return;
      setSubmitting(true);
      setRefusal(undefined);
      setError(undefined);
      const outcome = await redeemCode({ password: password ?? '', code });
      if (!mounted.current) return;
      setSubmitting(false);
      if (outcome.status === 'redeemed') onRedeemed();
      else if (outcome.status === 'refused') setRefusal(outcome.refusal);
      else setError(outcome.error);
    });

  return (
    <div data-mfa-part="step-up-recovery">
      <RecoveryCodeForm
        needsPassword
        submitting={submitting}
        refusal={refusal}
        onRedeem={(input) => void redeem(input)}
        onBack={onBack}
        title={false}
        intro={t('stepUp.recoveryIntro')}
      />
      <p role="alert" className="mfa-alert" data-tone="error">
        {error ? (
          <>
            <StatusIcon tone="error" />
            {describeError(error)}
          </>
        ) : null}
      </p>
    </div>
  );
}
