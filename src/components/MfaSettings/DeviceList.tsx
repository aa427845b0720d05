import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaSettingsApi } from '../../hooks/useMfaSettings.js';
import { enSettings } from '../../i18n/enSettings.js';
import type { AuthDevice } from '../../ports.js';

/** Remembered devices: name, last use, this device marked; forget one or all others. */
export function DeviceList({ api, currentDeviceId }: { api: MfaSettingsApi; currentDeviceId?: string }) {
  const mfa = useMfaContext('MfaSettings', enSettings);
  const { t } = mfa;
  const { devices } = api;
  const nameOf = (device: AuthDevice) =>
    device.name ?? device.attributes.device_name ?? t('settings.deviceUnnamed');
  const others = devices.data?.filter((device) => device.id !== currentDeviceId) ?? [];
  const failed = api.changeError?.action.startsWith('device') ? api.changeError.error : undefined;
  const forgetOthers = async () => {
    for (const device of others) await api.forgetDevice(device);
  };
  return (
    <div data-mfa-part="devices">
      <p>{t('settings.devicesIntro')}</p>
      <p role="status">{devices.status === 'loading' && !devices.data ? t('settings.loadingDevices') : ''}</p>
      <div role="alert">
        {devices.status === 'error' ? (
          <>
            <p>{t('settings.devicesFailed')}</p>
            <p>{mfa.describeError(devices.error)}</p>
            <button type="button" className="mfa-button" onClick={api.reloadDevices}>
              {t('common.retry')}
            </button>
          </>
        ) : null}
        {failed ? <p>{mfa.describeError(failed)}</p> : null}
      </div>
      {devices.data && devices.data.length === 0 ? (
        <p data-mfa-part="no-devices">{t('settings.noDevices')}</p>
      ) : null}
      {devices.data && devices.data.length > 0 ? (
        <ul className="mfa-settings__list">
          {devices.data.map((device) => (
            <li key={device.id} className="mfa-settings__item" data-mfa-part="device">
              <div className="mfa-settings__summary">
                <strong>{nameOf(device)}</strong>
                {device.id === currentDeviceId ? (
                  <span data-mfa-part="this-device"> {t('settings.thisDevice')}</span>
                ) : null}
                {device.lastAuthenticatedDate ? (
                  <p>
                    {t('settings.lastUsed', {
                      date: new Intl.DateTimeFormat(mfa.locale, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }).format(device.lastAuthenticatedDate),
                    })}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="mfa-button"
                disabled={api.pending !== undefined}
                aria-label={t('settings.forgetLabel', { device: nameOf(device) })}
                onClick={() => void api.forgetDevice(device)}
              >
                {t('settings.forget')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {currentDeviceId && others.length > 0 ? (
        <button
          type="button"
          className="mfa-button"
          disabled={api.pending !== undefined}
          onClick={() => void forgetOthers()}
        >
          {t('settings.forgetOthers')}
        </button>
      ) : null}
    </div>
  );
}
