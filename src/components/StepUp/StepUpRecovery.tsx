import { useState } from 'react';
import { type MfaError, toMfaError } from '../../core/errors.js';
import type { RecoveryRefusal } from '../../core/flows/signIn.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { useMfaContext } from '../MfaProvider/index.js';
import { RecoveryCodeForm } from '../RecoveryCodes/RecoveryCodeForm.js';

/**
 * "Lost your authenticator?" inside step-up: redeems a recovery code with the password. That turns
 * the authenticator off, so the action still does not run: the user sets MFA up again first.
 */
export function StepUpRecovery({ onBack, onRedeemed }: { onBack: () => void; onRedeemed: () => void }) {
  const { recovery, client, describeError } = useMfaContext('StepUpDialog');
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<RecoveryRefusal>();
  const [error, setError] = useState<MfaError>();

  const redeem = async ({ code, password }: { code: string; password?: string }) => {
    if (!recovery || submitting) return;
    setSubmitting(true);
    setRefusal(undefined);
    setError(undefined);
    try {
      const { username } = await client.getCurrentUser();
      const result = await recovery.redeem({ username, password: password ?? '', code });
      if (result.ok) onRedeemed();
      else setRefusal(result);
    } catch (caught) {
      setError(toMfaError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div data-mfa-part="step-up-recovery">
      <RecoveryCodeForm
        needsPassword
        submitting={submitting}
        refusal={refusal}
        onRedeem={(input) => void redeem(input)}
        onBack={onBack}
        title={false}
        intro="stepUp.recoveryIntro"
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
