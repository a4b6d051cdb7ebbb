import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from './errors';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Development-only routes answer only when the worker runs with ENVIRONMENT=development and
 * is reached on a loopback address; anywhere else they do not exist (404).
 */
export const devOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isDevHost(c)) throw notFound('接口');
  await next();
};

export function isDevHost(c: Context<AppEnv>): boolean {
  return c.env.ENVIRONMENT === 'development' && LOCAL_HOSTS.has(new URL(c.req.url).hostname);
}

/** The same role, unit and name always lead to the same development account. */
export async function devUserId(role: string, unitId: string | null, name: string | null): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode([role, unitId ?? '', name ?? ''].join('|')));
  return `dev_${[...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
