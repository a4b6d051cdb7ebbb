import type { openApiDocument } from './document';

type Doc = ReturnType<typeof openApiDocument>;
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security?: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  requestBody?: { description?: string; content: Record<string, { schema: unknown }> };
  responses: Record<string, { description?: string; $ref?: string }>;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A schema in a few words: type, format, enum and bounds. */
function brief(schema: Record<string, unknown>): string {
  const parts: string[] = [];
  if (schema.enum) parts.push((schema.enum as unknown[]).map(String).join(' | '));
  else if (schema.type) parts.push(String(schema.type));
  for (const k of ['format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'default'] as const) {
    if (schema[k] !== undefined) parts.push(`${k}: ${String(schema[k])}`);
  }
  return parts.join('，') || '任意';
}

/** 需登录 unless anyone may call it; the scope a partner key needs, where one may. */
function access(op: Operation): string {
  const ways = op.security ?? [];
  const login = ways.length > 0 && !ways.some((w) => Object.keys(w).length === 0);
  const scope = ways.find((w) => w.partnerKey)?.partnerKey?.join('、');
  return `${login ? ' <span class="lock">需登录</span>' : ''}${scope ? ` <span class="lock">对接密钥：${escape(scope)}</span>` : ''}`;
}

function operationHtml(method: string, path: string, op: Operation, doc: Doc): string {
  const params = op.parameters.length
    ? `<table><tr><th>参数</th><th>位置</th><th>必填</th><th>取值</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${p.required ? '是' : '否'}</td><td>${escape(brief(p.schema))}${p.description ? `<br>${escape(p.description)}` : ''}</td></tr>`)
        .join('')}</table>`
    : '';
  const body = op.requestBody
    ? `<h4>请求内容</h4>${op.requestBody.description ? `<p>${escape(op.requestBody.description)}</p>` : ''}${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<details><summary><code>${escape(type)}</code></summary><pre>${escape(JSON.stringify(c.schema, null, 2))}</pre></details>`)
        .join('')}`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const text = r.$ref ? doc.components.responses[r.$ref.split('/').pop() as keyof Doc['components']['responses']]?.description : r.description;
      return `<li><b>${status}</b> ${escape(text ?? '')}</li>`;
    })
    .join('');
  return `<section id="${escape(op.operationId)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(op.summary)}${access(op)}</p><p class="who">${escape(op.description)}</p>${params}${body}<h4>答复</h4><ul>${responses}</ul></section>`;
}

/** A readable page of the OpenAPI document, with nothing loaded from elsewhere. */
export function docsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as Operation;
      const tag = op.tags[0] ?? '其他';
      (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(operationHtml(method, path, op, doc));
      (toc.get(tag) ?? toc.set(tag, []).get(tag)!).push(`<li><a href="#${escape(op.operationId)}"><span class="m ${method}">${method.toUpperCase()}</span> ${escape(path)}</a></li>`);
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title><style>
body{font:15px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2329;display:flex}
nav{width:320px;flex:none;height:100vh;overflow:auto;position:sticky;top:0;background:#f5f6f7;padding:16px;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding:0;margin:0 0 12px}nav a{color:inherit;text-decoration:none;display:block;padding:2px 0}
main{flex:1;padding:24px 32px;max-width:960px}section{border-top:1px solid #dee0e3;padding:8px 0}
.m{display:inline-block;min-width:52px;font:600 12px/20px monospace;text-align:center;border-radius:4px;color:#fff;background:#646a73}
.get{background:#1f7a3d}.post{background:#1456b8}.put,.patch{background:#9a5b00}.delete{background:#b42318}
.who{color:#51565d;font-size:13px}.lock{font-size:12px;border:1px solid #9a5b00;color:#9a5b00;border-radius:4px;padding:0 4px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #dee0e3;padding:4px 8px;text-align:left;vertical-align:top}
pre{background:#f5f6f7;padding:8px;overflow:auto;font-size:12px}code{font-family:ui-monospace,monospace}
@media (max-width:800px){body{display:block}nav{width:auto;height:auto;position:static}main{padding:16px}}
</style></head><body><nav><p><b>${escape(doc.info.title)}</b><br><a href="/api/openapi.json">openapi.json</a></p>${[...toc]
    .map(([tag, items]) => `<b>${escape(tag)}</b><ul>${items.join('')}</ul>`)
    .join('')}</nav><main><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description)}</p>${[...byTag]
    .map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('')}`)
    .join('')}</main></body></html>`;
}
