// In the mini-program the API address is fixed at build time (and must be a domain
// registered in the WeChat admin console), so there is nothing to look up at run time.
export function apiBase(): string {
  return (process.env.TARO_APP_API ?? '').replace(/\/+$/, '');
}

