// The third-party services the worker calls, faked at the network edge: its outbound fetches
// land here during tests. WeChat (api.weixin.qq.com) and an SMS gateway (sms.test); anything
// else is a test bug.
import { Response, type Request } from 'miniflare';
import { fakeHooks } from './fake-hooks.ts';
import { FAKE_TOKEN, REFUSED_OPENID, SMS_FAILING_PHONE } from './fake-values.ts';

export { SMS_ENDPOINT } from './fake-values.ts';

/** Texts the SMS gateway accepted, newest last; tests read them back through GET https://sms.test/inbox?phone=. */
const texts: { phone: string; text: string }[] = [];

async function fakeSms(request: Request, url: URL): Promise<Response> {
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  if (request.method === 'POST' && url.pathname === '/send') {
    if (request.headers.get('Authorization') !== 'Bearer sms-test-token') return json({ error: 'unauthorized' }, 401);
    const body = (await request.json()) as { phone?: string; text?: string };
    if (!body.phone || !body.text) return json({ error: 'bad request' }, 400);
    if (body.phone === SMS_FAILING_PHONE) return json({ error: 'blocked' }, 502);
    texts.push({ phone: body.phone, text: body.text });
    return json({ ok: true });
  }
  if (request.method === 'GET' && url.pathname === '/inbox') {
    return json(texts.filter((t) => t.phone === url.searchParams.get('phone')).map((t) => t.text));
  }
  return json({ error: 'unknown' }, 404);
}



export async function fakeWechat(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  if (url.hostname === 'sms.test') return fakeSms(request, url);
  if (url.hostname === 'hooks.test') return fakeHooks(request, url);
  if (url.hostname !== 'api.weixin.qq.com') return new Response(`unexpected outbound fetch: ${url}`, { status: 599 });
  if (url.pathname === '/sns/jscode2session') {
    const q = url.searchParams;
    if (q.get('appid') !== 'wx-test-app' || q.get('secret') !== 'wx-test-secret') return json({ errcode: 40013, errmsg: 'invalid appid' });
    const code = q.get('js_code') ?? '';
    if (!code.startsWith('code-') || q.get('grant_type') !== 'authorization_code') return json({ errcode: 40029, errmsg: 'invalid code' });
    return json({ openid: code.slice(5), session_key: 'fake-session-key' });
  }
  if (url.pathname === '/wxa/business/getuserphonenumber') {
    if (url.searchParams.get('access_token') !== FAKE_TOKEN) return json({ errcode: 40001, errmsg: 'invalid credential' });
    const { code } = (await request.json()) as { code?: string };
    if (!code?.startsWith('phone-')) return json({ errcode: 40029, errmsg: 'invalid code' });
    const phone = code.slice(6);
    return json({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } });
  }
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
