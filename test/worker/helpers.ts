import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { Env } from '../../worker/env';
import worker from '../../worker/index';

const ORIGIN = 'http://127.0.0.1';

export type Json = Record<string, any>;

/**
 * Calls the worker's real fetch handler, as a client would, and waits for the work it left
 * running after the response (notification delivery) so tests see a settled state.
 */
export async function api(
  path: string,
  // `env`: bindings added to the test's own (a faked third-party service, test/worker/fake-semantic.ts).
  init: { method?: string; token?: string; body?: unknown; csv?: string; headers?: Record<string, string>; env?: Partial<Env> } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.csv !== undefined) {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    body = init.csv;
  } else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const ctx = createExecutionContext();
  const request = new Request(`${ORIGIN}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const res = await worker.fetch(request, init.env ? { ...env, ...init.env } : env, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

let unitsReady: Promise<unknown> | undefined;

/** Test units of this file's isolated database. */
export function ensureUnits() {
  unitsReady ??= env.DB.batch(
    [
      ['u_t_rsj', '测试区人社局', 'department'],
      ['u_t_ybj', '测试区医保局', 'department'],
      ['u_t_jd', '测试街道', 'street'],
    ].map(([id, name, kind]) =>
      env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, 'u_district')").bind(id, name, kind),
    ),
  );
  return unitsReady;
}

let residents = 0;

/** A dev session; a resident without a name is a new person each time (as each phone is). */
export async function login(role: 'resident' | 'answerer' | 'editor' | 'office', unitId?: string, name?: string) {
  await ensureUnits();
  residents += role === 'resident' && !name ? 1 : 0;
  const res = await api('/api/auth/dev', { body: { role, unitId, name: name ?? (role === 'resident' ? `测试居民${residents}` : undefined) } });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

let counter = 0;
/** A unique, realistic entry body; `over` replaces fields. */
export function entryBody(over: Json = {}): Json {
  counter += 1;
  return {
    question: `测试问题${counter}：失业保险金申领需要什么材料？`,
    answer: '携带身份证和社保卡到区人社局就业服务窗口办理，也可以线上申领。',
    topic: '就业创业',
    similar: ['失业金怎么领'],
    keywords: ['失业保险金'],
    ...over,
  };
}

/** The one error envelope, with this status and code. */
export function expectError(res: { status: number; body: Json }, status: number, code: string) {
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toEqual(expect.any(String));
}

/**
 * Terms whose count in the trigger-kept table (faq_term_counts, policy_term_counts) differs
 * from what FTS5's own vocabulary says, as `term: counted/actual`; [] when they agree.
 */
export async function termCountMismatches(index: 'faq' | 'policy'): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT coalesce(c.term, v.term) AS term, c.doc AS counted, v.doc AS actual
     FROM ${index}_term_counts c FULL JOIN (SELECT term, doc FROM ${index}_terms_vocab WHERE doc > 0) v ON v.term = c.term
     WHERE c.doc IS NOT v.doc`,
  ).all<{ term: string; counted: number | null; actual: number | null }>();
  return results.map((r) => `${r.term}: ${r.counted}/${r.actual}`);
}
