import type { PartnerScope } from '../../shared/schemas/partner';

/**
 * The only routes a partner key may call, and the scope each needs. Anything else is refused
 * before any handler runs, so a route added later is closed to partners until it is listed here.
 */
export const PARTNER_ROUTES: { method: string; path: RegExp; scope: PartnerScope | null }[] = [
  { method: 'POST', path: /^\/api\/inquiries$/, scope: 'inquiries:create' },
  // An inquiry by id; /inquiries/export is the office's, not an id.
  { method: 'GET', path: /^\/api\/inquiries\/(?!export$)[^/]+$/, scope: 'inquiries:read' },
  { method: 'GET', path: /^\/api\/search$/, scope: 'kb:search' },
  { method: 'GET', path: /^\/api\/(health|openapi\.json|docs)$/, scope: null },
];

/** Why a key with `scopes` may not make this call, or null when it may. */
export function partnerRefusal(scopes: readonly PartnerScope[], method: string, path: string): string | null {
  const route = PARTNER_ROUTES.find((r) => r.method === method && r.path.test(path));
  if (!route) return '对接密钥不能调用此接口';
  if (route.scope && !scopes.includes(route.scope)) return `该对接密钥没有 ${route.scope} 权限`;
  return null;
}

/** Ledger events of a partner's inquiries that its webhook hears about (replies, transfers, status changes). */
export const WEBHOOK_EVENTS = ['replied', 'transferred', 'assigned', 'clarification_requested', 'supplemented', 'rated', 'withdrawn', 'reopened', 'closed'] as const;
