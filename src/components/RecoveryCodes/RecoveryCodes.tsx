import { useMfaContext } from '../../context/mfaContext.js';
import { type RecoveryCodesApi, useRecoveryCodes } from '../../hooks/useRecoveryCodes.js';
import { classNames } from '../internal/classNames.js';
import { CodeSheet } from './CodeSheet.js';
import { RegenerateDialog } from './RegenerateDialog.js';

export interface RecoveryCodesProps {
  /** The account named in the downloaded file, e.g. "alice@example.com". */
  accountName?: string;
  /** Overrides the provider's issuer in the downloaded file. */
  issuer?: string;
  /** 'if-none': generate at once when the user has no unused codes (after enrolment); 'always': replace them. */
  autoGenerate?: 'never' | 'if-none' | 'always';
  /** After the user confirmed they saved a new set (or, with nothing new to save, pressed Continue). */
  onAcknowledged?: () => void;
  className?: string;
}

/** Recovery codes for the signed-in user: generate, show once, confirm saved; how many are left; regenerate. */
export function RecoveryCodes({
  accountName,
  issuer,
  autoGenerate,
  onAcknowledged,
  className,
}: RecoveryCodesProps) {
  const mfa = useMfaContext('RecoveryCodes');
  const api = useRecoveryCodes({ autoGenerate });
  return (
    <section
      className={classNames('mfa-recovery', className)}
      data-mfa-part="recovery-codes"
      data-status={api.status}
      data-state={api.codes ? 'showing-codes' : api.lowOnCodes ? 'low' : 'summary'}
      dir={mfa.dir}
      aria-busy={api.status === 'loading' || api.status === 'generating'}
    >
      {api.codes ? (
        <CodeSheet
          codes={api.codes}
          createdAt={api.createdAt}
          issuer={issuer ?? mfa.issuer}
          accountName={accountName}
          onSaved={() => {
            api.acknowledge();
            onAcknowledged?.();
          }}
        />
      ) : (
        <Summary api={api} onContinue={onAcknowledged} />
      )}
    </section>
  );
}

/** What is left, regenerate; in a flow (`onContinue`), the way on when the user already has codes. */
function Summary({ api, onContinue }: { api: RecoveryCodesApi; onContinue: (() => void) | undefined }) {
  const { t, locale, describeError } = useMfaContext('RecoveryCodes');
  const { summary, status } = api;
  const busy = status === 'loading' || status === 'generating';
  const hasCodes = summary !== undefined && summary.total > 0;
  return (
    <div className="mfa-recovery__summary" data-mfa-part="summary">
      <h2>{t('recovery.title')}</h2>
      <p role="status" data-mfa-part="progress">
        {status === 'loading'
          ? t('recovery.loading')
          : status === 'generating'
            ? t('recovery.generating')
            : ''}
      </p>
      {summary && !hasCodes ? <p>{t('recovery.none')}</p> : null}
      {summary && hasCodes ? (
        <p data-mfa-part="remaining">
          {t('recovery.remaining', {
            remaining: summary.remaining,
            total: summary.total,
            date: summary.createdAt
              ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(summary.createdAt))
              : '',
          })}
        </p>
      ) : null}
      {summary && hasCodes && api.lowOnCodes ? (
        <p className="mfa-recovery__warning" data-mfa-part="low-warning">
          {summary.remaining === 0
            ? t('recovery.allUsed')
            : t('recovery.low', { remaining: summary.remaining })}
        </p>
      ) : null}
      <div role="alert" data-mfa-part="error">
        {status === 'error' && api.error ? (
          <>
            <p>{describeError(api.error)}</p>
            <button type="button" className="mfa-button" onClick={api.retry}>
              {t('common.retry')}
            </button>
          </>
        ) : null}
      </div>
      {summary && !hasCodes ? (
        <button
          type="button"
          className="mfa-button mfa-button--primary"
          disabled={busy}
          onClick={api.generate}
        >
          {t('recovery.generate')}
        </button>
      ) : null}
      {hasCodes ? <RegenerateDialog onConfirm={api.generate} disabled={busy} /> : null}
      {hasCodes && summary.remaining > 0 && onContinue ? (
        <button type="button" className="mfa-button mfa-button--primary" disabled={busy} onClick={onContinue}>
          {t('recovery.continue')}
        </button>
      ) : null}
    </div>
  );
}
