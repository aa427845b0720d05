import { useState } from 'react';
import { useMfaContext } from '../components/MfaProvider/index.js';
import type { AdminAdapter, ComplianceExport as ComplianceFile } from '../ports.js';
import { adminErrorKey } from './adminShared.js';

export interface ComplianceEvidenceExportProps {
  adapter: AdminAdapter;
  /** Receives the file instead of the browser download (e.g. to upload it to an evidence store). */
  onExport?: (file: ComplianceFile) => void;
}

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

/** Buttons that download the compliance evidence (every user's MFA status) as CSV or JSON. */
export function ComplianceEvidenceExport({ adapter, onExport }: ComplianceEvidenceExportProps) {
  const { t } = useMfaContext('ComplianceEvidenceExport');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (format: 'csv' | 'json') => {
    if (busy) return;
    setBusy(true);
    setMessage(t('admin.exporting'));
    setFailure(null);
    try {
      const file = await adapter.exportCompliance({ format });
      if (onExport) onExport(file);
      else download(file);
      setMessage(t('admin.exported', { file: file.filename }));
    } catch (error) {
      setMessage(null);
      setFailure(t(adminErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="compliance-export">
      <p>{t('admin.exportIntro')}</p>
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
      <div aria-live="polite">{message && <p>{message}</p>}</div>
      {failure && (
        <p role="alert" className="mfa-admin__error">
          {failure}
        </p>
      )}
    </div>
  );
}
