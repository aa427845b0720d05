import { type FormEvent, lazy, useEffect, useId, useRef, useState } from 'react';
import type { PasswordPolicy } from '../../core/passwordPolicy.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import type { MessageKey } from '../../i18n/index.js';
import type { MfaMethod } from '../../ports.js';
import { CodeInput } from '../CodeInput/index.js';
import { LazyStep } from '../internal/LazyStep.js';
import { MfaMethodPicker } from '../MfaMethodPicker/index.js';
import { useMfaContext } from '../MfaProvider/index.js';
import { BackToSignIn } from './BackToSignIn.js';
import { ResendCode } from './ResendCode.js';
import { useCountdown } from './useCountdown.js';

// Steps most sign-ins never reach load on demand: their code (QR, recovery codes, the new-password
// form) is not part of the first download. See LazyStep for the fallback and focus.
const TotpSetup = /* @__PURE__ */ lazy(() =>
  import('../TotpSetup/TotpSetup.js').then((m) => ({ default: m.TotpSetup })),
);
const NewPasswordStep = /* @__PURE__ */ lazy(() =>
  import('./NewPasswordStep.js').then((m) => ({ default: m.NewPasswordStep })),
);
const RecoveryCodeStep = /* @__PURE__ */ lazy(() =>
  import('./RecoverySteps.js').then((m) => ({ default: m.RecoveryCodeStep })),
);
const RecoveryEnrolStep = /* @__PURE__ */ lazy(() =>
  import('./RecoverySteps.js').then((m) => ({ default: m.RecoveryEnrolStep })),
);
const RecoveryCodesStep = /* @__PURE__ */ lazy(() =>
  import('./RecoverySteps.js').then((m) => ({ default: m.RecoveryCodesStep })),
);

const codeTitles: Record<MfaMethod, MessageKey> = {
  TOTP: 'challenge.totpTitle',
  SMS: 'challenge.smsTitle',
  EMAIL: 'challenge.emailTitle',
};

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
  /** The password policy hint of the new-password step; `false` hides it. */
  passwordPolicy: PasswordPolicy | false;
}

/** Renders whichever MFA step the sign-in flow is on. */
export function ChallengeSteps({
  api,
  onUseRecoveryCode,
  onRestart,
  onBack,
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
        <LazyStep>
          <RecoveryCodeStep api={api} needsPassword={step.needsPassword} />
        </LazyStep>
      );
    case 'recovery-enrol':
      return (
        <LazyStep>
          <RecoveryEnrolStep api={api} />
        </LazyStep>
      );
    case 'recovery-codes':
      return (
        <LazyStep focus="heading">
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
          <LazyStep focus="heading">
            <TotpSetup
              accountName={api.state.username}
              totpSetupDetails={step.totpSetupDetails}
              onComplete={(output) => output && api.continueWith(output)}
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
        <LazyStep>
          <NewPasswordStep
            api={api}
            missingAttributes={step.missingAttributes}
            policy={passwordPolicy}
            onBack={onBack}
          />
        </LazyStep>
      );
    case 'done':
      return <SignedIn />;
    default:
      return null;
  }
}

function SignedIn() {
  const { t } = useMfaContext('MfaChallenge');
  return (
    <p role="status" data-mfa-part="signed-in">
      {t('challenge.signedIn')}
    </p>
  );
}

