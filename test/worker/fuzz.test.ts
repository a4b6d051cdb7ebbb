import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { inputSchema } from '../../worker/openapi/document';
import { ROUTES, type RouteDoc } from '../../worker/openapi/registry';
import { fromSchema, hostileString, hostileValue, mutate, type Schema } from './fuzz-arbitraries';
import { api, login } from './helpers';

/** Requests per route; with about 80 routes the file stays well under a minute. */
const RUNS = 80;

const errorShape = z
  .object({
    error: z
      .object({ code: z.string().min(1), message: z.string().min(1), // An import's issues also name the row, column and what was expected.
        issues: z.array(z.object({ path: z.string(), message: z.string() })).min(1).optional() })
      .strict(),
  })
  .strict();

type Request = { method: string; url: string; headers: Record<string, string>; body?: string };
type Body = { contentType?: string; body?: string };
type Callers = Record<'resident' | 'answerer' | 'editor' | 'office', string>;

const ids: Record<string, string[]> = {};
const counts = { requests: 0, ok: 0, clientErrors: 0 };

async function send(req: Request) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers, body: req.body }), env, ctx);
  const text = await res.text();
  // Work left running after the answer (delivery) must not fail either.
  await waitOnExecutionContext(ctx);
  return { status: res.status, type: res.headers.get('Content-Type') ?? '', text };
}

/** Ids that exist (so handlers go past their lookups) mixed with ones that do not. */
function idFor(name: string, schema: Schema): fc.Arbitrary<unknown> {
  const known = name === 'attachmentId' ? ids.attachment! : name === 'year' ? ['2026', '2027'] : ids.any!;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fromSchema(schema) }, { weight: 1, arbitrary: hostileString });
}

const schemaOf = (s: z.ZodType) => inputSchema(s) as Schema;

function paramsArb(r: RouteDoc): fc.Arbitrary<Record<string, unknown>> {
  if (!r.params) return fc.constant({});
  const props = schemaOf(r.params).properties ?? {};
  return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, idFor(k, s)])));
}

function queryArb(r: RouteDoc): fc.Arbitrary<[string, string][]> {
  if (!r.query) return fc.oneof(fc.constant<[string, string][]>([]), fc.array(fc.tuple(fc.constantFrom<string>('q', 'id', 'limit'), hostileString), { maxLength: 2 }));
  const valid = fromSchema(schemaOf(r.query)) as fc.Arbitrary<Record<string, unknown>>;
  return fc.tuple(valid.chain((v) => fc.oneof({ weight: 2, arbitrary: fc.constant(v) }, { weight: 3, arbitrary: mutate(v) })), fc.boolean()).map(([q, repeat]) => {
    const pairs: [string, string][] = [];
    if (!q || typeof q !== 'object' || Array.isArray(q)) return [['q', String(q)]];
    for (const [k, v] of Object.entries(q)) {
      if (v === undefined) continue;
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      pairs.push([k, s]);
      if (repeat) pairs.push([k, s]); // ?a=1&a=1 arrives as an array
    }
    return pairs;
  });
}

const RAW_BODIES = fc.oneof(
  fc.constantFrom('{', '{"question":', 'null', '[]', '"社保"', '\u0000', '类目,问题,答案\n就业创业,"未闭合', '%PDF-1.7\n%\u00e2\u00e3', 'PK\u0003\u0004'),
  hostileString,
);

function bodyArb(r: RouteDoc): fc.Arbitrary<Body> {
  const options: fc.Arbitrary<Body>[] = [];
  if (r.json) {
    const valid = fromSchema(schemaOf(r.json));
    options.push(
      valid.map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) })),
      valid.chain(mutate).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })),
      valid.chain(mutate).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })),
      hostileValue.map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })),
      RAW_BODIES.map((body) => ({ contentType: 'application/json', body })),
      valid.map((v) => ({ contentType: 'text/plain', body: JSON.stringify(v) })),
    );
  }
  for (const contentType of r.body?.contentType ?? []) options.push(RAW_BODIES.map((body) => ({ contentType, body })));
  if (!options.length) options.push(fc.constant<Body>({}), hostileValue.map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })));
  return fc.oneof(...options);
}

