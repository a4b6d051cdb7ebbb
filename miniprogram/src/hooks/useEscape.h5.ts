import { useEffect } from 'react';

/**
 * While a popup is open, Esc closes it; when it closes, focus goes back to what had it
 * before (the control that opened it), so a keyboard or screen-reader user is not lost.
 */
export function useEscape(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open || typeof document === 'undefined') return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // NutUI gives its close icon the mini-program's `aria-role`, which a browser does not know:
    // say it the browser's way, so screen readers hear a button.
    const roles = () =>
      document.querySelectorAll('.nut-popup [aria-role]').forEach((el) => {
        el.setAttribute('role', el.getAttribute('aria-role')!);
        el.removeAttribute('aria-role');
      });
    // The popup draws its parts over the next renders: fix them as they appear, while it is open.
    roles();
    const watcher = new MutationObserver(roles);
    watcher.observe(document.body, { childList: true, subtree: true, attributeFilter: ['aria-role'] });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      watcher.disconnect();
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open]);
}
