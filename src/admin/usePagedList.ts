import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import type { AdminPage } from '../ports.js';
import { isForbidden } from './adminShared.js';

export type PagedListLoad = 'loading' | 'ready' | 'error' | 'forbidden';

export interface PagedList<T> {
  items: T[];
  /** Absent once the last page is in. */
  cursor: string | undefined;
  /** The first page: loading, ready, failed (retry) or refused (not an admin). */
  load: PagedListLoad;
  loadingMore: boolean;
  /** The last `loadMore` failed; the items loaded so far stay. */
  moreFailed: boolean;
  /** Loads the first page again. */
  retry(): void;
  /** Appends the next page, if there is one and none is on its way. */
  loadMore(): void;
  /** Replaces items in place (e.g. one row re-read after an action). */
  setItems: Dispatch<SetStateAction<T[]>>;
}

/**
 * A list read a page at a time through an adapter's cursors (the admin console's users and audit
 * log). A new `fetchPage` (a new query: keep it in `useCallback`) or `reloadKey` starts again from
 * the first page; answers to an older query are dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<AdminPage<T>>,
  options: { reloadKey?: unknown; onFirstPage?: () => void } = {},
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [load, setLoad] = useState<PagedListLoad>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const onFirstPage = useRef(options.onFirstPage);
  onFirstPage.current = options.onFirstPage;
  const { reloadKey } = options;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` and `reloadKey` re-run the load
  useEffect(() => {
    const mine = ++generation.current;
    setLoad('loading');
    setMoreFailed(false);
    fetchPage().then(
      (page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setCursor(page.cursor);
        setLoad('ready');
        onFirstPage.current?.();
      },
      (error: unknown) => {
        if (mine === generation.current) setLoad(isForbidden(error) ? 'forbidden' : 'error');
      },
    );
  }, [fetchPage, attempt, reloadKey]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreFailed(false);
    fetchPage(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.cursor);
        setLoadingMore(false);
      },
      () => {
        if (mine !== generation.current) return;
        setLoadingMore(false);
        setMoreFailed(true);
      },
    );
  }, [fetchPage, cursor, loadingMore]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, cursor, load, loadingMore, moreFailed, retry, loadMore, setItems };
}
