import { useMfaContext } from '../../context/mfaContext.js';
import type { PasswordPolicy } from '../../core/passwordPolicy.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enChallenge } from '../../i18n/enChallenge.js';
import type { MfaMethod } from '../../ports.js';
import { LazyStep } from '../internal/LazyStep.js';
import { retryableLazy } from '../internal/retryableLazy.js';
import { SuccessPanel } from '../internal/SuccessPanel.js';
import { BackToSignIn } from './BackToSignIn.js';
import { CodeStep } from './CodeStep.js';
import { EmailSetupStep, MethodStep } from './MethodSteps.js';
import { NewPasswordStep } from './NewPasswordStep.js';

// Steps most sign-ins never reach load on demand: their code (QR, recovery codes) is not part of the
// first download. See LazyStep for the fallback and focus. The new-password step comes with the
// others: SignIn loads them all while Cognito checks the password, and it is the first step there.
const TotpSetup = /* @__PURE__ */ retryableLazy(() =>
  import('../TotpSetup/TotpSetup.js').then((m) => m.TotpSetup),
);
// One download for the three recovery steps.
const loadRecoverySteps = () => import('./RecoverySteps.js');
const RecoveryCodeStep = /* @__PURE__ */ retryableLazy(() =>
  loadRecoverySteps().then((m) => m.RecoveryCodeStep),
);
const RecoveryEnrolStep = /* @__PURE__ */ retryableLazy(() =>
  loadRecoverySteps().then((m) => m.RecoveryEnrolStep),
);
const RecoveryCodesStep = /* @__PURE__ */ retryableLazy(() =>
  loadRecoverySteps().then((m) => m.RecoveryCodesStep),
);

/** Label and placeholder of one code field. */
export interface CodeFieldText {
  /** Replaces the catalog's "Verification code". */
  label?: string;
  /** Shown in the empty digit slots, one character per slot, e.g. "000000". */
  placeholder?: string;
}

/** Per-step code field text, like the Authenticator's `formFields` (confirmSignIn / setupTotp). */
export interface CodeFields {
  /** The authenticator-app code at sign-in (CONFIRM_SIGN_IN_WITH_TOTP_CODE). */
  totp?: CodeFieldText;
  /** The text-message code (CONFIRM_SIGN_IN_WITH_SMS_CODE). */
  sms?: CodeFieldText;
  /** The email code (CONFIRM_SIGN_IN_WITH_EMAIL_CODE). */
  email?: CodeFieldText;
  /** The code field of authenticator-app setup during sign-in. */
  totpSetup?: CodeFieldText;
}

const codeFieldKeys: Record<MfaMethod, keyof CodeFields> = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' };

export interface ChallengeStepsProps {
  api: MfaSignInApi;
  /**
   * Replaces the built-in "Use a recovery code" step (offered when the provider has a `recovery`
   * adapter) with the host's own handling.
   */
  onUseRecoveryCode?: () => void;
  /** "Back to sign in": the host restarts its own sign-in (MfaChallenge) or the form comes back (SignIn). */
  onRestart: () => void;
  /** The "Back to sign in" link under every step; hidden when undefined. */
  onBack?: () => void;
  codeFields?: CodeFields;
  /** The signed-in screen's "Continue" button; hidden when undefined. */
  onContinue?: () => void;
  /** The password policy hint of the new-password step; `false` hides it. */
  passwordPolicy: PasswordPolicy | false;
}

/** Renders whichever MFA step the sign-in flow is on. */
export function ChallengeSteps({
  api,
  onUseRecoveryCode,
  onRestart,
  onBack,
  onContinue,
  codeFields,
  passwordPolicy,
}: ChallengeStepsProps) {
  const { step } = api;
  const recoveryLink = onUseRecoveryCode ?? (api.canUseRecoveryCode ? api.startRecovery : undefined);
  switch (step.name) {
    case 'code':
      return (
        <CodeStep
          api={api}
          method={step.method}
          destination={step.codeDeliveryDetails?.destination}
          onUseRecoveryCode={recoveryLink}
          onBack={onBack}
          field={codeFields?.[codeFieldKeys[step.method]]}
        />
      );
    case 'recovery-code':
      return (
        <LazyStep key={step.name}>
          <RecoveryCodeStep api={api} needsPassword={step.needsPassword} />
        </LazyStep>
      );
    case 'recovery-enrol':
      return (
        <LazyStep key={step.name}>
          <RecoveryEnrolStep api={api} />
        </LazyStep>
      );
    case 'recovery-codes':
      return (
        <LazyStep key={step.name} focus="heading">
          <RecoveryCodesStep api={api} />
        </LazyStep>
      );
    case 'select-method':
    case 'select-setup-method':
      return (
        <MethodStep
          api={api}
          methods={step.methods}
          setup={step.name === 'select-setup-method'}
          onBack={onBack}
        />
      );
    case 'totp-setup':
      return (
        <>
          <LazyStep key={step.name} focus="heading">
            <TotpSetup
              accountName={api.state.username}
              totpSetupDetails={step.totpSetupDetails}
              onVerified={(output) => output && api.continueWith(output)}
              onRestart={onRestart}
              codeField={codeFields?.totpSetup}
            />
          </LazyStep>
          <BackToSignIn onBack={onBack} />
        </>
      );
    case 'email-setup':
      return <EmailSetupStep api={api} onBack={onBack} />;
    case 'new-password':
      return (
        <NewPasswordStep
          api={api}
          missingAttributes={step.missingAttributes}
          policy={passwordPolicy}
          onBack={onBack}
        />
      );
    case 'done':
      return <SignedIn onContinue={onContinue} />;
    default:
      return null;
  }
}

function SignedIn({ onContinue }: { onContinue: (() => void) | undefined }) {
  const { t } = useMfaContext('MfaChallenge', enChallenge);
  return (
    <SuccessPanel
      text={t('challenge.signedIn')}
      part="signed-in"
      action={onContinue ? { label: t('common.continue'), onClick: onContinue } : undefined}
    />
  );
}
