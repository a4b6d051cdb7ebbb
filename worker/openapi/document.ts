import { z, type ZodType } from 'zod';
import { PARTNER_ROUTES } from '../rules/partner-scopes';
import { openApiPath, ROUTES, type Caller, type RouteDoc } from './registry';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 takes it) of what a client sends: a schema's input side. */
export function inputSchema(schema: ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['validation', 'forbidden', 'not_found', 'conflict', 'rate_limited'] },
        message: { type: 'string', description: '给人看的中文说明' },
        issues: {
          type: 'array',
          items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: '请求内容不符合要求（issues 列出每一处）',
  401: '未登录，或登录已失效',
  403: '角色或单位无权进行此操作',
  404: '不存在，或调用者看不到',
  409: '与当前状态冲突（原因见 message）',
  413: '内容过大',
  415: '不支持的文件类型（message 说明如何转换）',
  422: '内容不能照办（如待公开的文字里仍有电话或身份证号）',
  429: '操作太频繁；Retry-After 为秒数',
  502: '上游服务（微信、短信网关）出错',
  503: '服务未配置（微信或短信网关）',
};

export const CALLER_TEXT: Record<Caller, string> = {
  anyone: '任何人',
  'signed-in': '已登录',
  resident: '居民',
  staff: '工作人员',
  answerer: '政策解答员',
  editor: '单位编辑',
  office: '政务公开办',
  development: '仅本机开发环境',
};

const needsSession = (r: RouteDoc) => !r.callers.includes('anyone') && !r.callers.includes('development');

function parameters(r: RouteDoc) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
    if (!schema) continue;
    const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  for (const h of r.headers ?? []) list.push({ name: h.name, in: 'header', required: false, description: h.description, schema: inputSchema(h.schema) });
  return list;
}

function requestBody(r: RouteDoc) {
  const content: Record<string, JsonSchema> = {};
  if (r.json) content['application/json'] = { schema: inputSchema(r.json) };
  for (const type of r.body?.contentType ?? []) content[type] = { schema: type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } };
  if (!Object.keys(content).length) return undefined;
  return { required: true, description: r.body?.description, content };
}

/**
 * Who may call: a signed-in person's token, and for the routes a partner key may call
 * (worker/rules/partner-scopes.ts) a key with the scope named; `{}` where anyone may.
 */
function security(r: RouteDoc) {
  const url = r.path.replace(/:[A-Za-z]+/g, 'x');
  const partner = PARTNER_ROUTES.find((p) => p.scope && p.method === r.method.toUpperCase() && p.path.test(url));
  const person = needsSession(r) ? [{ bearer: [] }] : [{}];
  if (partner) return { security: [...person, { partnerKey: [partner.scope] }] };
  return needsSession(r) ? { security: person } : {};
}

/** `post /api/faq/:id/feedback` → `postFaqIdFeedback`. */
const operationId = (r: RouteDoc) =>
  r.method + r.path.replace(/^\/api\//, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

function operation(r: RouteDoc) {
  const statuses = new Set<number>([400, 429, ...(needsSession(r) ? [401] : []), ...(r.errors ?? [])]);
  const responses: Record<string, JsonSchema> = {
    [r.ok.status]: r.ok.status === 204 ? { description: r.ok.description } : { description: r.ok.description, content: { 'application/json': { schema: { type: 'object' } } } },
  };
  for (const s of [...statuses].sort()) responses[s] = { $ref: `#/components/responses/E${s}` };
  return {
    operationId: operationId(r),
    tags: [r.tag],
    summary: r.summary,
    description: `调用者：${r.callers.map((c) => CALLER_TEXT[c]).join('、')}。成功时：${r.ok.description}`,
    ...security(r),
    parameters: parameters(r),
    ...(requestBody(r) ? { requestBody: requestBody(r) } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of every route, built from the registry once per isolate. */
export function openApiDocument(routes: RouteDoc[] = ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[openApiPath(r.path)] ??= {})[r.method] = operation(r);
  return {
    openapi: '3.1.0',
    info: {
      title: '政策咨询台 API',
      version: '1',
      description:
        '区县政策问答与咨询服务的接口。失败时统一答复 { error: { code, message, issues? } }；登录凭证放在 Authorization: Bearer zc1_… 中。',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '登录后得到的 zc1_… 令牌' },
        partnerKey: { type: 'http', scheme: 'bearer', description: '政务公开办创建的 zck_… 对接密钥；列出的是该接口需要的权限（scope）' },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([s, description]) => [
          `E${s}`,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}
