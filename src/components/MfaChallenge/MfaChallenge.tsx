import { type MfaSignInApi, useMfaSignIn } from '../../hooks/useMfaSignIn.js';
import type { SignInOutput, SignInStep } from '../../ports.js';
import { classNames } from '../internal/classNames.js';
import { useMfaContext } from '../MfaProvider/index.js';
import { ChallengeSteps } from './ChallengeSteps.js';
import { FlowError } from './FlowError.js';

export interface MfaChallengeProps {
  /** `nextStep` from the host's own `signIn()` call. */
  step: SignInStep;
  /** The username the host signed in with: the account label for TOTP setup. */
  username?: string;
  onSignedIn?: (output: SignInOutput) => void;
  /** The challenge session expired (3 minutes): the host shows its password form again. */
  onRestart?: () => void;
  /** Steps mfa-kit does not handle, passed through untouched. */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  onUseRecoveryCode?: () => void;
  className?: string;
}

/** Every MFA step Amplify's signIn can return, for hosts that call signIn themselves. */
export function MfaChallenge({
  step,
  username,
  onSignedIn,
  onRestart,
  onUnhandledStep,
  onUseRecoveryCode,
  className,
}: MfaChallengeProps) {
  const api = useMfaSignIn({ initialStep: step, username, onSignedIn, onUnhandledStep });
  return (
    <ChallengeLayout
      api={api}
      onRestart={() => onRestart?.()}
      onUseRecoveryCode={onUseRecoveryCode}
      className={className}
    />
  );
}

export function ChallengeLayout({
  api,
  onRestart,
  onUseRecoveryCode,
  className,
}: {
  api: MfaSignInApi;
  onRestart: () => void;
  onUseRecoveryCode?: () => void;
  className?: string;
}) {
  const { dir } = useMfaContext('MfaChallenge');
  return (
    <section
      className={classNames('mfa-challenge', className)}
      data-mfa-part="challenge"
      data-step={api.step.name}
      data-status={api.status}
      dir={dir}
      aria-busy={api.status === 'submitting'}
    >
      <ChallengeSteps api={api} onRestart={onRestart} onUseRecoveryCode={onUseRecoveryCode} />
      <FlowError api={api} onRestart={onRestart} />
    </section>
  );
}
