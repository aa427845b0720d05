import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMfaContext } from '../components/MfaProvider/index.js';
import type {
  AdminAdapter,
  AdminComplianceStatus,
  AdminListUsersInput,
  AdminUserRow,
  MfaMethod,
} from '../ports.js';
import { BypassDialog, EndBypassDialog, ResetMfaDialog } from './ActionDialogs.js';
import { formatDateTime, isForbidden, METHODS } from './adminShared.js';

export interface UserMfaTableProps {
  adapter: AdminAdapter;
  /** Roles (Cognito groups) offered in the role filter, besides those seen in loaded rows. */
  roles?: string[];
  /** Users fetched per request, 1–60. Default 60. */
  pageSize?: number;
  /** Height of the scrolling list in pixels. Default 480. */
  height?: number;
  /** After a reset, bypass or end of bypass. */
  onChange?: (username: string) => void;
}

const ROW_HEIGHT = 56;
const COMPLIANCE: AdminComplianceStatus[] = ['compliant', 'in_grace', 'non_compliant', 'bypassed'];
const DAY_MS = 86_400_000;

type Filter = NonNullable<AdminListUsersInput['filter']>;
type Load = 'loading' | 'ready' | 'error' | 'forbidden';
type Action = { kind: 'reset' | 'bypass' | 'endBypass'; username: string };

function StatusBadge({ row }: { row: AdminUserRow }) {
  const { t, locale } = useMfaContext('UserMfaTable');
  let detail = '';
  if (row.compliance === 'in_grace' && row.graceUntil) {
    const days = Math.max(0, Math.ceil((Date.parse(row.graceUntil) - Date.now()) / DAY_MS));
    detail = t('admin.graceLeft', { count: days });
  } else if (row.compliance === 'bypassed' && row.bypassUntil) {
    detail = t('admin.bypassedUntil', { time: formatDateTime(row.bypassUntil, locale) });
  }
  return (
    <span className="mfa-admin__badge" data-status={row.compliance}>
      {t(`admin.status${row.compliance}`)}
      {detail && <span className="mfa-admin__badge-detail"> · {detail}</span>}
    </span>
  );
}

/**
 * Every user of the pool with their MFA status, fetched a page at a time as the list scrolls
 * (`listUsers` cursors), searchable and filterable; only the rows in view are in the DOM.
 */
