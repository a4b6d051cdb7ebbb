import type { SearchItem } from '@shared/schemas/faq';
import type { PolicySearchHit } from '@shared/schemas/policy';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Cancel, CANCELLED, ApiError } from '../services/api';
import { searchFaq } from '../services/faq';

type Found = { items: SearchItem[]; policies: PolicySearchHit[] };
type Search = (q: string, limit: number, cancel: Cancel) => Promise<Found>;

export type Suggestions =
  | { status: 'idle' }
  /** `items` (entries) and `policies`: the previous answer, kept on screen while the next one loads. */
  | ({ status: 'loading'; query: string } & Found)
  | ({ status: 'ok'; query: string } & Found)
  | { status: 'error'; query: string; error: unknown };

/** Entries only: what staff screens and 我要咨询 look for. */
const entriesOnly: Search = (q, limit, cancel) => searchFaq(q, limit, cancel).then((r) => ({ items: r.items, policies: [] }));

const DEBOUNCE_MS = 250;

/**
 * Suggestions while the resident types: waits for a pause, then asks for the best five.
 * Each new keystroke cancels the request in flight, so a slow stale answer can never
 * replace a newer one.
 */
export function useSuggestions(text: string, limit = 5, search: Search = entriesOnly) {
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
    setState((prev) =>
      prev.status === 'ok' || prev.status === 'loading'
        ? { status: 'loading', query, items: prev.items, policies: prev.policies }
        : { status: 'loading', query, items: [], policies: [] },
    );
    const cancel = new Cancel();
    const timer = setTimeout(() => {
      inflight.current = cancel;
      search(query, limit, cancel).then(
        (res) => {
          if (!cancel.cancelled) setState({ status: 'ok', query, ...res });
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, limit, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
