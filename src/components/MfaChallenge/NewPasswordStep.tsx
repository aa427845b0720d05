import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMfaContext } from '../../context/mfaContext.js';
import { isE164, isEmailAddress } from '../../core/identifier.js';
import { type PasswordPolicy, passwordRules, unmetPasswordRules } from '../../core/passwordPolicy.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enNewPassword } from '../../i18n/enNewPassword.js';
import { BackToSignIn } from './BackToSignIn.js';

interface NewPasswordForm {
  password: string;
  confirm: string;
  /** Aligned with `missingAttributes` (attribute names may hold characters react-hook-form reads as paths). */
  attributes: string[];
}

const knownAttributes = new Set(['name', 'given_name', 'family_name', 'email', 'phone_number', 'birthdate']);

export interface NewPasswordStepProps {
  api: MfaSignInApi;
  missingAttributes: string[];
  /** The pool's policy, shown as a hint and checked before sending; `false` shows and checks nothing. */
  policy: PasswordPolicy | false;
  onBack: (() => void) | undefined;
}

/** CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: the first sign-in of a user an admin created. */
export function NewPasswordStep({ api, missingAttributes, policy, onBack }: NewPasswordStepProps) {
  const { t, describeError } = useMfaContext('MfaChallenge', enNewPassword);
  const id = useId();
  const [shown, setShown] = useState(false);
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    setFocus,
    formState: { errors },
  } = useForm<NewPasswordForm>({
    defaultValues: { password: '', confirm: '', attributes: missingAttributes.map(() => '') },
  });
  const password = watch('password');
  const submitting = api.status === 'submitting';
  // Cognito's own refusal (its policy may be stricter than the hint) shows at the password field.
  const refused = api.error?.code === 'INVALID_PASSWORD' ? describeError(api.error) : undefined;
  const passwordError = errors.password?.message ?? refused;
  const unmet = policy ? unmetPasswordRules(policy, password) : [];

  useEffect(() => {
    setFocus('password');
  }, [setFocus]);
  useEffect(() => {
    if (refused) setFocus('password');
  }, [refused, setFocus]);

  const attributeLabel = (name: string) =>
    knownAttributes.has(name)
      ? t(`newPassword.attribute.${name}` as keyof typeof enNewPassword)
      : t('newPassword.attribute.other', { name });
  const describedBy = (...ids: Array<string | false | undefined>) =>
    ids.filter(Boolean).join(' ') || undefined;

  return (
    <form
      data-mfa-part="new-password-step"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={handleSubmit(({ password: chosen, attributes }) => {
        const values = Object.fromEntries(
          missingAttributes.map((name, index) => [name, (attributes[index] ?? '').trim()]),
        );
        api.submitNewPassword({ password: chosen, attributes: values });
      })}
    >
      <h2 id={`${id}-title`}>{t('newPassword.title')}</h2>
      <p>{t('newPassword.intro')}</p>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" autoComplete="username" value={api.state.username} readOnly hidden />
      <label htmlFor={`${id}-password`}>{t('newPassword.password')}</label>
      <input
        id={`${id}-password`}
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        disabled={submitting}
        aria-invalid={passwordError ? true : undefined}
        aria-describedby={describedBy(policy && `${id}-policy`, passwordError && `${id}-password-error`)}
        {...register('password', {
          required: t('newPassword.required'),
          validate: (value) =>
            !policy || unmetPasswordRules(policy, value).length === 0 || t('newPassword.policyUnmet'),
        })}
      />
      <p id={`${id}-password-error`} role="alert" data-mfa-part="password-error">
        {passwordError}
      </p>
      {policy ? (
        <div id={`${id}-policy`} data-mfa-part="password-policy">
          <p>{t('newPassword.policyTitle')}</p>
          <ul>
            {passwordRules(policy).map((rule) => {
              const met = password !== '' && !unmet.includes(rule);
              return (
                <li key={rule} data-rule={rule} data-met={met ? '' : undefined}>
                  {t(`newPassword.rule.${rule}` as keyof typeof enNewPassword, {
                    count: policy.minimumLength,
                  })}
                  <span className="mfa-visually-hidden">
                    {' '}
                    ({met ? t('newPassword.ruleMet') : t('newPassword.ruleUnmet')})
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <label htmlFor={`${id}-confirm`}>{t('newPassword.confirm')}</label>
      <input
        id={`${id}-confirm`}
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        disabled={submitting}
        aria-invalid={errors.confirm ? true : undefined}
        aria-describedby={describedBy(errors.confirm && `${id}-confirm-error`)}
        {...register('confirm', {
          required: t('newPassword.confirmRequired'),
          validate: (value) => value === getValues('password') || t('newPassword.mismatch'),
        })}
      />
      <p id={`${id}-confirm-error`} role="alert" data-mfa-part="confirm-error">
        {errors.confirm?.message}
      </p>
      <button
        type="button"
        className="mfa-link"
        data-mfa-part="show-passwords"
        aria-pressed={shown}
        onClick={() => setShown((value) => !value)}
      >
        {t('newPassword.show')}
      </button>
      {missingAttributes.length > 0 ? (
        <fieldset data-mfa-part="missing-attributes">
          <legend>{t('newPassword.attributesTitle')}</legend>
          {missingAttributes.map((name, index) => {
            const error = errors.attributes?.[index]?.message;
            const fieldId = `${id}-attribute-${index}`;
            return (
              <div key={name} data-attribute={name}>
                <label htmlFor={fieldId}>{attributeLabel(name)}</label>
                <input
                  id={fieldId}
                  type={name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text'}
                  autoComplete={autocompleteFor(name)}
                  disabled={submitting}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(
                    name === 'phone_number' && `${fieldId}-hint`,
                    error && `${fieldId}-error`,
                  )}
                  {...register(`attributes.${index}`, {
                    validate: (raw) => {
                      const value = raw.trim();
                      if (value === '') return t('newPassword.attributeRequired');
                      if (name === 'email' && !isEmailAddress(value)) return t('signIn.emailInvalid');
                      if (name === 'phone_number' && !isE164(value)) return t('signIn.phoneInvalid');
                      return true;
                    },
                  })}
                />
                {name === 'phone_number' ? <p id={`${fieldId}-hint`}>{t('signIn.phoneHint')}</p> : null}
                <p id={`${fieldId}-error`} role="alert">
                  {error}
                </p>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit" className="mfa-button mfa-button--primary" disabled={submitting}>
        {submitting ? t('newPassword.submitting') : t('newPassword.submit')}
      </button>
      <BackToSignIn onBack={onBack} disabled={submitting} />
    </form>
  );
}

function autocompleteFor(attribute: string): string {
  switch (attribute) {
    case 'name':
      return 'name';
    case 'given_name':
      return 'given-name';
    case 'family_name':
      return 'family-name';
    case 'email':
      return 'email';
    case 'phone_number':
      return 'tel';
    case 'birthdate':
      return 'bday';
    default:
      return 'on';
  }
}
