// WeChat's servers, faked at the network edge: the worker's outbound fetches land here during
// tests. Only api.weixin.qq.com is answered; anything else is a test bug.
import { Response, type Request } from 'miniflare';

export const FAKE_TOKEN = 'fake-access-token';
/** Sending to this openid fails the way WeChat does when the user has no quota left. */
export const REFUSED_OPENID = 'openid-refused';

export async function fakeWechat(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  if (url.hostname !== 'api.weixin.qq.com') return new Response(`unexpected outbound fetch: ${url}`, { status: 599 });
  if (url.pathname === '/cgi-bin/stable_token') {
    const body = (await request.json()) as { appid?: string; secret?: string };
    if (body.appid !== 'wx-test-app' || body.secret !== 'wx-test-secret') return json({ errcode: 40013, errmsg: 'invalid appid' });
    return json({ access_token: FAKE_TOKEN, expires_in: 7200 });
  }
  if (url.pathname === '/cgi-bin/message/subscribe/send') {
    if (url.searchParams.get('access_token') !== FAKE_TOKEN) return json({ errcode: 40001, errmsg: 'invalid credential' });
    const body = (await request.json()) as { touser?: string; template_id?: string; data?: Record<string, { value: string }> };
    if (!body.touser || !body.template_id || !body.data?.thing1?.value) return json({ errcode: 47003, errmsg: 'argument invalid' });
    if (body.touser === REFUSED_OPENID) return json({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    return json({ errcode: 0, errmsg: 'ok', msgid: 1 });
  }
  return json({ errcode: 404, errmsg: 'unknown api' });
}
