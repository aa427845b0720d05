import { useCallback, useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMfaContext } from '../../context/mfaContext.js';
import { identifierProblem, type LoginWith, normalizeIdentifier } from '../../core/identifier.js';
import type { PasswordPolicy } from '../../core/passwordPolicy.js';
import { type MfaSignInApi, useMfaSignIn } from '../../hooks/useMfaSignIn.js';
import type { CoreMessageKey } from '../../i18n/en.js';
import type { SignInOutput, SignInStep } from '../../ports.js';
import { CardBrand } from '../internal/CardBrand.js';
import { classNames } from '../internal/classNames.js';
import { LoadOnDemand } from '../internal/LoadOnDemand.js';
import { retryableLazy } from '../internal/retryableLazy.js';
import type { CodeFields } from '../MfaChallenge/ChallengeSteps.js';
import { FlowError } from '../MfaChallenge/FlowError.js';

// The MFA steps load on demand: the first download is the password form. Submitting it starts the
// download, so the steps are usually there before Cognito answers.
const ChallengeLayout = /* @__PURE__ */ retryableLazy(() =>
  import('../MfaChallenge/MfaChallenge.js').then((m) => m.ChallengeLayout),
);

export interface SignInProps {
  onSignedIn?: (output: SignInOutput) => void;
  /**
   * The signed-in screen's "Continue" button, focused when it appears: where the user goes next.
   * Hosts that navigate away in `onSignedIn` need not set it; without it the screen shows the message only.
   */
  onContinue?: () => void;
  /** Steps mfa-kit does not handle (custom challenge, reset password, …), passed through untouched. */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  /**
   * The account's sign-up was never confirmed (`UserNotConfirmedException`). The form says so; the
   * host may route to its own confirmation screen (sign-up is out of mfa-kit's scope).
   */
  onUserNotConfirmed?: (username: string) => void;
  onUseRecoveryCode?: () => void;
  defaultUsername?: string;
  /**
   * What the pool signs in with (its `UsernameAttributes`): the field's label, `autocomplete`,
   * `inputmode` and validation follow. Phone numbers must be E.164 (+[country code][number]). Default 'username'.
   */
  loginWith?: LoginWith;
  /** Label and placeholder of the code field, per step. */
  codeFields?: CodeFields;
  /**
   * The pool's password policy, shown and checked on the new-password step (Cognito checks again).
   * Default: 12 characters, upper, lower, number and special character. `false` shows no hint.
   */
  passwordPolicy?: PasswordPolicy | false;
  /** Seconds before an SMS or email code can be resent. Default 30. */
  resendCooldownSeconds?: number;
  className?: string;
}

/** Drop-in sign-in: username and password, then every MFA step Cognito asks for. */
export function SignIn({
  onSignedIn,
  onContinue,
  onUnhandledStep,
  onUserNotConfirmed,
  onUseRecoveryCode,
  defaultUsername,
  loginWith = 'username',
  codeFields,
  passwordPolicy,
  resendCooldownSeconds,
  className,
}: SignInProps) {
  const api = useMfaSignIn({
    defaultUsername,
    onSignedIn,
    onUnhandledStep,
    onUserNotConfirmed,
    resendCooldownSeconds,
  });
  // After "Back to sign in" the username is kept, so the password is what the user types next.
  const [returned, setReturned] = useState(false);
  const { restart } = api;
  const back = useCallback(() => {
    setReturned(true);
    restart();
  }, [restart]);
  if (api.step.name === 'credentials')
    return <CredentialsForm api={api} loginWith={loginWith} focusPassword={returned} className={className} />;
  return (
    // ChallengeLayout focuses each step itself, the first one included.
    <LoadOnDemand cardClassName={classNames('mfa-challenge', className)} onBack={back}>
      <ChallengeLayout
        api={api}
        onRestart={back}
        onBack={back}
        onUseRecoveryCode={onUseRecoveryCode}
        onContinue={onContinue}
        codeFields={codeFields}
        passwordPolicy={passwordPolicy}
        className={className}
      />
    </LoadOnDemand>
  );
}

interface Credentials {
  username: string;
  password: string;
}

const identifierField: Record<
  LoginWith,
  {
    label: CoreMessageKey;
    required: CoreMessageKey;
    type: 'text' | 'email' | 'tel';
    autoComplete: string;
    inputMode: 'text' | 'email' | 'tel';
  }
> = {
  username: {
    label: 'signIn.username',
    required: 'signIn.usernameRequired',
    type: 'text',
    autoComplete: 'username',
    inputMode: 'text',
  },
  email: {
    label: 'signIn.email',
    required: 'signIn.emailRequired',
    type: 'email',
    autoComplete: 'email',
    inputMode: 'email',
  },
  phone: {
    label: 'signIn.phone',
    required: 'signIn.phoneRequired',
    type: 'tel',
    autoComplete: 'tel',
    inputMode: 'tel',
  },
};

function CredentialsForm({
  api,
  loginWith,
  focusPassword,
  className,
}: {
  api: MfaSignInApi;
  loginWith: LoginWith;
  focusPassword: boolean;
  className?: string;
}) {
  const { t, dir } = useMfaContext('SignIn');
  const id = useId();
  const field = identifierField[loginWith];
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<Credentials>({ defaultValues: { username: api.state.username, password: '' } });
  const submitting = api.status === 'submitting';

  useEffect(() => {
    if (focusPassword) setFocus('password');
  }, [focusPassword, setFocus]);

  const usernameDescribedBy =
    [
      loginWith === 'phone' ? `${id}-username-hint` : undefined,
      errors.username ? `${id}-username-error` : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <form
      className={classNames('mfa-sign-in', className)}
      data-mfa-part="sign-in"
      data-login-with={loginWith}
      dir={dir}
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={handleSubmit((credentials) => {
        ChallengeLayout.preload();
        return api.signIn(credentials);
      })}
    >
      <CardBrand />
      <h2 id={`${id}-title`}>{t('signIn.title')}</h2>
      <label htmlFor={`${id}-username`}>{t(field.label)}</label>
      <input
        id={`${id}-username`}
        type={field.type}
        autoComplete={field.autoComplete}
        inputMode={field.inputMode}
        autoCapitalize="none"
        spellCheck={false}
        // Phone numbers and addresses read left to right in every locale.
        dir={loginWith === 'username' ? undefined : 'ltr'}
        aria-invalid={errors.username ? true : undefined}
        aria-describedby={usernameDescribedBy}
        {...register('username', {
          setValueAs: (value: string) => normalizeIdentifier(loginWith, value),
          validate: (value: string) => {
            const problem = identifierProblem(loginWith, normalizeIdentifier(loginWith, value));
            if (problem === 'required') return t(field.required);
            if (problem === 'invalidEmail') return t('signIn.emailInvalid');
            if (problem === 'invalidPhone') return t('signIn.phoneInvalid');
            return true;
          },
        })}
      />
      {loginWith === 'phone' ? (
        <p id={`${id}-username-hint`} data-mfa-part="username-hint">
          {t('signIn.phoneHint')}
        </p>
      ) : null}
      <p id={`${id}-username-error`} role="alert">
        {errors.username?.message}
      </p>
      <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        aria-invalid={errors.password ? true : undefined}
        aria-describedby={errors.password ? `${id}-password-error` : undefined}
        {...register('password', { required: t('signIn.passwordRequired') })}
      />
      <p id={`${id}-password-error`} role="alert">
        {errors.password?.message}
      </p>
      {/* One alert region, above the action. */}
      <FlowError api={api} />
      <button type="submit" className="mfa-button mfa-button--primary" disabled={submitting}>
        {submitting ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
