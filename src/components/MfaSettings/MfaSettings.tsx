import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { useOptionalStepUpGuard } from '../../context/stepUpContext.js';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import { useMfaSettings } from '../../hooks/useMfaSettings.js';
import { enSettings } from '../../i18n/enSettings.js';
import type { MfaMethod } from '../../ports.js';
import { ContactFactorSetup } from '../ContactFactorSetup/index.js';
import { classNames } from '../internal/classNames.js';
import { MfaProvider } from '../MfaProvider/index.js';
import { RecoveryCodes } from '../RecoveryCodes/index.js';
import { TotpSetup } from '../TotpSetup/index.js';
import { DeviceList } from './DeviceList.js';
import { guardedRecovery } from './guardedRecovery.js';
import { MethodList } from './MethodList.js';

export interface MfaSettingsProps {
  /** The label in the authenticator app and the recovery-code file, e.g. "alice@example.com". */
  accountName: string;
  /** Methods shown, in this order. Default TOTP, SMS, EMAIL: leave out those the pool does not offer. */
  methods?: MfaMethod[];
  /** The pool's MFA configuration: with 'ON' the last method cannot be turned off. */
  poolMfa?: 'ON' | 'OPTIONAL';
  /** The role policy: a user whose role requires MFA keeps an accepted method on. */
  policy?: MfaPolicy;
  /**
   * This browser's device key, to mark it in the list and offer "forget all other devices"
   * (Amplify keeps it in its token store; the simulator: `simulator.pool.getUser(…)`).
   */
  currentDeviceId?: string;
  className?: string;
}

type View =
  | { kind: 'overview' }
  | { kind: 'totp' }
  | { kind: 'contact'; method: Exclude<MfaMethod, 'TOTP'>; defaultValue?: string };

/**
 * The account-security page of a signed-in user: methods and their status, preferred method, turning
 * methods on (authenticator app, SMS with an E.164 number, email) and off, replacing the
 * authenticator, remembered devices and recovery codes. Turning off, replacing the authenticator and
 * changing the phone go through step-up when a `<StepUpProvider>` is present.
 */
export function MfaSettings({
  accountName,
  methods,
  poolMfa,
  policy,
  currentDeviceId,
  className,
}: MfaSettingsProps) {
  const mfa = useMfaContext('MfaSettings', enSettings);
  const { t } = mfa;
  const api = useMfaSettings({ methods, poolMfa, policy });
  const [view, setView] = useState<View>({ kind: 'overview' });
  const titleId = useId();
  const methodsId = useId();
  const devicesId = useId();
  const methodsHeading = useRef<HTMLHeadingElement>(null);
  const guard = useOptionalStepUpGuard();
  const reasonRegenerate = t('settings.reasonRegenerate');
  const recovery = useMemo(
    () => (mfa.recovery && guard ? guardedRecovery(mfa.recovery, guard, reasonRegenerate) : mfa.recovery),
    [mfa.recovery, guard, reasonRegenerate],
  );
  const returning = useRef(false);

  useEffect(() => {
    if (view.kind === 'overview' && returning.current) {
      returning.current = false;
      methodsHeading.current?.focus();
    }
  }, [view]);

  const back = () => {
    returning.current = true;
    setView({ kind: 'overview' });
    api.reloadMethods();
  };
  const phone = api.methods.data?.find((state) => state.method === 'SMS')?.destination;
  const email = api.methods.data?.find((state) => state.method === 'EMAIL')?.destination;

  return (
    <section
      className={classNames('mfa-settings', className)}
      data-mfa-part="settings"
      data-view={view.kind}
      dir={mfa.dir}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{t('settings.title')}</h2>
      {view.kind === 'totp' ? (
        <TotpSetup accountName={accountName} onVerified={back} onCancel={back} />
      ) : null}
      {view.kind === 'contact' ? (
        <ContactFactorSetup
          method={view.method}
          defaultValue={view.defaultValue}
          onVerified={back}
          onCancel={back}
        />
      ) : null}
      {view.kind === 'overview' ? (
        <>
          <section aria-labelledby={methodsId} data-mfa-part="methods-section">
            <h3 id={methodsId} ref={methodsHeading} tabIndex={-1}>
              {t('settings.methodsTitle')}
            </h3>
            <MethodList
              api={api}
              onSetUp={(method) =>
                setView(
                  method === 'TOTP'
                    ? { kind: 'totp' }
                    : { kind: 'contact', method, defaultValue: method === 'SMS' ? phone : email },
                )
              }
              onReplaceAuthenticator={() =>
                void api.guardSensitive('TOTP:replace', t('settings.reasonReplace'), () =>
                  setView({ kind: 'totp' }),
                )
              }
              onChangePhone={() =>
                void api.guardSensitive('SMS:change', t('settings.reasonChangePhone'), () =>
                  setView({ kind: 'contact', method: 'SMS' }),
                )
              }
            />
          </section>
          <section aria-labelledby={devicesId} data-mfa-part="devices-section">
            <h3 id={devicesId}>{t('settings.devicesTitle')}</h3>
            <DeviceList api={api} currentDeviceId={currentDeviceId} />
          </section>
          {recovery ? (
            // The same provider, with regenerating behind step-up.
            <MfaProvider
              client={mfa.client}
              recovery={recovery}
              issuer={mfa.issuer}
              locale={mfa.locale}
              messages={mfa.messages}
            >
              <RecoveryCodes accountName={accountName} />
            </MfaProvider>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
