import { useEffect, useMemo, useRef } from 'react';

/**
 * Numbers a screen's requests so that only the newest one's answer is used, and none once the
 * screen is gone.
 */
export function useLatest() {
  const seq = useRef(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  return useMemo(
    () => ({
      /** A new request: from now on the answers to every earlier one are dropped. */
      next: () => ++seq.current,
      /** The newest request, for work that continues it (a later page) rather than replacing it. */
      newest: () => seq.current,
      /** Whether the answer to request `n` may still be shown. */
      isNewest: (n: number) => alive.current && n === seq.current,
    }),
    [],
  );
}
