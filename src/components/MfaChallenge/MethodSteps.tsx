import { useId, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaSignInApi } from '../../hooks/useMfaSignIn.js';
import { enChallenge } from '../../i18n/enChallenge.js';
import type { MfaMethod } from '../../ports.js';
import { MfaMethodPicker } from '../MfaMethodPicker/index.js';
import { BackToSignIn } from './BackToSignIn.js';

/** Choosing a method to answer with (or, during first sign-in, to set up). */
export function MethodStep({
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
  const { t } = useMfaContext('MfaChallenge', enChallenge);
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
        onValueChange={setMethod}
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

/** The email address to send codes to, when the user sets up email MFA during sign-in. */
export function EmailSetupStep({ api, onBack }: { api: MfaSignInApi; onBack: (() => void) | undefined }) {
  const { t } = useMfaContext('MfaChallenge', enChallenge);
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
