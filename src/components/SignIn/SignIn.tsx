import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { type MfaSignInApi, useMfaSignIn } from '../../hooks/useMfaSignIn.js';
import type { SignInOutput, SignInStep } from '../../ports.js';
import { classNames } from '../internal/classNames.js';
import { FlowError } from '../MfaChallenge/FlowError.js';
import { ChallengeLayout } from '../MfaChallenge/MfaChallenge.js';
import { useMfaContext } from '../MfaProvider/index.js';

export interface SignInProps {
  onSignedIn?: (output: SignInOutput) => void;
  /** Steps mfa-kit does not handle (new password, custom challenge, …), passed through untouched. */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  onUseRecoveryCode?: () => void;
  defaultUsername?: string;
  className?: string;
}

/** Drop-in sign-in: username and password, then every MFA step Cognito asks for. */
export function SignIn({
  onSignedIn,
  onUnhandledStep,
  onUseRecoveryCode,
  defaultUsername,
  className,
}: SignInProps) {
  const api = useMfaSignIn({ username: defaultUsername, onSignedIn, onUnhandledStep });
  if (api.step.name === 'credentials') return <CredentialsForm api={api} className={className} />;
  return (
    <ChallengeLayout
      api={api}
      onRestart={api.restart}
      onUseRecoveryCode={onUseRecoveryCode}
      className={className}
    />
  );
}

interface Credentials {
  username: string;
  password: string;
}

function CredentialsForm({ api, className }: { api: MfaSignInApi; className?: string }) {
  const { t, dir } = useMfaContext('SignIn');
  const id = useId();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Credentials>({ defaultValues: { username: api.state.username, password: '' } });
  const submitting = api.status === 'submitting';
  return (
    <form
      className={classNames('mfa-sign-in', className)}
      data-mfa-part="sign-in"
      dir={dir}
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={handleSubmit((credentials) => api.signIn(credentials))}
    >
      <h2 id={`${id}-title`}>{t('signIn.title')}</h2>
      <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
      <input
        id={`${id}-username`}
        autoComplete="username"
        autoCapitalize="none"
        aria-invalid={errors.username ? true : undefined}
        aria-describedby={errors.username ? `${id}-username-error` : undefined}
        {...register('username', {
          required: t('signIn.usernameRequired'),
          setValueAs: (v: string) => v.trim(),
        })}
      />
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
      <button type="submit" className="mfa-button mfa-button--primary" disabled={submitting}>
        {submitting ? t('signIn.submitting') : t('signIn.submit')}
      </button>
      <FlowError api={api} />
    </form>
  );
}
