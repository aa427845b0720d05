import { type ReactNode, useId, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { useTotpSetup } from '../../hooks/useTotpSetup.js';
import { enTotpSetup } from '../../i18n/enTotpSetup.js';
import type { SignInOutput, TotpSetupDetails } from '../../ports.js';
import { CardBrand } from '../internal/CardBrand.js';
import { classNames } from '../internal/classNames.js';
import { SuccessPanel } from '../internal/SuccessPanel.js';
import { TotpSetupContext, type TotpSetupContextValue, useTotpSetupContext } from './context.js';
import {
  TotpSetupCodeField,
  TotpSetupCopyKeyButton,
  TotpSetupError,
  TotpSetupManualKey,
  TotpSetupQrCode,
} from './parts.js';

export interface TotpSetupProps {
  /** The account shown in the authenticator app, e.g. "alice@example.com". */
  accountName: string;
  /** Overrides the provider's issuer ("Acme"). */
  issuer?: string;
  /** Name stored with the authenticator in Cognito. */
  friendlyDeviceName?: string;
  /**
   * Inside sign-in (CONTINUE_SIGN_IN_WITH_TOTP_SETUP): `nextStep.totpSetupDetails`. The code is then
   * answered with `confirmSignIn` and `onVerified` receives its result.
   */
  totpSetupDetails?: TotpSetupDetails;
  /** After the code verified and TOTP became the preferred method. */
  onVerified?: (result?: SignInOutput) => void;
  onCancel?: () => void;
  /**
   * The success screen's "Continue" button, focused when it appears: where the user goes next
   * (back to their settings, on into the app). Without it the screen shows the success message only.
   */
  onContinue?: () => void;
  /** Inside sign-in, when the session expired: take the user back to sign in again. */
  onRestart?: () => void;
  /** Label and placeholder of the code field (default: the catalog's "Verification code", none). */
  codeField?: { label?: string; placeholder?: string };
  /** Custom layout from the compound parts; the default layout when omitted. */
  children?: ReactNode;
  className?: string;
}

/** Authenticator-app enrolment: QR code, manual key, code check. For a signed-in user or inside sign-in. */
export function TotpSetup({
  accountName,
  issuer,
  friendlyDeviceName,
  totpSetupDetails,
  onVerified,
  onCancel,
  onContinue,
  onRestart,
  codeField,
  children,
  className,
}: TotpSetupProps) {
  const mfa = useMfaContext('TotpSetup', enTotpSetup);
  const [deviceName, setDeviceName] = useState(friendlyDeviceName ?? '');
  const api = useTotpSetup({
    accountName,
    issuer,
    friendlyDeviceName: deviceName.trim() || undefined,
    totpSetupDetails,
    onVerified,
  });
  const manualKeyId = useId();
  const titleId = useId();
  const restart = api.mode === 'sign-in' ? () => onRestart?.() : api.restart;
  const value: TotpSetupContextValue = { ...api, restart, mfa, manualKeyId, codeField };

  return (
    <TotpSetupContext.Provider value={value}>
      <section
        className={classNames('mfa-totp', className)}
        data-mfa-part="totp-setup"
        data-status={api.status}
        data-mode={api.mode}
        dir={mfa.dir}
        aria-labelledby={titleId}
        aria-busy={api.status === 'loading-secret' || api.status === 'verifying'}
      >
        <CardBrand />
        <h2 id={titleId} className="mfa-totp__title" data-mfa-part="title">
          {mfa.t('totpSetup.title')}
        </h2>
        {children ?? (
          <DefaultLayout
            onCancel={onCancel}
            onContinue={onContinue}
            deviceName={deviceName}
            onDeviceNameChange={setDeviceName}
          />
        )}
      </section>
    </TotpSetupContext.Provider>
  );
}

interface DefaultLayoutProps {
  onCancel: (() => void) | undefined;
  onContinue: (() => void) | undefined;
  deviceName: string;
  onDeviceNameChange: (name: string) => void;
}

function DefaultLayout({ onCancel, onContinue, deviceName, onDeviceNameChange }: DefaultLayoutProps) {
  const { status, replacesExisting, manualKeyId, mfa } = useTotpSetupContext('TotpSetup');
  const [manualOpen, setManualOpen] = useState(false);
  const deviceNameId = useId();
  const { t } = mfa;

  if (status === 'done')
    return (
      <SuccessPanel
        text={t('totpSetup.success')}
        part="success"
        action={onContinue ? { label: t('common.continue'), onClick: onContinue } : undefined}
      />
    );
  return (
    <>
      <p className="mfa-totp__intro">{t('totpSetup.intro')}</p>
      {replacesExisting ? (
        <p className="mfa-totp__warning" data-mfa-part="replace-warning">
          {t('totpSetup.replaceWarning')}
        </p>
      ) : null}
      {status === 'loading-secret' ? (
        <p role="status" data-mfa-part="loading">
          {t('totpSetup.loading')}
        </p>
      ) : null}
      {status === 'scan' || status === 'verifying' ? (
        <ol className="mfa-totp__steps">
          <li>
            <p>{t('totpSetup.scanStep')}</p>
            <TotpSetupQrCode />
            <button
              type="button"
              className="mfa-link"
              data-mfa-part="manual-toggle"
              aria-expanded={manualOpen}
              aria-controls={manualKeyId}
              onClick={() => setManualOpen((open) => !open)}
            >
              {manualOpen ? t('totpSetup.manualHide') : t('totpSetup.manualToggle')}
            </button>
            {manualOpen ? <TotpSetupManualKey /> : null}
          </li>
          <li>
            <div className="mfa-totp__device-name" data-mfa-part="device-name">
              <label htmlFor={deviceNameId}>{t('totpSetup.deviceNameLabel')}</label>
              <input
                id={deviceNameId}
                value={deviceName}
                maxLength={128}
                disabled={status === 'verifying'}
                onChange={(event) => onDeviceNameChange(event.currentTarget.value)}
              />
            </div>
            <TotpSetupCodeField />
          </li>
        </ol>
      ) : null}
      <TotpSetupError />
      {onCancel ? (
        <button type="button" className="mfa-button" data-mfa-part="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </>
  );
}

TotpSetup.QrCode = TotpSetupQrCode;
TotpSetup.ManualKey = TotpSetupManualKey;
TotpSetup.CopyKeyButton = TotpSetupCopyKeyButton;
TotpSetup.CodeField = TotpSetupCodeField;
TotpSetup.Error = TotpSetupError;
