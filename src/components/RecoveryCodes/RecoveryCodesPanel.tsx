import type { ReactNode } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { type RecoveryCodesApi, useRecoveryCodes } from '../../hooks/useRecoveryCodes.js';
import { enRecovery } from '../../i18n/enRecovery.js';
import { classNames } from '../internal/classNames.js';
import { CodeSheet } from './CodeSheet.js';
import type { RecoveryCodesProps } from './RecoveryCodes.js';

/** What the "Generate new codes" control gets: the action, and whether it must wait. */
export interface RegenerateControlProps {
  onConfirm: () => void;
  disabled: boolean;
}

export interface RecoveryCodesPanelProps extends RecoveryCodesProps {
  /**
   * The "Generate new codes" control (RecoveryCodes: behind a confirmation dialog). Sign-in leaves it
   * out: replacing codes belongs to the user's settings, and the dialog's code stays out of sign-in.
   */
  regenerate?: (props: RegenerateControlProps) => ReactNode;
}

/** The recovery-codes card without its regenerate control: what RecoveryCodes and sign-in share. */
export function RecoveryCodesPanel({
  accountName,
  issuer,
  autoGenerate,
  onAcknowledged,
  className,
  regenerate,
}: RecoveryCodesPanelProps) {
  const mfa = useMfaContext('RecoveryCodes', enRecovery);
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
        <Summary api={api} onContinue={onAcknowledged} regenerate={regenerate} />
      )}
    </section>
  );
}

/** What is left, regenerate; in a flow (`onContinue`), the way on when the user already has codes. */
function Summary({
  api,
  onContinue,
  regenerate,
}: {
  api: RecoveryCodesApi;
  onContinue: (() => void) | undefined;
  regenerate: RecoveryCodesPanelProps['regenerate'];
}) {
  const { t, locale, describeError } = useMfaContext('RecoveryCodes', enRecovery);
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
          {regenerate || summary.remaining === 0 ? null : ` ${t('recovery.regenerateInSettings')}`}
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
      {/* With every code used there is nothing to lose: no confirmation, in sign-in too. */}
      {summary && (!hasCodes || (!regenerate && summary.remaining === 0)) ? (
        <button
          type="button"
          className="mfa-button mfa-button--primary"
          disabled={busy}
          onClick={api.generate}
        >
          {t('recovery.generate')}
        </button>
      ) : null}
      {hasCodes && regenerate ? regenerate({ onConfirm: api.generate, disabled: busy }) : null}
      {hasCodes && summary.remaining > 0 && onContinue ? (
        <button type="button" className="mfa-button mfa-button--primary" disabled={busy} onClick={onContinue}>
          {t('recovery.continue')}
        </button>
      ) : null}
    </div>
  );
}
