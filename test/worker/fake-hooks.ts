// A partner's webhook receiver at the network edge (https://hooks.test), run by miniflare in Node:
// POST /ok/<name> answers 200 and keeps the request; POST /fail/<name> answers 503 and keeps it too;
// GET /inbox/<name> lists what that name received, oldest first.
import { Response, type Request } from 'miniflare';

const received = new Map<string, { path: string; headers: Record<string, string>; body: string }[]>();

export async function fakeHooks(request: Request, url: URL): Promise<Response> {
  const [, kind, name] = url.pathname.split('/');
  if (request.method === 'GET' && kind === 'inbox' && name) {
    return new Response(JSON.stringify(received.get(name) ?? []), { headers: { 'Content-Type': 'application/json' } });
  }
  if (request.method !== 'POST' || !name || (kind !== 'ok' && kind !== 'fail')) return new Response('unknown', { status: 404 });
  const list = received.get(name) ?? [];
  list.push({ path: url.pathname, headers: Object.fromEntries(request.headers), body: await request.text() });
  received.set(name, list);
  return kind === 'ok' ? new Response('ok') : new Response('unavailable', { status: 503 });
}
