import { useId, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { CODE_LENGTH } from '../../core/codeRules.js';
import { formatPhoneAsTyped, type PhoneProblem, parseE164 } from '../../core/phone.js';
import { type ContactFactor, useContactFactorSetup } from '../../hooks/useContactFactorSetup.js';
import { enSettings } from '../../i18n/enSettings.js';
import { CodeInput } from '../CodeInput/index.js';
import { classNames } from '../internal/classNames.js';

export interface ContactFactorSetupProps {
  /** 'SMS' asks for a phone number (E.164), 'EMAIL' for an email address. */
  method: ContactFactor;
  /** Pre-filled number or address, e.g. the one on file. */
  defaultValue?: string;
  /** Set the factor as preferred (default) or only enabled. */
  preference?: 'PREFERRED' | 'ENABLED';
  /** After the address verified and the factor is on. */
  onVerified?: () => void;
  onCancel?: () => void;
  className?: string;
}

const phoneProblemText: Record<PhoneProblem, keyof typeof enSettings> = {
  empty: 'contact.phoneEmpty',
  characters: 'contact.phoneCharacters',
  missing_plus: 'contact.phoneMissingPlus',
  country_code: 'contact.phoneCountryCode',
  too_short: 'contact.phoneTooShort',
  too_long: 'contact.phoneTooLong',
};

/** Turns on SMS or email MFA: the number or address, the code Cognito sends to it, done. */
export function ContactFactorSetup({
  method,
  defaultValue = '',
  preference,
  onVerified,
  onCancel,
  className,
}: ContactFactorSetupProps) {
  const mfa = useMfaContext('ContactFactorSetup', enSettings);
  const { t } = mfa;
  const api = useContactFactorSetup({ method, preference, onVerified });
  const [typed, setTyped] = useState(method === 'SMS' ? formatPhoneAsTyped(defaultValue) : defaultValue);
  const [code, setCode] = useState('');
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const isSms = method === 'SMS';
  const preview = isSms ? parseE164(typed) : undefined;
  const valueProblem = isSms
    ? api.phoneProblem && t(phoneProblemText[api.phoneProblem])
    : api.emailInvalid
      ? t('contact.emailInvalid')
      : undefined;
  const codeWrong = api.error?.code === 'CODE_MISMATCH' || api.error?.code === 'CODE_EXPIRED';
  const editing = api.status === 'editing' || api.status === 'sending';

  return (
    <section
      className={classNames('mfa-contact', className)}
      data-mfa-part="contact-setup"
      data-status={api.status}
      data-method={method}
      dir={mfa.dir}
      aria-labelledby={titleId}
      aria-busy={api.status === 'sending' || api.status === 'verifying'}
    >
      <h2 id={titleId}>{t(isSms ? 'contact.smsTitle' : 'contact.emailTitle')}</h2>
      {api.status === 'done' ? (
        <p role="status" data-mfa-part="success">
          {t(isSms ? 'contact.smsDone' : 'contact.emailDone')}
        </p>
      ) : null}
      {editing ? (
        <form
          className="mfa-contact__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            api.submitValue(typed);
          }}
        >
          <div className="mfa-field" data-mfa-part="value-field">
            <label htmlFor={inputId}>{t(isSms ? 'contact.phoneLabel' : 'contact.emailLabel')}</label>
            {isSms ? (
              <p id={hintId} className="mfa-field__hint">
                {t('contact.phoneHint')}
              </p>
            ) : null}
            <input
              id={inputId}
              type={isSms ? 'tel' : 'email'}
              inputMode={isSms ? 'tel' : 'email'}
              autoComplete={isSms ? 'tel' : 'email'}
              dir="ltr"
              value={typed}
              disabled={api.status === 'sending'}
              aria-invalid={valueProblem ? true : undefined}
              aria-describedby={[isSms ? hintId : '', problemId].filter(Boolean).join(' ')}
              onChange={(event) =>
                setTyped(isSms ? formatPhoneAsTyped(event.currentTarget.value) : event.currentTarget.value)
              }
            />
            {preview?.ok ? (
              <p className="mfa-field__hint" data-mfa-part="e164-preview">
                {t('contact.phoneSavedAs', { phone: preview.e164 })}
              </p>
            ) : null}
            <p id={problemId} className="mfa-field__error" aria-live="polite">
              {valueProblem ?? ''}
            </p>
          </div>
          <button
            type="submit"
            className="mfa-button mfa-button--primary"
            disabled={api.status === 'sending'}
          >
            {api.status === 'sending' ? t('contact.sending') : t('contact.sendCode')}
          </button>
        </form>
      ) : null}
      {api.status === 'code' || api.status === 'verifying' ? (
        <form
          className="mfa-contact__code"
          onSubmit={(event) => {
            event.preventDefault();
            if (code.length === CODE_LENGTH) api.submitCode(code);
          }}
        >
          {api.destination ? (
            <p data-mfa-part="sent-to">{t('contact.codeSent', { destination: api.destination })}</p>
          ) : null}
          <CodeInput
            value={code}
            onValueChange={setCode}
            length={CODE_LENGTH}
            onComplete={api.submitCode}
            disabled={api.status === 'verifying'}
            autoFocus
            error={codeWrong && api.error ? mfa.describeError(api.error) : undefined}
          />
          <button
            type="submit"
            className="mfa-button mfa-button--primary"
            disabled={api.status === 'verifying' || code.length !== CODE_LENGTH}
          >
            {api.status === 'verifying' ? t('contact.verifying') : t('contact.verify')}
          </button>
          <button
            type="button"
            className="mfa-link"
            disabled={api.status === 'verifying'}
            onClick={api.resend}
          >
            {t('contact.resend')}
          </button>
          <button type="button" className="mfa-link" disabled={api.status === 'verifying'} onClick={api.edit}>
            {t('contact.changeValue')}
          </button>
        </form>
      ) : null}
      <div role="alert" data-mfa-part="error">
        {api.error && !codeWrong ? (
          <>
            <p>{mfa.describeError(api.error)}</p>
            <button type="button" className="mfa-button" onClick={api.retry}>
              {t('common.retry')}
            </button>
          </>
        ) : null}
      </div>
      {onCancel && api.status !== 'done' ? (
        <button type="button" className="mfa-button" data-mfa-part="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </section>
  );
}