export function UserMfaTable({
  adapter,
  roles = [],
  pageSize = 60,
  height = 480,
  onChange,
}: UserMfaTableProps) {
  const { t } = useMfaContext('UserMfaTable');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const [rows, setRows] = useState<AdminUserRow[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [load, setLoad] = useState<Load>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);

  const query = useCallback(
    (next?: string): AdminListUsersInput => ({
      limit: pageSize,
      ...(next ? { cursor: next } : {}),
      ...(search ? { search } : {}),
      ...(Object.keys(filter).length ? { filter } : {}),
    }),
    [pageSize, search, filter],
  );

  // A new query starts from the first page; answers to an older query are dropped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry
  useEffect(() => {
    const mine = ++generation.current;
    setLoad('loading');
    setMoreFailed(false);
    adapter.listUsers(query()).then(
      (page) => {
        if (mine !== generation.current) return;
        setRows(page.items);
        setCursor(page.cursor);
        setLoad('ready');
        scrollRef.current?.scrollTo?.({ top: 0 });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setLoad(isForbidden(error) ? 'forbidden' : 'error');
      },
    );
  }, [adapter, query, attempt]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreFailed(false);
    adapter.listUsers(query(cursor)).then(
      (page) => {
        if (mine !== generation.current) return;
        setRows((current) => [...current, ...page.items]);
        setCursor(page.cursor);
        setLoadingMore(false);
      },
      () => {
        if (mine !== generation.current) return;
        setLoadingMore(false);
        setMoreFailed(true);
      },
    );
  }, [adapter, query, cursor, loadingMore]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 0, height },
    // Where layout reports no size (server rendering, jsdom), the list's own CSS height is used.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height ? rect : { width: rect.width, height })),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  // Rows out of view are one spacer row above and one below, so the native table keeps its semantics.
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  useEffect(() => {
    if (load === 'ready' && !moreFailed && lastIndex >= rows.length - 10) loadMore();
  }, [load, moreFailed, lastIndex, rows.length, loadMore]);

  const seenRoles = useMemo(() => {
    const all = new Set(roles);
    for (const row of rows) for (const group of row.groups) all.add(group);
    return [...all].sort();
  }, [roles, rows]);

  const refreshRow = async (username: string) => {
    onChange?.(username);
    try {
      const page = await adapter.listUsers({ search: username, limit: 1 });
      const fresh = page.items.find((row) => row.username === username);
      if (fresh) setRows((current) => current.map((row) => (row.username === username ? fresh : row)));
    } catch {
      // The row stays as it was; the next load shows the change.
    }
  };

  const setFilterValue = (key: keyof Filter, value: string) =>
    setFilter((current) => {
      const next: Filter = { ...current };
      if (value) (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });

  if (load === 'forbidden')
    return (
      <div className="mfa-admin mfa-root">
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );

  const methodName = (method: MfaMethod) => t(`admin.method${method}`);
  const dialogProps = {
    adapter,
    open: true,
    onOpenChange: (open: boolean) => {
      if (!open) setAction(null);
    },
    onDone: ({ username }: { username: string }) => void refreshRow(username),
  };

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="user-table">
      <div className="mfa-admin__filters">
        <label>
          {t('admin.search')}
          <input type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </label>
        <label>
          {t('admin.filterCompliance')}
          <select
            value={filter.compliance ?? ''}
            onChange={(event) => setFilterValue('compliance', event.target.value)}
          >
            <option value="">{t('admin.filterAll')}</option>
            {COMPLIANCE.map((status) => (
              <option key={status} value={status}>
                {t(`admin.status${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.filterRole')}
          <select value={filter.role ?? ''} onChange={(event) => setFilterValue('role', event.target.value)}>
            <option value="">{t('admin.filterAll')}</option>
            {seenRoles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.filterMethod')}
          <select
            value={filter.method ?? ''}
            onChange={(event) => setFilterValue('method', event.target.value)}
          >
            <option value="">{t('admin.filterAll')}</option>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {methodName(method)}
              </option>
            ))}
            <option value="NONE">{t('admin.methodNone')}</option>
          </select>
        </label>
      </div>

      <div aria-live="polite" className="mfa-admin__status">
        {load === 'loading' && <p>{t('admin.loadingUsers')}</p>}
        {load === 'ready' && rows.length === 0 && <p>{t('admin.noUsers')}</p>}
        {load === 'ready' && rows.length > 0 && <p>{t('admin.usersShown', { count: rows.length })}</p>}
        {loadingMore && <p>{t('admin.loadingMore')}</p>}
      </div>
      {load === 'error' && (
        <div role="alert" className="mfa-admin__error">
          <p>{t('admin.loadFailed')}</p>
          <button type="button" className="mfa-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <div
        ref={scrollRef}
        className="mfa-admin__viewport"
        style={{ height }}
        hidden={load !== 'ready' || rows.length === 0}
      >
        <table
          aria-label={t('admin.usersTable')}
          aria-rowcount={cursor ? -1 : rows.length + 1}
          aria-busy={loadingMore || undefined}
          className="mfa-admin__table"
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('admin.colUser')}</th>
              <th scope="col">{t('admin.colRoles')}</th>
              <th scope="col">{t('admin.colMethods')}</th>
              <th scope="col">{t('admin.colStatus')}</th>
              <th scope="col">{t('admin.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr>
                <td colSpan={5} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index] as AdminUserRow;
              return (
                <tr key={row.username} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td>
                    <span className="mfa-admin__name">{row.username}</span>
                    {row.email && <span className="mfa-admin__sub">{row.email}</span>}
                  </td>
                  <td>{row.groups.join(', ')}</td>
                  <td>
                    {row.methods.length ? row.methods.map(methodName).join(', ') : t('admin.methodNone')}
                  </td>
                  <td>
                    <StatusBadge row={row} />
                  </td>
                  <td className="mfa-admin__actions">
                    <button
                      type="button"
                      className="mfa-button"
                      aria-label={t('admin.actionFor', { action: t('admin.resetMfa'), user: row.username })}
                      onClick={() => setAction({ kind: 'reset', username: row.username })}
                    >
                      {t('admin.resetMfa')}
                    </button>
                    {row.compliance === 'bypassed' ? (
                      <button
                        type="button"
                        className="mfa-button"
                        aria-label={t('admin.actionFor', {
                          action: t('admin.endBypass'),
                          user: row.username,
                        })}
                        onClick={() => setAction({ kind: 'endBypass', username: row.username })}
                      >
                        {t('admin.endBypass')}
                      </button>
                    ) : (
                      row.methods.length > 0 && (
                        <button
                          type="button"
                          className="mfa-button"
                          aria-label={t('admin.actionFor', { action: t('admin.bypass'), user: row.username })}
                          onClick={() => setAction({ kind: 'bypass', username: row.username })}
                        >
                          {t('admin.bypass')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr>
                <td colSpan={5} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {moreFailed && (
        <div role="alert" className="mfa-admin__error">
          <p>{t('admin.loadFailed')}</p>
          <button type="button" className="mfa-button" onClick={loadMore}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {action?.kind === 'reset' && <ResetMfaDialog {...dialogProps} username={action.username} />}
      {action?.kind === 'bypass' && <BypassDialog {...dialogProps} username={action.username} />}
      {action?.kind === 'endBypass' && <EndBypassDialog {...dialogProps} username={action.username} />}
    </div>
  );
}
