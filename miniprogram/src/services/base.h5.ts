// On H5 the hosting page (or an end-to-end test) may point the app at another API by
// setting `window.__API_BASE__` before the bundle runs. Deliberately not read from the URL
// or storage: a crafted link must not be able to send a signed-in user's token elsewhere.
export function apiBase(): string {
  const override = typeof window !== 'undefined' ? window.__API_BASE__ : undefined;
  return (override || process.env.TARO_APP_API || '').replace(/\/+$/, '');
}

