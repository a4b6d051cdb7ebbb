import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { openApiPath, ROUTES } from '../../worker/openapi/registry';
import { api } from './helpers';

const key = (method: string, path: string) => `${method.toLowerCase()} ${path}`;

/** Every route the app answers, as the Hono router holds it (middleware for every method left out). */
const appRoutes = () => new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, openApiPath(r.path))));

describe('the OpenAPI document', () => {
  it('lists every route of the app, and no route the app lacks', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = new Set(Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => key(m, p))));
    const routes = appRoutes();
    expect(routes.size).toBeGreaterThan(70);
    expect([...routes].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !routes.has(r))).toEqual([]);
  });

  it('describes requests with the zod schemas the handlers validate with', async () => {
    const { body } = await api('/api/openapi.json');
    const create = body.paths['/api/inquiries'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['question']);
    expect(schema.properties.question).toMatchObject({ type: 'string', maxLength: 1000 });
    expect(schema.properties.channel.enum).toContain('hotline');
    expect(schema.additionalProperties).toBe(false);
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    // A person's token, or a partner key with the scope this call needs (worker/rules/partner-scopes.ts).
    expect(create.security).toEqual([{ bearer: [] }, { partnerKey: ['inquiries:create'] }]);
    expect(body.paths['/api/inquiries/{id}'].get.security).toEqual([{ bearer: [] }, { partnerKey: ['inquiries:read'] }]);
    expect(body.paths['/api/search'].get.security).toEqual([{}, { partnerKey: ['kb:search'] }]);
    expect(body.paths['/api/inquiries/export'].get.security).toEqual([{ bearer: [] }]);
    expect(body.components.securitySchemes.partnerKey).toMatchObject({ type: 'http', scheme: 'bearer' });

    const entry = body.paths['/api/faq/{id}'].get;
    expect(entry.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ pattern: '^[a-z0-9_]{1,40}$' }) })]);
    expect(entry.security).toBeUndefined();
    expect(entry.responses['404']).toEqual({ $ref: '#/components/responses/E404' });

    const search = body.paths['/api/faq/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'limit', 'topic']));
    expect(body.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });

  it('gives every operation its own id and every error response a definition', async () => {
    const { body } = await api('/api/openapi.json');
    const ops = Object.values(body.paths as Record<string, Record<string, { operationId: string; responses: Record<string, { $ref?: string }> }>>).flatMap((o) => Object.values(o));
    expect(ops).toHaveLength(ROUTES.length);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      for (const r of Object.values(op.responses)) {
        if (r.$ref) expect(body.components.responses[r.$ref.split('/').pop()!]).toBeDefined();
      }
    }
  });

  it('is readable at /api/docs: every path on one page that loads nothing from elsewhere', async () => {
    const res = await fetchText('/api/docs');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.csp).toBe("default-src 'none'; style-src 'unsafe-inline'");
    for (const r of ROUTES) expect(res.text).toContain(`<code>${openApiPath(r.path)}</code>`);
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!127)/);
    // Open to anyone, or to a key with kb:search: not 需登录.
    const section = (id: string) => res.text.slice(res.text.indexOf(`<section id="${id}">`)).split('</section>')[0]!;
    expect(section('getSearch')).toContain('对接密钥：kb:search');
    expect(section('getSearch')).not.toContain('需登录');
    expect(section('postInquiries')).toContain('需登录');
    expect(section('postInquiries')).toContain('对接密钥：inquiries:create');
  });
});

async function fetchText(path: string) {
  const res = await app.request(path, {}, env);
  return { status: res.status, type: res.headers.get('Content-Type') ?? '', csp: res.headers.get('Content-Security-Policy'), text: await res.text() };
}
