// Tappable views carry role=button (utils/a11y), but a browser fires click only for real
// buttons: Enter and Space on any other role=button/link/tab/switch do the same here, once
// for the whole app.
const ACTIVATE = new Set(['button', 'link', 'tab', 'switch']);

export function installKeyboardActivation(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target instanceof HTMLElement ? e.target : null;
    if (!el || el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return;
    if (!ACTIVATE.has(el.getAttribute('role') ?? '')) return;
    e.preventDefault();
    el.click();
  });
}