function requestArb(r: RouteDoc, callers: Callers): fc.Arbitrary<Request> {
  return fc
    .record({
      params: paramsArb(r),
      query: queryArb(r),
      body: r.method === 'get' ? fc.constant<Body>({}) : bodyArb(r),
      caller: fc.constantFrom<keyof Callers | null>(null, 'resident', 'answerer', 'editor', 'office', 'office'),
      authorization: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileString.map((s) => `Bearer ${s}`) }),
      idempotencyKey: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), hostileString), { freq: 3 }),
      address: fc.option(fc.constantFrom('203.0.113.7', '2001:db8::1'), { freq: 2 }),
    })
    .map(({ params, query, body, caller, authorization, idempotencyKey, address }) => {
      const path = r.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(wellFormed(String(params[name]))));
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = {};
      if (caller) headers.Authorization = `Bearer ${callers[caller]}`;
      // A header takes no control characters or characters past Latin-1: such a request never leaves a client.
      const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 4000);
      if (authorization) headers.Authorization = headerSafe(authorization);
      if (idempotencyKey !== null) headers['Idempotency-Key'] = headerSafe(idempotencyKey);
      if (address) headers['CF-Connecting-IP'] = address;
      if (body.contentType) headers['Content-Type'] = body.contentType;
      return { method: r.method.toUpperCase(), url: `${path}${search ? `?${search}` : ''}`, headers, body: body.body };
    });
}

/** A lone surrogate cannot be put in a URL; the client replaces it, as a browser would. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const describeRequest = (req: Request) => `${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 200)} ${req.body?.slice(0, 300) ?? ''}`;

async function freshCallers(): Promise<Callers> {
  return {
    resident: await login('resident'),
    answerer: await login('answerer', 'u_rsj', '区人社局 张明'),
    editor: await login('editor', 'u_rsj'),
    office: await login('office', 'u_office'),
  };
}

beforeAll(async () => {
  // The demo district: units, answerers, entries, policies with attachments, so ids lead somewhere.
  const seeded = await api('/api/dev/seed', { method: 'POST' });
  expect(seeded.status).toBe(200);
  const callers = await freshCallers();
  const resident = callers.resident;
  for (const question of ['灵活就业人员社保补贴怎么申请？', '公租房申请需要什么材料？']) {
    const res = await api('/api/inquiries', { token: resident, body: { question, unitId: 'u_rsj' } });
    expect(res.status).toBe(201);
  }
  const column = async (sql: string) => ((await env.DB.prepare(sql).all<{ id: string | number }>()).results).map((r) => String(r.id));
  ids.attachment = await column('SELECT id FROM policy_attachments LIMIT 5');
  ids.any = [
    ...(await column('SELECT id FROM faq_entries LIMIT 4')),
    ...(await column('SELECT id FROM inquiries LIMIT 3')),
    ...(await column('SELECT id FROM policies LIMIT 3')),
    ...(await column('SELECT id FROM users LIMIT 3')),
    ...(await column('SELECT id FROM units LIMIT 3')),
    ...(await column('SELECT id FROM synonym_groups LIMIT 2')),
    ...(await column('SELECT id FROM notifications LIMIT 2')),
    'missing_1',
  ];
  if (!ids.attachment.length) ids.attachment = ['att_missing'];
});

describe('fuzzing every route from its schemas', () => {
  // Seeding is run once above; fuzzing it would only rewrite the demo data.
  const routes = ROUTES.filter((r) => r.path !== '/api/dev/seed');

  it.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s answers 2xx or 4xx in the one error shape, never 5xx', async (_name, route) => {
    // Fresh sessions per route: a fuzzed sign-out or role change must not blind the next route.
    const callers = await freshCallers();
    await fc.assert(
      fc.asyncProperty(requestArb(route, callers), async (req) => {
        const res = await send(req);
        counts.requests += 1;
        if (res.status >= 500) throw new Error(`${res.status} for ${describeRequest(req)}: ${res.text.slice(0, 500)}`);
        if (res.status >= 400) {
          counts.clientErrors += 1;
          expect(res.type, describeRequest(req)).toMatch(/^application\/json/);
          const shape = errorShape.safeParse(JSON.parse(res.text));
          if (!shape.success) throw new Error(`${res.status} not in the error shape for ${describeRequest(req)}: ${res.text.slice(0, 300)}`);
        } else {
          counts.ok += 1;
          expect(res.status, describeRequest(req)).toBeGreaterThanOrEqual(200);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('sent every route its share', () => {
    expect(counts.requests).toBe(routes.length * RUNS);
    // Valid requests got through somewhere: the fuzz did not only bounce off validation.
    expect(counts.ok).toBeGreaterThan(routes.length);
    console.log(`fuzz: ${counts.requests} requests, ${counts.ok} 2xx, ${counts.clientErrors} 4xx, 0 5xx`);
  });
});
