import { useCallback, useEffect, useState } from 'react';
import { useLatest } from './useLatest';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

/**
 * Loads once per change of `deps` and on `reload()`. Success and failure both settle the
 * state, and an answer that arrives after a newer request started is dropped.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const latest = useLatest();

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const mine = latest.next();
    setState({ status: 'loading' });
    run().then(
      (data) => {
        if (latest.isNewest(mine)) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (latest.isNewest(mine)) setState({ status: 'error', error });
      },
    );
  }, [run, latest]);

  /**
   * Loads again while the current data stays on screen (after an action changed it). Resolves
   * once the new data is shown; rejects, leaving the old data, when the load fails.
   */
  const refresh = useCallback((): Promise<void> => {
    const mine = latest.next();
    return run().then((data) => {
      if (latest.isNewest(mine)) setState({ status: 'ok', data });
    });
  }, [run, latest]);

  useEffect(() => reload(), [reload]);

  return { ...state, reload, refresh };
}
