import { useEffect, useId, useRef, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaCompliance } from '../../core/mfaPolicy.js';
import { enMethodPicker } from '../../i18n/enLeaves.js';
import { enSettings } from '../../i18n/enSettings.js';
import type { MfaMethod } from '../../ports.js';
import { ContactFactorSetup } from '../ContactFactorSetup/index.js';
import { MfaMethodPicker } from '../MfaMethodPicker/index.js';
import { RecoveryCodes } from '../RecoveryCodes/index.js';
import { TotpSetup } from '../TotpSetup/index.js';
import { formatDeadline, formatMethods } from './format.js';

export interface EnforcedSetupProps {
  compliance: MfaCompliance;
  accountName: string;
  /** After the factor (and, for an authenticator app, the recovery codes): re-read the session. */
  onFinished: () => Promise<void>;
  /** In grace only: back to the app without setting up. */
  onLater?: () => void;
  /** Move focus to the heading when shown (opened from the banner). */
  focusOnMount?: boolean;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'method'; method: MfaMethod }
  | { kind: 'recovery' }
  | { kind: 'finishing' };

/** The setup the policy asks for: only the methods the role accepts, then recovery codes. */
export function EnforcedSetup({
  compliance,
  accountName,
  onFinished,
  onLater,
  focusOnMount,
}: EnforcedSetupProps) {
  const mfa = useMfaContext('MfaGate', enSettings, enMethodPicker);
  const { t } = mfa;
  const titleId = useId();
  const methods = compliance.allowedMethods;
  const only = methods.length === 1 ? methods[0] : undefined;
  const [step, setStep] = useState<Step>(only ? { kind: 'method', method: only } : { kind: 'choose' });
  const [choice, setChoice] = useState<MfaMethod>(methods[0] ?? 'TOTP');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const finish = () => {
    setStep({ kind: 'finishing' });
    void onFinished();
  };
  const afterFactor = (method: MfaMethod) =>
    // Recovery codes stand in for a lost authenticator app (redeeming one turns TOTP off).
    method === 'TOTP' && mfa.recovery ? setStep({ kind: 'recovery' }) : finish();
  const back = only ? undefined : () => setStep({ kind: 'choose' });

  return (
    <section
      className="mfa-gate__setup"
      data-mfa-part="enforced-setup"
      data-step={step.kind === 'method' ? step.method : step.kind}
      aria-labelledby={titleId}
      dir={mfa.dir}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('gate.setupTitle')}
      </h2>
      <p>
        {compliance.status === 'past_grace' && compliance.graceUntil !== undefined
          ? t('gate.setupPastGrace', { date: formatDeadline(mfa, compliance.graceUntil) })
          : t('gate.setupIntro')}
      </p>
      {compliance.methodNotAllowed ? (
        <p data-mfa-part="method-not-allowed">
          {t('gate.methodNotAllowed', { methods: formatMethods(mfa, methods) })}
        </p>
      ) : null}
      {step.kind === 'choose' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setStep({ kind: 'method', method: choice });
          }}
        >
          <MfaMethodPicker methods={[...methods]} value={choice} onValueChange={setChoice} />
          <button type="submit" className="mfa-button mfa-button--primary">
            {t('common.continue')}
          </button>
        </form>
      ) : null}
      {step.kind === 'method' && step.method === 'TOTP' ? (
        <TotpSetup accountName={accountName} onVerified={() => afterFactor('TOTP')} onCancel={back} />
      ) : null}
      {step.kind === 'method' && step.method !== 'TOTP' ? (
        <ContactFactorSetup
          method={step.method}
          onVerified={() => afterFactor(step.method)}
          onCancel={back}
        />
      ) : null}
      {step.kind === 'recovery' ? (
        <RecoveryCodes accountName={accountName} autoGenerate="if-none" onAcknowledged={finish} />
      ) : null}
      {step.kind === 'finishing' ? (
        <p role="status" data-mfa-part="finishing">
          {t('gate.finishing')}
        </p>
      ) : null}
      {onLater && step.kind !== 'finishing' ? (
        <button type="button" className="mfa-link" data-mfa-part="later" onClick={onLater}>
          {t('gate.later')}
        </button>
      ) : null}
    </section>
  );
}
