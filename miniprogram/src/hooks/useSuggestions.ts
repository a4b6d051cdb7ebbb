import type { SearchItem } from '@shared/schemas/faq';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Cancel, CANCELLED, ApiError } from '../services/api';
import { searchFaq } from '../services/faq';

export type Suggestions =
  | { status: 'idle' }
  /** `items`: the previous answer, kept on screen while the next one loads. */
  | { status: 'loading'; query: string; items: SearchItem[] }
  | { status: 'ok'; query: string; items: SearchItem[] }
  | { status: 'error'; query: string; error: unknown };

const DEBOUNCE_MS = 250;

/**
 * Suggestions while the resident types: waits for a pause, then asks for the best five.
 * Each new keystroke cancels the request in flight, so a slow stale answer can never
 * replace a newer one.
 */
export function useSuggestions(text: string, limit = 5) {
  const [state, setState] = useState<Suggestions>({ status: 'idle' });
  const inflight = useRef<Cancel | null>(null);
  const [attempt, setAttempt] = useState(0);
  const query = text.trim();

  useEffect(() => {
    inflight.current?.cancel();
    inflight.current = null;
    if (!query) {
      setState({ status: 'idle' });
      return;
    }
    setState((prev) => ({ status: 'loading', query, items: prev.status === 'ok' || prev.status === 'loading' ? prev.items : [] }));
    const cancel = new Cancel();
    const timer = setTimeout(() => {
      inflight.current = cancel;
      searchFaq(query, limit, cancel).then(
        (res) => {
          if (!cancel.cancelled) setState({ status: 'ok', query, items: res.items });
        },
        (error: unknown) => {
          if (cancel.cancelled || (error instanceof ApiError && error.code === CANCELLED)) return;
          setState({ status: 'error', query, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      cancel.cancel();
    };
  }, [query, limit, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
