import { type FormEvent, useCallback, useId, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { ADMIN_AUDIT_EVENT_TYPES } from '../core/adminConstants.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, AdminAuditEvent, AdminAuditEventType, AdminAuditQuery } from '../ports.js';
import { formatDateTime } from './adminShared.js';
import { usePagedList } from './usePagedList.js';

export interface AuditLogProps {
  adapter: AdminAdapter;
  /** Events per page, 1–100. Default 20. */
  pageSize?: number;
  /** Start filtered, e.g. to one user. */
  initialFilter?: { type?: AdminAuditEventType; target?: string };
  /** Changes to this value reload the log (e.g. after an action elsewhere in the console). */
  refreshKey?: unknown;
}

/** The admin audit trail, newest first. Every field is rendered as text: markup in it stays inert. */
export function AuditLog({ adapter, pageSize = 20, initialFilter = {}, refreshKey }: AuditLogProps) {
  const { t, locale } = useMfaContext('AuditLog', enAdmin);
  const id = useId();
  const [draft, setDraft] = useState({
    type: initialFilter.type ?? '',
    target: initialFilter.target ?? '',
    from: '',
    to: '',
  });
  const [applied, setApplied] = useState(draft);
  const query = useCallback(
    (next?: string): AdminAuditQuery => ({
      limit: pageSize,
      ...(next ? { cursor: next } : {}),
      ...(applied.type ? { type: applied.type as AdminAuditEventType } : {}),
      ...(applied.target.trim() ? { target: applied.target.trim() } : {}),
      ...(applied.from ? { from: `${applied.from}T00:00:00.000Z` } : {}),
      ...(applied.to ? { to: `${applied.to}T23:59:59.999Z` } : {}),
    }),
    [pageSize, applied],
  );

  const fetchPage = useCallback((next?: string) => adapter.getAuditLog(query(next)), [adapter, query]);
  const list = usePagedList<AdminAuditEvent>(fetchPage, { reloadKey: refreshKey });
  const { items: events, load } = list;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...draft });
  };

  if (load === 'forbidden')
    return (
      <div className="mfa-admin mfa-root">
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );

  const field = (name: keyof typeof draft) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="audit-log">
      <form className="mfa-admin__filters" onSubmit={submit}>
        <label htmlFor={`${id}-type`}>{t('admin.auditType')}</label>
        <select {...field('type')}>
          <option value="">{t('admin.filterAll')}</option>
          {ADMIN_AUDIT_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`admin.event${type}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-target`}>{t('admin.auditTarget')}</label>
        <input type="text" {...field('target')} />
        <label htmlFor={`${id}-from`}>{t('admin.auditFrom')}</label>
        <input type="date" {...field('from')} />
        <label htmlFor={`${id}-to`}>{t('admin.auditTo')}</label>
        <input type="date" {...field('to')} />
        <button type="submit" className="mfa-button">
          {t('admin.auditApply')}
        </button>
      </form>
      <div aria-live="polite" className="mfa-admin__status">
        {load === 'loading' && <p>{t('admin.loadingAudit')}</p>}
        {load === 'ready' && events.length === 0 && <p>{t('admin.auditEmpty')}</p>}
      </div>
      {load === 'error' && (
        <div role="alert" className="mfa-admin__error">
          <p>{t('admin.loadFailed')}</p>
          <button type="button" className="mfa-button" onClick={list.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {load === 'ready' && events.length > 0 && (
        // A narrow screen scrolls the table sideways: the region takes focus so the keyboard can scroll it
        // too (axe scrollable-region-focusable, WCAG 2.1.1).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard; unnamed, so it adds no landmark
        <section className="mfa-admin__scroll" tabIndex={0}>
          <table className="mfa-admin__audit">
            <caption className="mfa-admin__caption">{t('admin.auditTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.auditWhen')}</th>
                <th scope="col">{t('admin.auditType')}</th>
                <th scope="col">{t('admin.auditTarget')}</th>
                <th scope="col">{t('admin.auditActor')}</th>
                <th scope="col">{t('admin.auditJustification')}</th>
                <th scope="col">{t('admin.auditStatus')}</th>
                <th scope="col">{t('admin.auditId')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                  </td>
                  <td>{t(`admin.event${event.type}`)}</td>
                  <td>{event.target ?? '—'}</td>
                  <td>{event.actor}</td>
                  <td className="mfa-admin__justification">{event.justification ?? ''}</td>
                  <td>{t(`admin.status${event.status}`)}</td>
                  <td>
                    <code>{event.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {list.moreFailed && (
        <p role="alert" className="mfa-admin__error">
          {t('admin.loadFailed')}
        </p>
      )}
      {load === 'ready' && list.cursor && (
        <button
          type="button"
          className="mfa-button"
          onClick={list.loadMore}
          aria-disabled={list.loadingMore || undefined}
        >
          {list.loadingMore ? t('admin.loadingAudit') : t('admin.loadMore')}
        </button>
      )}
    </div>
  );
}
