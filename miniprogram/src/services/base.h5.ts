// On H5 the hosting page (or an end-to-end test) may point the app at another API by
// setting `window.__API_BASE__` before the bundle runs. Deliberately not read from the URL
// or storage: a crafted link must not be able to send a signed-in user's token elsewhere.
export function apiBase(): string {
  const override = typeof window !== 'undefined' ? window.__API_BASE__ : undefined;
  return (override || process.env.TARO_APP_API || '').replace(/\/+$/, '');
}

// A browser sends a custom header to another origin only if the API's CORS answer lists it,
// and the worker's list (worker/app.ts) is Authorization and Content-Type only: a cross-origin
// POST carrying Idempotency-Key is refused before it leaves the browser. Until the worker
// allows the header, H5 sends it only to an API on the page's own origin; the submit button's
// own guard still stops double taps. Once it is allowed, make this `return true`.
export function idempotencyHeaderAllowed(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    return new URL(apiBase() || window.location.origin, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}
