/**
 * WeChat subscribe messages (订阅消息). The access token comes from WeChat's stable_token API
 * and is cached in the isolate until shortly before it expires.
 */
const API = 'https://api.weixin.qq.com';

export type WechatConfig = { appId: string; secret: string; templates: Partial<Record<string, string>> };

let cached: { token: string; until: number; appId: string } | null = null;

async function accessToken(cfg: WechatConfig, now: number): Promise<string> {
  if (cached && cached.appId === cfg.appId && cached.until > now) return cached.token;
  const res = await fetch(`${API}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: cfg.appId, secret: cfg.secret }),
  });
  const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
  if (!body.access_token) throw new Error(`stable_token failed: ${body.errcode ?? res.status} ${body.errmsg ?? ''}`);
  cached = { token: body.access_token, until: now + ((body.expires_in ?? 7200) - 300) * 1000, appId: cfg.appId };
  return body.access_token;
}

/** Sends one subscribe message; throws with WeChat's error code when it refuses. */
export async function sendSubscribeMessage(
  cfg: WechatConfig,
  msg: { openid: string; templateId: string; page: string; data: Record<string, { value: string }> },
  now: number,
): Promise<void> {
  const token = await accessToken(cfg, now);
  const res = await fetch(`${API}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ touser: msg.openid, template_id: msg.templateId, page: msg.page, data: msg.data }),
  });
  const body = (await res.json()) as { errcode?: number; errmsg?: string };
  if (body.errcode) {
    if (body.errcode === 40001 || body.errcode === 42001) cached = null; // token expired or revoked
    throw new Error(`subscribe/send failed: ${body.errcode} ${body.errmsg ?? ''}`);
  }
}

export function wechatConfig(env: { WECHAT_APPID?: string; WECHAT_SECRET?: string; WECHAT_TEMPLATES?: string }): WechatConfig | null {
  if (!env.WECHAT_APPID || !env.WECHAT_SECRET) return null;
  let templates: Record<string, string> = {};
  try {
    templates = env.WECHAT_TEMPLATES ? (JSON.parse(env.WECHAT_TEMPLATES) as Record<string, string>) : {};
  } catch {
    templates = {};
  }
  return { appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET, templates };
}

/** wx.login's code → the user's openid (session_key is not kept: nothing here decrypts WeChat data). */
export async function codeToOpenid(cfg: WechatConfig, code: string): Promise<{ openid: string } | { error: string }> {
  const q = new URLSearchParams({ appid: cfg.appId, secret: cfg.secret, js_code: code, grant_type: 'authorization_code' });
  const res = await fetch(`${API}/sns/jscode2session?${q}`);
  const body = (await res.json().catch(() => ({}))) as { openid?: string; errcode?: number; errmsg?: string };
  if (!body.openid) return { error: `${body.errcode ?? res.status} ${body.errmsg ?? ''}`.trim() };
  return { openid: body.openid };
}

/** A getPhoneNumber button's code → the phone number WeChat has verified (手机号快速验证). */
export async function codeToPhone(cfg: WechatConfig, code: string, now: number): Promise<{ phone: string } | { error: string }> {
  const token = await accessToken(cfg, now);
  const res = await fetch(`${API}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string; phone_info?: { purePhoneNumber?: string } };
  if (body.errcode === 40001 || body.errcode === 42001) cached = null;
  const phone = body.phone_info?.purePhoneNumber;
  if (body.errcode || !phone) return { error: `${body.errcode ?? res.status} ${body.errmsg ?? ''}`.trim() };
  return { phone };
}
