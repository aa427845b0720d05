import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaMethodState, MfaSettingsApi } from '../../hooks/useMfaSettings.js';
import { enMethodPicker } from '../../i18n/enLeaves.js';
import { enSettings } from '../../i18n/enSettings.js';
import type { MfaMethod } from '../../ports.js';
import { formatMethods } from '../MfaGate/format.js';

const methodLabel = { TOTP: 'methods.totp', SMS: 'methods.sms', EMAIL: 'methods.email' } as const;
const statusLabel = {
  preferred: 'settings.statusPreferred',
  on: 'settings.statusOn',
  off: 'settings.statusOff',
} as const;

export interface MethodListProps {
  api: MfaSettingsApi;
  /** Turn on a method that needs setting up (TOTP always; SMS or email without a verified address). */
  onSetUp: (method: MfaMethod) => void;
  onReplaceAuthenticator: () => void;
  onChangePhone: () => void;
}

/** Each method with its status and what can be done with it. */
export function MethodList({ api, onSetUp, onReplaceAuthenticator, onChangePhone }: MethodListProps) {
  const mfa = useMfaContext('MfaSettings', enSettings, enMethodPicker);
  const { t } = mfa;
  const { methods } = api;
  return (
    <div data-mfa-part="methods">
      <p role="status">{methods.status === 'loading' && !methods.data ? t('settings.loadingMethods') : ''}</p>
      <div role="alert">
        {methods.status === 'error' ? (
          <>
            <p>{t('settings.methodsFailed')}</p>
            <p>{mfa.describeError(methods.error)}</p>
            <button type="button" className="mfa-button" onClick={api.reloadMethods}>
              {t('common.retry')}
            </button>
          </>
        ) : null}
      </div>
      {methods.data ? (
        <ul className="mfa-settings__list">
          {methods.data.map((state) => (
            <MethodItem
              key={state.method}
              state={state}
              api={api}
              onSetUp={onSetUp}
              onReplaceAuthenticator={onReplaceAuthenticator}
              onChangePhone={onChangePhone}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MethodItem({
  state,
  api,
  onSetUp,
  onReplaceAuthenticator,
  onChangePhone,
}: MethodListProps & { state: MfaMethodState }) {
  const mfa = useMfaContext('MfaSettings', enSettings, enMethodPicker);
  const { t } = mfa;
  const { method, status } = state;
  const name = t(methodLabel[method]);
  const busy = api.pending !== undefined;
  const allowed = api.allowedMethods.includes(method);
  const refusal = api.refusal?.method === method ? api.refusal.reason : undefined;
  const failed = api.changeError?.action.startsWith(`${method}:`) ? api.changeError.error : undefined;
  return (
    <li className="mfa-settings__item" data-mfa-part="method" data-method={method} data-status={status}>
      <div className="mfa-settings__summary">
        <strong>{name}</strong> <span data-mfa-part="method-status">{t(statusLabel[status])}</span>
        {state.destination && method !== 'TOTP' ? (
          <span dir="ltr" data-mfa-part="destination">
            {' '}
            {state.destination}
          </span>
        ) : null}
        {!allowed ? <p data-mfa-part="not-allowed">{t('settings.notAllowedForRole')}</p> : null}
      </div>
      <div className="mfa-settings__actions">
        {status === 'on' ? (
          <button
            type="button"
            className="mfa-button"
            disabled={busy}
            aria-label={`${t('settings.setPreferred')}: ${name}`}
            onClick={() => void api.setPreferred(method)}
          >
            {t('settings.setPreferred')}
          </button>
        ) : null}
        {status === 'off' ? (
          <button
            type="button"
            className="mfa-button mfa-button--primary"
            disabled={busy}
            aria-label={`${t('settings.turnOn')}: ${name}`}
            onClick={() =>
              method !== 'TOTP' && state.verified && state.destination
                ? void api.turnOn(method)
                : onSetUp(method)
            }
          >
            {t('settings.turnOn')}
          </button>
        ) : null}
        {status !== 'off' && method === 'TOTP' ? (
          <button type="button" className="mfa-button" disabled={busy} onClick={onReplaceAuthenticator}>
            {t('settings.replaceAuthenticator')}
          </button>
        ) : null}
        {status !== 'off' && method === 'SMS' ? (
          <button type="button" className="mfa-button" disabled={busy} onClick={onChangePhone}>
            {t('settings.changePhone')}
          </button>
        ) : null}
        {status !== 'off' ? (
          <button
            type="button"
            className="mfa-button"
            disabled={busy}
            aria-label={`${t('settings.turnOff')}: ${name}`}
            onClick={() => void api.turnOff(method)}
          >
            {t('settings.turnOff')}
          </button>
        ) : null}
      </div>
      <div role="alert" data-mfa-part="method-error">
        {refusal === 'pool_requires_mfa' ? <p>{t('settings.refusedPool', { method: name })}</p> : null}
        {refusal === 'role_requires_mfa' ? (
          <p>
            {t('settings.refusedRole', { method: name, allowed: formatMethods(mfa, api.allowedMethods) })}
          </p>
        ) : null}
        {failed ? <p>{mfa.describeError(failed)}</p> : null}
      </div>
    </li>
  );
}
