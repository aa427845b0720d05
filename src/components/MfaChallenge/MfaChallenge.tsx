import { type RefObject, useEffect, useRef } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { EXAMPLE_PASSWORD_POLICY, type PasswordPolicy } from '../../core/passwordPolicy.js';
import { type MfaSignInApi, useMfaSignIn } from '../../hooks/useMfaSignIn.js';
import type { SignInOutput, SignInStep } from '../../ports.js';
import { BrandScope, CardBrand } from '../internal/CardBrand.js';
import { classNames } from '../internal/classNames.js';
import { ChallengeSteps, type CodeFields } from './ChallengeSteps.js';
import { FlowError } from './FlowError.js';

export interface MfaChallengeProps {
  /**
   * `nextStep` from the host's own `signIn()` call: where the challenge starts (read on mount; a new
   * sign-in needs a new element, e.g. a `key`).
   */
  defaultStep: SignInStep;
  /** The username the host signed in with: the account label for TOTP setup (read on mount). */
  defaultUsername?: string;
  onSignedIn?: (output: SignInOutput) => void;
  /**
   * The signed-in screen's "Continue" button, focused when it appears: where the user goes next.
   * Hosts that navigate away in `onSignedIn` need not set it; without it the screen shows the message only.
   */
  onContinue?: () => void;
  /**
   * "Back to sign in" (shown under every step when set) or an expired challenge session (3 minutes):
   * the host shows its password form again.
   */
  onRestart?: () => void;
  /** Steps mfa-kit does not handle, passed through untouched. */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  /** The account's sign-up is not confirmed (Amplify's CONFIRM_SIGN_UP step): route to confirmation. */
  onUserNotConfirmed?: (username: string) => void;
  onUseRecoveryCode?: () => void;
  /** Label and placeholder of the code field, per step. */
  codeFields?: CodeFields;
  /**
   * The pool's password policy, shown and checked on the new-password step (Cognito checks again).
   * Default: 12 characters, upper, lower, number and special character. `false` shows no hint.
   */
  passwordPolicy?: PasswordPolicy | false;
  className?: string;
}

/** Every MFA step Amplify's signIn can return, for hosts that call signIn themselves. */
export function MfaChallenge({
  defaultStep,
  defaultUsername,
  onSignedIn,
  onContinue,
  onRestart,
  onUnhandledStep,
  onUserNotConfirmed,
  onUseRecoveryCode,
  codeFields,
  passwordPolicy,
  className,
}: MfaChallengeProps) {
  const api = useMfaSignIn({
    defaultStep,
    defaultUsername,
    onSignedIn,
    onUnhandledStep,
    onUserNotConfirmed,
  });
  return (
    <ChallengeLayout
      api={api}
      onRestart={() => onRestart?.()}
      onBack={onRestart}
      onUseRecoveryCode={onUseRecoveryCode}
      onContinue={onContinue}
      codeFields={codeFields}
      passwordPolicy={passwordPolicy}
      className={className}
    />
  );
}

export function ChallengeLayout({
  api,
  onRestart,
  onBack,
  onUseRecoveryCode,
  onContinue,
  codeFields,
  passwordPolicy = EXAMPLE_PASSWORD_POLICY,
  className,
}: {
  api: MfaSignInApi;
  onRestart: () => void;
  onBack?: () => void;
  onUseRecoveryCode?: () => void;
  onContinue?: () => void;
  codeFields?: CodeFields;
  passwordPolicy?: PasswordPolicy | false;
  className?: string;
}) {
  const { dir } = useMfaContext('MfaChallenge');
  const sectionRef = useRef<HTMLElement>(null);
  useFocusOnStepChange(
    sectionRef,
    `${api.step.name}:${'method' in api.step ? api.step.method : ''}`,
    // Steps that start with something to read or scan: the heading, not the first field.
    api.step.name === 'totp-setup' || api.step.name === 'recovery-codes',
  );
  return (
    <section
      ref={sectionRef}
      className={classNames('mfa-challenge', className)}
      data-mfa-part="challenge"
      data-step={api.step.name}
      data-status={api.status}
      dir={dir}
      aria-busy={api.status === 'submitting'}
    >
      <CardBrand />
      <BrandScope>
        <ChallengeSteps
          api={api}
          onRestart={onRestart}
          onBack={onBack}
          onUseRecoveryCode={onUseRecoveryCode}
          onContinue={onContinue}
          codeFields={codeFields}
          passwordPolicy={passwordPolicy}
        />
      </BrandScope>
      <FlowError api={api} onRestart={onRestart} />
    </section>
  );
}

/**
 * Each new step takes focus, so keyboard and screen-reader users are not left on <body> when the
 * control they used (Sign in, Try another way, Continue) disappears: a field the step focused itself
 * keeps it; else the selected option or first field (or, with `preferHeading`, the heading); else
 * the step's heading.
 */
function useFocusOnStepChange(
  sectionRef: RefObject<HTMLElement | null>,
  stepKey: string,
  preferHeading: boolean,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, by design
  useEffect(() => {
    const section = sectionRef.current;
    if (!section || section.contains(document.activeElement)) return;
    const heading = section.querySelector<HTMLElement>('h2');
    const target =
      (preferHeading ? heading : null) ??
      section.querySelector<HTMLElement>('input[type="radio"]:checked:not(:disabled)') ??
      section.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select, textarea') ??
      heading;
    if (!target) return;
    if (target.tagName === 'H2' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [stepKey]);
}
