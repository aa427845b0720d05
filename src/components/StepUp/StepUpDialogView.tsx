import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { portalTheme, useMfaContext } from '../../context/mfaContext.js';
import { attemptsLeft as attemptsLeftOf, isWrongCode } from '../../core/codeRules.js';
import type { StepUpState } from '../../core/flows/stepUp.js';
import { useCodeField } from '../../hooks/useCodeField.js';
import { enStepUp } from '../../i18n/enStepUp.js';
import type { MfaMethod } from '../../ports.js';
import { CodeInput } from '../CodeInput/index.js';
import { CardBrand } from '../internal/CardBrand.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { wrongCodeMessage } from '../internal/wrongCodeMessage.js';
import { StepUpRecovery } from './StepUpRecovery.js';

const instructions: Record<MfaMethod, keyof typeof enStepUp> = {
  TOTP: 'stepUp.totp',
  SMS: 'stepUp.sms',
  EMAIL: 'stepUp.email',
};

export interface StepUpDialogViewProps {
  state: StepUpState;
  submit(input: { code: string; password?: string }): void;
  cancel(): void;
  /** The element focused when the prompt opened: focus goes back there when it closes. */
  returnFocusTo: { current: HTMLElement | null };
  /** A recovery code was redeemed instead: MFA is off now, so the prompt ends without a proof. */
  onRecovered(): void;
}

/**
 * The step-up prompt's markup, driven by a step-up session. Radix Dialog traps focus, closes on
 * Escape (which cancels) and gives focus back to the element that opened it.
 */
export function StepUpDialogView({
  state,
  submit,
  cancel,
  returnFocusTo,
  onRecovered,
}: StepUpDialogViewProps) {
  const { t, describeError, dir, recovery, theme } = useMfaContext('StepUpDialog', enStepUp);
  const [recoveryStage, setRecoveryStage] = useState<'off' | 'form' | 'redeemed'>('off');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const passwordId = useId();
  const open = state.status !== 'closed';
  const error = state.status === 'awaiting-code' || state.status === 'unavailable' ? state.error : undefined;
  const challenge =
    state.status === 'awaiting-code' || state.status === 'verifying' ? state.challenge : undefined;
  const verifying = state.status === 'verifying';
  const wrongCode = isWrongCode(error);
  const lockedOut = error?.code === 'LOCKED_OUT';
  const codeField = useCodeField(error);
  const { clear: clearCode } = codeField;

  useEffect(() => {
    if (!open) {
      clearCode();
      setPassword('');
      setRecoveryStage('off');
    }
  }, [open, clearCode]);
  // The field appears once the verifier is ready (the password first when it asks for it, then the
  // code); the user came here to type into it.
  const passwordFirst = challenge?.passwordFirst === true;
  const hasChallenge = challenge !== undefined;
  const codeRef = codeField.inputProps.inputRef;
  useEffect(() => {
    if (!hasChallenge) return;
    if (passwordFirst) passwordRef.current?.focus();
    else codeRef.current?.focus();
  }, [hasChallenge, passwordFirst, codeRef]);

  const send = (value: string) => {
    if (!challenge || verifying || lockedOut) return;
    if (challenge.requiresPassword && !password) return;
    submit({ code: value, password: challenge.requiresPassword ? password : undefined });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (passwordFirst) {
      if (password && !verifying) submit({ code: '', password });
      return;
    }
    if (codeField.complete) send(codeField.code);
  };
  const attemptsLeft = state.status === 'awaiting-code' ? attemptsLeftOf(state) : undefined;

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next) return;
        if (recoveryStage === 'redeemed') onRecovered();
        else cancel();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="mfa-dialog__overlay" data-mfa-part="step-up-overlay" />
        <Dialog.Content
          className="mfa-dialog mfa-root"
          data-mfa-part="step-up-dialog"
          data-status={state.status}
          data-theme={portalTheme(theme)}
          dir={dir}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo.current;
            if (!target?.isConnected) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <CardBrand />
          <Dialog.Title className="mfa-dialog__title">{t('stepUp.title')}</Dialog.Title>
          <Dialog.Description className="mfa-dialog__description">
            {state.status !== 'closed' && state.reason
              ? t('stepUp.reasonLead', { reason: state.reason })
              : t('stepUp.title')}
          </Dialog.Description>
          {state.status === 'starting' ? <p role="status">{t('stepUp.starting')}</p> : null}
          {recoveryStage === 'form' ? (
            <StepUpRecovery
              onBack={() => setRecoveryStage('off')}
              onRedeemed={() => setRecoveryStage('redeemed')}
            />
          ) : null}
          {recoveryStage === 'redeemed' ? (
            <>
              <p className="mfa-alert" data-tone="success" role="status">
                <StatusIcon tone="success" />
                {t('stepUp.recovered')}
              </p>
              <Dialog.Close asChild>
                <button type="button" className="mfa-button mfa-button--primary">
                  {t('common.close')}
                </button>
              </Dialog.Close>
            </>
          ) : null}
          {/* One alert region, above the form's actions. */}
          <div role="alert" data-mfa-part="error">
            {error && !wrongCode ? (
              <p className="mfa-alert" data-tone="error">
                <StatusIcon tone="error" />
                {describeError(error)}
              </p>
            ) : null}
          </div>
          {challenge && recoveryStage === 'off' ? (
            <form onSubmit={onSubmit} className="mfa-dialog__form">
              <p>{t(passwordFirst ? 'stepUp.passwordFirst' : instructions[challenge.method])}</p>
              {challenge.codeDeliveryDetails?.destination ? (
                <p>{t('challenge.sentTo', { destination: challenge.codeDeliveryDetails.destination })}</p>
              ) : null}
              {challenge.requiresPassword ? (
                <>
                  <label htmlFor={passwordId}>{t('stepUp.password')}</label>
                  <input
                    ref={passwordRef}
                    id={passwordId}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(event) => setPassword(event.currentTarget.value)}
                  />
                </>
              ) : null}
              {passwordFirst ? null : (
                <CodeInput
                  {...codeField.inputProps}
                  onComplete={send}
                  disabled={verifying || lockedOut}
                  // One message: what went wrong and, in step-up's own words, how many tries are left.
                  error={wrongCodeMessage(
                    error,
                    describeError,
                    attemptsLeft !== undefined
                      ? t('stepUp.attemptsLeft', { count: attemptsLeft })
                      : undefined,
                  )}
                />
              )}
              <div className="mfa-dialog__actions">
                <Dialog.Close asChild>
                  <button type="button" className="mfa-button">
                    {t('common.cancel')}
                  </button>
                </Dialog.Close>
                <button
                  type="submit"
                  className="mfa-button mfa-button--primary"
                  disabled={verifying || lockedOut || (passwordFirst ? !password : !codeField.complete)}
                >
                  {verifying
                    ? t('stepUp.confirming')
                    : t(passwordFirst ? 'common.continue' : 'stepUp.confirm')}
                </button>
              </div>
              {recovery && challenge.method === 'TOTP' && !passwordFirst ? (
                <button type="button" className="mfa-link" onClick={() => setRecoveryStage('form')}>
                  {t('stepUp.lostAuthenticator')}
                </button>
              ) : null}
            </form>
          ) : null}
          {state.status === 'unavailable' ? (
            <Dialog.Close asChild>
              <button type="button" className="mfa-button">
                {t('common.close')}
              </button>
            </Dialog.Close>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