function CodeStep({
  api,
  method,
  destination,
  onUseRecoveryCode,
  onBack,
  field,
}: {
  api: MfaSignInApi;
  method: MfaMethod;
  destination: string | undefined;
  onUseRecoveryCode: (() => void) | undefined;
  onBack: (() => void) | undefined;
  field: CodeFieldText | undefined;
}) {
  const { t, describeError } = useMfaContext('MfaChallenge');
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const rememberId = useId();
  const secondsLocked = useCountdown(api.lockedUntil);
  const { error, status } = api;
  const wrongCode = error?.code === 'CODE_MISMATCH';

  // A wrong code is cleared and the field focused for the next one; a network error keeps it for the retry.
  useEffect(() => {
    if (error?.code !== 'CODE_MISMATCH') return;
    setCode('');
    inputRef.current?.focus();
  }, [error]);

  const submitting = status === 'submitting';
  const locked = secondsLocked > 0;
  const submit = (value: string) => {
    if (!submitting && !locked) api.submitCode(value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (code.length === 6) submit(code);
  };

  return (
    <form className="mfa-challenge__code" data-mfa-part="code-step" data-method={method} onSubmit={onSubmit}>
      <h2 data-mfa-part="title">{t(codeTitles[method])}</h2>
      {destination ? <p data-mfa-part="destination">{t('challenge.sentTo', { destination })}</p> : null}
      <CodeInput
        value={code}
        onValueChange={setCode}
        onComplete={submit}
        disabled={submitting || locked}
        inputRef={inputRef}
        autoFocus
        label={field?.label}
        placeholder={field?.placeholder}
        // One message, announced once: what went wrong and how many tries are left.
        error={
          wrongCode
            ? [
                describeError(error),
                api.attemptsLeft !== undefined
                  ? t('challenge.attemptsLeft', { count: api.attemptsLeft })
                  : '',
              ]
                .filter(Boolean)
                .join(' ')
            : undefined
        }
      />
      {locked ? (
        <p data-mfa-part="lockout" role="status">
          {t('challenge.lockedUntil', { seconds: secondsLocked })}
        </p>
      ) : null}
      <div className="mfa-challenge__remember" data-mfa-part="remember-device">
        <input
          id={rememberId}
          type="checkbox"
          checked={api.rememberDevice}
          onChange={(event) => api.setRememberDevice(event.currentTarget.checked)}
          aria-describedby={`${rememberId}-hint`}
        />
        <label htmlFor={rememberId}>{t('challenge.rememberDevice')}</label>
        <p id={`${rememberId}-hint`}>{t('challenge.rememberDeviceHint')}</p>
      </div>
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        disabled={submitting || locked || code.length !== 6}
      >
        {submitting ? t('challenge.verifying') : t('challenge.verify')}
      </button>
      {api.canTryAnotherWay ? (
        <button type="button" className="mfa-link" onClick={api.tryAnotherWay} disabled={submitting}>
          {t('challenge.tryAnotherWay')}
        </button>
      ) : null}
      <ResendCode api={api} />
      {onUseRecoveryCode ? (
        <button type="button" className="mfa-link" onClick={onUseRecoveryCode}>
          {t('challenge.useRecoveryCode')}
        </button>
      ) : null}
      <BackToSignIn onBack={onBack} disabled={submitting} />
    </form>
  );
}

function MethodStep({
  api,
  methods,
  setup,
  onBack,
}: {
  api: MfaSignInApi;
  methods: MfaMethod[];
  setup: boolean;
  onBack: (() => void) | undefined;
}) {
  const { t } = useMfaContext('MfaChallenge');
  const [method, setMethod] = useState<MfaMethod | undefined>(methods.includes('TOTP') ? 'TOTP' : methods[0]);
  return (
    <form
      data-mfa-part="method-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (method) api.selectMethod(method);
      }}
    >
      <h2>{t(setup ? 'challenge.selectSetupTitle' : 'challenge.selectTitle')}</h2>
      <MfaMethodPicker
        methods={methods}
        value={method}
        onChange={setMethod}
        disabled={api.status === 'submitting'}
      />
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        disabled={!method || api.status === 'submitting'}
      >
        {t('common.continue')}
      </button>
      <BackToSignIn onBack={onBack} disabled={api.status === 'submitting'} />
    </form>
  );
}

function EmailSetupStep({ api, onBack }: { api: MfaSignInApi; onBack: (() => void) | undefined }) {
  const { t } = useMfaContext('MfaChallenge');
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  return (
    <form
      data-mfa-part="email-setup-step"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const valid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim());
        setInvalid(!valid);
        if (valid) api.submitEmail(email.trim());
      }}
    >
      <h2>{t('challenge.emailSetupTitle')}</h2>
      <label htmlFor={id}>{t('challenge.emailLabel')}</label>
      <input
        id={id}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      <p id={`${id}-error`} role="alert">
        {invalid ? t('challenge.emailInvalid') : ''}
      </p>
      <button type="submit" className="mfa-button mfa-button--primary" disabled={api.status === 'submitting'}>
        {t('challenge.sendCode')}
      </button>
      <BackToSignIn onBack={onBack} disabled={api.status === 'submitting'} />
    </form>
  );
}
