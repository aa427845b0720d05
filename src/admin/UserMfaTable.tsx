import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, AdminListUsersInput, AdminUserRow } from '../ports.js';
import { BypassDialog, EndBypassDialog, ResetMfaDialog } from './ActionDialogs.js';
import { type UserMfaFilter, UserMfaFilters } from './UserMfaFilters.js';
import { type UserMfaAction, UserMfaRow } from './UserMfaRow.js';
import { usePagedList } from './usePagedList.js';

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
  const { t } = useMfaContext('UserMfaTable', enAdmin);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<UserMfaFilter>({});
  const [action, setAction] = useState<UserMfaAction | null>(null);
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

  // A new query starts from the first page, scrolled to the top.
  const fetchPage = useCallback((next?: string) => adapter.listUsers(query(next)), [adapter, query]);
  const {
    items: rows,
    cursor,
    load,
    loadingMore,
    moreFailed,
    retry,
    loadMore,
    setItems: setRows,
  } = usePagedList<AdminUserRow>(fetchPage, {
    onFirstPage: () => scrollRef.current?.scrollTo?.({ top: 0 }),
  });

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

  if (load === 'forbidden')
    return (
      <div className="mfa-admin mfa-root">
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );

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
      <UserMfaFilters
        searchText={searchText}
        onSearchText={setSearchText}
        filter={filter}
        onFilter={setFilter}
        roles={seenRoles}
      />

      <div aria-live="polite" className="mfa-admin__status">
        {load === 'loading' && <p>{t('admin.loadingUsers')}</p>}
        {load === 'ready' && rows.length === 0 && <p>{t('admin.noUsers')}</p>}
        {load === 'ready' && rows.length > 0 && <p>{t('admin.usersShown', { count: rows.length })}</p>}
        {loadingMore && <p>{t('admin.loadingMore')}</p>}
      </div>
      {load === 'error' && (
        <div role="alert" className="mfa-admin__error">
          <p>{t('admin.loadFailed')}</p>
          <button type="button" className="mfa-button" onClick={retry}>
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
            {items.map((item) => (
              <UserMfaRow
                key={(rows[item.index] as AdminUserRow).username}
                row={rows[item.index] as AdminUserRow}
                rowIndex={item.index + 2}
                height={ROW_HEIGHT}
                onAction={setAction}
              />
            ))}
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
