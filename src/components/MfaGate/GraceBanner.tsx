import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaCompliance } from '../../core/mfaPolicy.js';
import { enMethodPicker } from '../../i18n/enLeaves.js';
import { enSettings } from '../../i18n/enSettings.js';
import { formatDeadline, formatMethods } from './format.js';

export interface GraceBannerProps {
  compliance: MfaCompliance;
  onSetUp: () => void;
  onDismiss: () => void;
}

/** "Set it up within N days": shown above the app while a required user is in grace. */
export function GraceBanner({ compliance, onSetUp, onDismiss }: GraceBannerProps) {
  const mfa = useMfaContext('MfaGate', enSettings, enMethodPicker);
  const { t } = mfa;
  const days = compliance.daysLeft ?? 0;
  const date = compliance.graceUntil === undefined ? '' : formatDeadline(mfa, compliance.graceUntil);
  return (
    <section
      className="mfa-banner"
      data-mfa-part="grace-banner"
      data-days-left={days}
      aria-label={t('gate.bannerLabel')}
      dir={mfa.dir}
    >
      <p role="status">
        {days <= 1 ? t('gate.graceLastDay', { date }) : t('gate.graceDays', { days, date })}
      </p>
      {compliance.methodNotAllowed ? (
        <p data-mfa-part="method-not-allowed">
          {t('gate.methodNotAllowed', { methods: formatMethods(mfa, compliance.allowedMethods) })}
        </p>
      ) : null}
      <div className="mfa-banner__actions">
        <button type="button" className="mfa-button mfa-button--primary" onClick={onSetUp}>
          {t('gate.setUpNow')}
        </button>
        <button type="button" className="mfa-button" onClick={onDismiss}>
          {t('gate.dismiss')}
        </button>
      </div>
    </section>
  );
}
