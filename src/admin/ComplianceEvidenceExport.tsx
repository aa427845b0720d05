import { useId, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { isMfaAdminError } from '../core/adminErrors.js';
import type { CoreMessageKey } from '../i18n/en.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, ComplianceExport as ComplianceFile } from '../ports.js';
import { adminErrorKey } from './adminShared.js';

export interface ComplianceEvidenceExportProps {
  adapter: AdminAdapter;
  /** Receives the file instead of the browser download (e.g. to upload it to an evidence store). */
  onExport?: (file: ComplianceFile) => void;
}

/** The server's limit, checked here first so the admin hears it before a round trip. */
const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** Saves `file` through a temporary object URL; where there is none (server, jsdom) nothing happens. */
function download(file: ComplianceFile) {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([file.body], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What is wrong with the chosen days (`YYYY-MM-DD`, UTC), if anything. */
function periodProblem(from: string, to: string): keyof typeof enAdmin | undefined {
  if (!from || !to) return undefined;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T23:59:59.999Z`);
  if (start > end) return 'admin.exportPeriodOrder';
  if (end - start > MAX_PERIOD_DAYS * DAY_MS) return 'admin.exportPeriodTooLong';
  return undefined;
}

/**
 * Downloads the compliance evidence (pool MFA level, policy, every user's MFA, the period's resets
 * and bypasses, the controls it evidences) as CSV or JSON, then shows the file's SHA-256 and the
 * audit event that recorded it.
 */
export function ComplianceEvidenceExport({ adapter, onExport }: ComplianceEvidenceExportProps) {
  const { t } = useMfaContext('ComplianceEvidenceExport', enAdmin);
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [file, setFile] = useState<ComplianceFile | null>(null);
  const [failure, setFailure] = useState<keyof typeof enAdmin | CoreMessageKey | null>(null);

  const run = async (format: 'csv' | 'json') => {
    if (busy) return;
    const problem = periodProblem(from, to);
    if (problem) {
      setFailure(problem);
      return;
    }
    setBusy(true);
    setMessage(t('admin.exporting'));
    setFile(null);
    setFailure(null);
    try {
      const exported = await adapter.exportCompliance({
        format,
        ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
        ...(to ? { to: `${to}T23:59:59.999Z` } : {}),
      });
      if (onExport) onExport(exported);
      else download(exported);
      setFile(exported);
      setMessage(t('admin.exported', { file: exported.filename }));
    } catch (error) {
      setMessage(null);
      setFailure(
        isMfaAdminError(error) && error.code === 'INVALID_REQUEST'
          ? 'admin.exportInvalid'
          : adminErrorKey(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="compliance-export">
      <p>{t('admin.exportIntro')}</p>
      <div className="mfa-admin__filters">
        <label>
          {t('admin.exportFrom')}
          <input
            type="date"
            value={from}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label>
          {t('admin.exportTo')}
          <input
            type="date"
            value={to}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setTo(event.target.value)}
          />
        </label>
      </div>
      <p id={`${id}-hint`} className="mfa-admin__hint">
        {t('admin.exportPeriodHint')}
      </p>
      <div className="mfa-dialog__actions">
        <button
          type="button"
          className="mfa-button"
          aria-disabled={busy || undefined}
          onClick={() => void run('csv')}
        >
          {t('admin.exportCsv')}
        </button>
        <button
          type="button"
          className="mfa-button"
          aria-disabled={busy || undefined}
          onClick={() => void run('json')}
        >
          {t('admin.exportJson')}
        </button>
      </div>
      <div aria-live="polite">
        {message && <p>{message}</p>}
        {file && (
          <p data-mfa-part="export-digest" style={{ overflowWrap: 'anywhere' }}>
            {t('admin.exportDigest', { sha256: file.sha256, id: file.auditId })}
          </p>
        )}
      </div>
      {failure && (
        <p role="alert" className="mfa-admin__error">
          {t(failure)}
        </p>
      )}
    </div>
  );
}
