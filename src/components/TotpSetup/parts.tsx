import { Suspense, useRef, useState } from 'react';
import { endsSession, isWrongCode } from '../../core/codeRules.js';
import { formatSecretForDisplay } from '../../core/otpauth.js';
import { useCodeField } from '../../hooks/useCodeField.js';
import { CodeInput } from '../CodeInput/index.js';
import { classNames } from '../internal/classNames.js';
import { LoadBoundary } from '../internal/LoadBoundary.js';
import { retryableLazy } from '../internal/retryableLazy.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { useTotpSetupContext } from './context.js';

// The QR renderer loads on demand (its own chunk in the host's bundle); the frame keeps its size.
const QRCodeSVG = /* @__PURE__ */ retryableLazy(() => import('qrcode.react').then((m) => m.QRCodeSVG));

/** Props every compound part of `TotpSetup` takes. */
export interface TotpSetupPartProps {
  className?: string;
}

/**
 * The otpauth URI as a QR code: black on white whatever the theme (inverted codes defeat some
 * scanners), with a four-module quiet zone, large enough to scan from a laptop screen.
 */
export function TotpSetupQrCode({ className, size = 208 }: TotpSetupPartProps & { size?: number }) {
  const { uri, issuer, accountName, mfa } = useTotpSetupContext('TotpSetup.QrCode');
  if (!uri) return null;
  const frame = classNames('mfa-totp__qr', className);
  // Until the renderer has loaded, an empty frame of the same size holds the place, hidden from
  // assistive technology: the labelled image appears with the code itself, never half drawn.
  // A failed download leaves the setup key usable and offers another try.
  return (
    <LoadBoundary
      failed={(retry) => (
        <div className={classNames('mfa-totp__qr-failed', className)} data-mfa-part="qr-failed" role="alert">
          <p>{mfa.t('totpSetup.qrFailed')}</p>
          <button type="button" className="mfa-button" onClick={retry}>
            {mfa.t('common.retry')}
          </button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <div className={frame} data-mfa-part="qr-placeholder" aria-hidden="true">
            <svg width={size} height={size} />
          </div>
        }
      >
        <div
          className={frame}
          data-mfa-part="qr-code"
          role="img"
          aria-label={mfa.t('totpSetup.qrLabel', { issuer, account: accountName })}
        >
          <QRCodeSVG
            value={uri}
            size={size}
            marginSize={4}
            level="M"
            bgColor="#ffffff"
            fgColor="#000000"
            aria-hidden="true"
          />
        </div>
      </Suspense>
    </LoadBoundary>
  );
}

/** The secret as text, grouped in fours, with what an app asks for when adding a key by hand. */
export function TotpSetupManualKey({ className }: TotpSetupPartProps) {
  const { secret, issuer, accountName, mfa, manualKeyId } = useTotpSetupContext('TotpSetup.ManualKey');
  if (!secret) return null;
  return (
    <div id={manualKeyId} className={classNames('mfa-totp__manual', className)} data-mfa-part="manual-key">
      <p>{mfa.t('totpSetup.manualIntro')}</p>
      <dl className="mfa-totp__details">
        <dt>{mfa.t('totpSetup.keyLabel')}</dt>
        <dd className="mfa-totp__key-row">
          <code className="mfa-totp__key" data-mfa-part="key" dir="ltr">
            {formatSecretForDisplay(secret)}
          </code>
          <TotpSetupCopyKeyButton />
        </dd>
        <dt>{mfa.t('totpSetup.issuerLabel')}</dt>
        <dd>{issuer}</dd>
        <dt>{mfa.t('totpSetup.accountLabel')}</dt>
        <dd>{accountName}</dd>
        <dt>{mfa.t('totpSetup.typeLabel')}</dt>
        <dd>{mfa.t('totpSetup.typeValue')}</dd>
      </dl>
    </div>
  );
}

/** Copies the key with the Clipboard API; where that is missing or refused, selects the key instead. */
export function TotpSetupCopyKeyButton({ className }: TotpSetupPartProps) {
  const { secret, mfa } = useTotpSetupContext('TotpSetup.CopyKeyButton');
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (!secret) return null;

  const selectKey = () => {
    const key = buttonRef.current
      ?.closest('[data-mfa-part="manual-key"]')
      ?.querySelector('[data-mfa-part="key"]');
    const selection = globalThis.getSelection?.();
    if (!key || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(key);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(secret);
      setResult('copied');
    } catch {
      selectKey();
      setResult('failed');
    }
  };

  return (
    <div className={classNames('mfa-totp__copy', className)} data-mfa-part="copy">
      <button
        ref={buttonRef}
        type="button"
        className="mfa-button"
        data-mfa-part="copy-key-button"
        onClick={copy}
      >
        {mfa.t('totpSetup.copyKey')}
      </button>
      <span role="status" data-mfa-part="copy-status">
        {result === 'copied'
          ? mfa.t('totpSetup.copied')
          : result === 'failed'
            ? mfa.t('totpSetup.copyFailed')
            : ''}
      </span>
    </div>
  );
}

/** The code from the app; submits by itself once six digits are in. Keeps the digits after a network error. */
export function TotpSetupCodeField({ className }: TotpSetupPartProps) {
  const { state, submit, mfa, codeField } = useTotpSetupContext('TotpSetup.CodeField');
  const lastError = state.status === 'scan' ? state.error : undefined;
  const field = useCodeField(lastError);
  if (state.status !== 'scan' && state.status !== 'verifying') return null;
  return (
    <form
      className={classNames('mfa-totp__code', className)}
      data-mfa-part="code-field"
      onSubmit={(event) => {
        event.preventDefault();
        if (field.complete) submit(field.code);
      }}
    >
      <CodeInput
        {...field.inputProps}
        onComplete={submit}
        disabled={state.status === 'verifying'}
        description={mfa.t('totpSetup.codeStep')}
        label={codeField?.label}
        placeholder={codeField?.placeholder}
        error={isWrongCode(lastError) ? mfa.t('totpSetup.wrongCode') : undefined}
      />
      <button
        type="submit"
        className="mfa-button mfa-button--primary"
        data-mfa-part="verify-button"
        disabled={state.status === 'verifying' || !field.complete}
      >
        {state.status === 'verifying' ? mfa.t('totpSetup.verifying') : mfa.t('totpSetup.verify')}
      </button>
    </form>
  );
}

/** Failures that are not about the typed code, each with its way forward. */
export function TotpSetupError({ className }: TotpSetupPartProps) {
  const { state, mfa, retry, restart } = useTotpSetupContext('TotpSetup.Error');
  const error = state.status === 'failed' ? state.error : state.status === 'scan' ? state.error : undefined;
  const sessionOver = endsSession(error);
  return (
    <div className={classNames('mfa-totp__error', className)} data-mfa-part="error" role="alert">
      {error && !isWrongCode(error) ? (
        <>
          <p className="mfa-alert" data-tone="error">
            <StatusIcon tone="error" />
            {sessionOver ? mfa.t('totpSetup.sessionExpired') : mfa.describeError(error)}
          </p>
          {state.status === 'scan' && state.lastCode ? (
            <button type="button" className="mfa-button" onClick={retry}>
              {mfa.t('common.retry')}
            </button>
          ) : state.status === 'failed' ? (
            <button type="button" className="mfa-button" onClick={restart}>
              {sessionOver ? mfa.t('totpSetup.startOver') : mfa.t('common.retry')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
