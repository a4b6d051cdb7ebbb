import { useEffect } from 'react';

/**
 * While a popup is open, Esc closes it; when it closes, focus goes back to what had it
 * before (the control that opened it), so a keyboard or screen-reader user is not lost.
 */
export function useEscape(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open || typeof document === 'undefined') return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open]);
}
