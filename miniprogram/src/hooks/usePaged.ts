import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';

export type PageResult<T> = { items: T[]; total: number };

type State<T> = {
  items: T[];
  total: number;
  /** The first page. */
  status: 'loading' | 'ok' | 'error';
  /** Any later page. */
  more: 'idle' | 'loading' | 'error';
  error: unknown;
};

const initial = { items: [], total: 0, status: 'loading', more: 'idle', error: null } as const;

const keyOf = (item: unknown): unknown => (item as { id?: unknown }).id ?? item;

/** Offset pagination with a 加载更多 button; a newer reload drops older answers. */
export function usePaged<T>(
  fetchPage: (offset: number, limit: number) => Promise<PageResult<T>>,
  deps: readonly unknown[],
  pageSize = 10,
) {
  const [state, setState] = useState<State<T>>({ ...initial, items: [] });
  const loaded = useRef<T[]>([]);
  loaded.current = state.items;
  const latest = useLatest();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetcher = useCallback(fetchPage, deps);

  const reload = useCallback(() => {
    const mine = latest.next();
    setState({ ...initial, items: [] });
    fetcher(0, pageSize).then(
      (page) => {
        if (latest.isNewest(mine)) {
          setState({ items: page.items, total: page.total, status: 'ok', more: 'idle', error: null });
        }
      },
      (error: unknown) => {
        if (latest.isNewest(mine)) setState({ ...initial, items: [], status: 'error', error });
      },
    );
  }, [fetcher, pageSize, latest]);

  const loadMore = useCallback(() => {
    const mine = latest.newest();
    const offset = loaded.current.length;
    setState((s) => ({ ...s, more: 'loading', error: null }));
    fetcher(offset, pageSize).then(
      (page) => {
        if (!latest.isNewest(mine)) return;
        setState((s) => {
          // Entries can shift between pages (new views, new entries): never show one twice.
          const seen = new Set(s.items.map(keyOf));
          const fresh = page.items.filter((item) => !seen.has(keyOf(item)));
          return { ...s, items: [...s.items, ...fresh], total: page.total, more: 'idle' };
        });
      },
      (error: unknown) => {
        if (latest.isNewest(mine)) setState((s) => ({ ...s, more: 'error', error }));
      },
    );
  }, [fetcher, pageSize, latest]);

  useEffect(() => reload(), [reload]);

  const hasMore = state.status === 'ok' && state.items.length < state.total;
  return { ...state, hasMore, reload, loadMore, setItems: (fn: (items: T[]) => T[]) => setState((s) => ({ ...s, items: fn(s.items) })) };
}
