import { useEffect, useId, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter } from '../ports.js';
import { AuditLog } from './AuditLog.js';
import { isForbidden } from './adminShared.js';
import { ComplianceEvidenceExport } from './ComplianceEvidenceExport.js';
import { type AdoptionSnapshot, MfaAdoptionChart } from './MfaAdoptionChart.js';
import { PoolMfaSettings } from './PoolMfaSettings.js';
import { UserMfaTable } from './UserMfaTable.js';

export interface MfaAdminConsoleProps {
  adapter: AdminAdapter;
  /** Roles offered in the users' role filter. */
  roles?: string[];
  /** Height of the users list in pixels. Default 480. */
  tableHeight?: number;
  /** Show the adoption chart (it reads every user once). Default false. */
  adoption?: boolean | { history?: AdoptionSnapshot[]; target?: number };
}

/**
 * The admin console: pool MFA level, users and their MFA, the audit log and the compliance export,
 * as sections with headings. Wrap it in `<StepUpProvider>` so every change asks for the admin's MFA.
 */
export function MfaAdminConsole({ adapter, roles, tableHeight, adoption = false }: MfaAdminConsoleProps) {
  const { t, dir } = useMfaContext('MfaAdminConsole', enAdmin);
  const id = useId();
  const [forbidden, setForbidden] = useState(false);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let active = true;
    adapter.getPoolMfaConfig().catch((error: unknown) => {
      if (active && isForbidden(error)) setForbidden(true);
    });
    return () => {
      active = false;
    };
  }, [adapter]);
  const changed = () => setChanges((n) => n + 1);

  const section = (key: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={`${id}-${key}`} className="mfa-admin__section">
      <h2 id={`${id}-${key}`}>{title}</h2>
      {body}
    </section>
  );

  return (
    <div className="mfa-admin-console mfa-root" dir={dir} data-mfa-part="admin-console">
      <h1>{t('admin.consoleTitle')}</h1>
      {forbidden ? (
        <p role="alert">{t('admin.forbidden')}</p>
      ) : (
        <>
          {section('pool', t('admin.tabPool'), <PoolMfaSettings adapter={adapter} onChange={changed} />)}
          {section(
            'users',
            t('admin.tabUsers'),
            <UserMfaTable adapter={adapter} roles={roles} height={tableHeight} onChange={changed} />,
          )}
          {section('audit', t('admin.tabAudit'), <AuditLog adapter={adapter} refreshKey={changes} />)}
          {adoption &&
            section(
              'adoption',
              t('admin.tabAdoption'),
              <MfaAdoptionChart adapter={adapter} {...(typeof adoption === 'object' ? adoption : {})} />,
            )}
          {section('export', t('admin.tabExport'), <ComplianceEvidenceExport adapter={adapter} />)}
        </>
      )}
    </div>
  );
}
