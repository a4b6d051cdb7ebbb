// Keyboard and screen-reader access for the H5 build, once for the whole app.
// - Tappable views carry role=button (utils/a11y), but a browser fires click only for real
//   buttons: Enter and Space on any other role=button/link/tab/switch/checkbox do the same.
// - Taro's H5 <Button> (under every NutUI button) is a custom element with no role and no tab
//   stop: each one gets role=button, a tab stop, and aria-disabled while disabled.
const ACTIVATE = new Set(['button', 'link', 'tab', 'switch', 'checkbox']);

function markButtons(root: ParentNode) {
  root.querySelectorAll<HTMLElement>('taro-button-core').forEach((el) => {
    if (!el.hasAttribute('role')) el.setAttribute('role', 'button');
    const disabled = el.classList.contains('nut-button-disabled') || el.hasAttribute('disabled');
    el.tabIndex = disabled ? -1 : 0;
    el.setAttribute('aria-disabled', disabled ? 'true' : 'false');
  });
}

export function installKeyboardAccess(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target instanceof HTMLElement ? e.target : null;
    if (!el || el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return;
    if (!ACTIVATE.has(el.getAttribute('role') ?? '')) return;
    e.preventDefault();
    el.click();
  });
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      markButtons(document);
    });
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'disabled'] });
}
