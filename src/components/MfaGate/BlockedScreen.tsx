import { useId, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { type MfaError, toMfaError } from '../../core/errors.js';
import type { MfaCompliance } from '../../core/mfaPolicy.js';
import { enSettings } from '../../i18n/enSettings.js';
import { formatDeadline } from './format.js';

/** Past grace with `enforcementAction: 'block'`: no way in but the administrator. */
export function BlockedScreen({
  compliance,
  onSignOut,
}: {
  compliance: MfaCompliance;
  onSignOut?: () => void;
}) {
  const mfa = useMfaContext('MfaGate', enSettings);
  const { t } = mfa;
  const titleId = useId();
  const [error, setError] = useState<MfaError>();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await mfa.client.signOut();
      onSignOut?.();
    } catch (caught) {
      setError(toMfaError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="mfa-gate__blocked" data-mfa-part="blocked" aria-labelledby={titleId} dir={mfa.dir}>
      <h2 id={titleId}>{t('gate.blockedTitle')}</h2>
      <p>
        {t('gate.blockedBody', {
          date: compliance.graceUntil === undefined ? '' : formatDeadline(mfa, compliance.graceUntil),
        })}
      </p>
      <div role="alert">{error ? <p>{mfa.describeError(error)}</p> : null}</div>
      <button type="button" className="mfa-button" disabled={busy} onClick={() => void signOut()}>
        {t('gate.signOut')}
      </button>
    </section>
  );
}
