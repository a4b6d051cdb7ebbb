import { Hono, type Context } from 'hono';
import { codeRequestInput, codeSignInInput, devLoginInput, logoutInput, wechatCodeInput } from '../../shared/schemas/auth';
import { CODE_MINUTES, checkCode, saveCode } from '../db/phone-codes';
import { endAllSessionsStatement, endSessionStatement, listSessions } from '../db/sessions';
import { getActiveUnit } from '../db/units';
import { getMe, upsertUser, userByOpenid, userByPhone, userStatus } from '../db/users';
import type { AppEnv } from '../env';
import { currentUser, issueToken, signedIn } from '../lib/auth';
import { devOnly, devUserId, isDevHost } from '../lib/dev';
import { ApiError, notFound, unknownUnit } from '../lib/errors';
import { randomChars } from '../lib/hash';
import { address, limit } from '../lib/limit';
import { smsSender } from '../lib/sms';
import { validate } from '../lib/validate';
import { codeToOpenid, codeToPhone, wechatConfig } from '../lib/wechat';

/** Opens a session for an account found by its sign-in identity; a disabled account gets none. */
async function signIn(c: Context<AppEnv>, user: { id: string; status: string }, method: 'weapp' | 'sms' | 'dev') {
  if (user.status !== 'active') throw new ApiError('forbidden', '账号已停用，请联系本单位或政务公开办');
  const token = await issueToken(c, user.id, method);
  return c.json({ token, user: (await getMe(c.env.DB, user.id))! });
}

export const authRoutes = new Hono<AppEnv>()
  /** How this deployment lets people in, and the subscribe-message templates the app may ask for. */
  .get('/auth/config', (c) => {
    const wechat = wechatConfig(c.env);
    return c.json({
      dev: isDevHost(c),
      phone: smsSender(c.env) !== null,
      weapp: wechat !== null,
      templates: { replied: wechat?.templates.replied ?? null, clarify: wechat?.templates.clarify ?? null },
    });
  })

  /** Local development only: a session for any role, so every screen can be tried. */
  .post('/auth/dev', devOnly, validate('json', devLoginInput), async (c) => {
    const { role, unitId, name } = c.req.valid('json');
    const unit = role === 'resident' ? null : await getActiveUnit(c.env.DB, unitId!);
    if (role !== 'resident' && !unit) throw unknownUnit(unitId!);
    const id = await devUserId(role, unit?.id ?? null, name ?? null);
    await upsertUser(c.env.DB, { id, role, unitId: unit?.id ?? null, name: name ?? null }, new Date().toISOString());
    return signIn(c, { id, status: (await userStatus(c.env.DB, id))!.status }, 'dev');
  })

  /** In WeChat: wx.login's code → jscode2session → our own session. openid never leaves the worker. */
  .post('/auth/weapp', validate('json', wechatCodeInput), async (c) => {
    await limit(c, 'signin.address', address(c));
    const cfg = wechatConfig(c.env);
    if (!cfg) throw new ApiError('unavailable', '本服务未配置微信登录');
    const r = await codeToOpenid(cfg, c.req.valid('json').code);
    if ('error' in r) throw new ApiError('unauthorized', '微信登录失败，请重试');
    return signIn(c, await userByOpenid(c.env.DB, r.openid, new Date().toISOString()), 'weapp');
  })

  /** 手机号快速验证: a getPhoneNumber button's code → the verified number, to fill 联系电话. */
  .post('/auth/weapp/phone', signedIn, validate('json', wechatCodeInput), async (c) => {
    await limit(c, 'signin.address', address(c));
    const cfg = wechatConfig(c.env);
    if (!cfg) throw new ApiError('unavailable', '本服务未配置微信登录');
    const r = await codeToPhone(cfg, c.req.valid('json').code, Date.now());
    if ('error' in r) throw new ApiError('bad_request', '获取手机号失败，请手动填写');
    // Kept as the account's phone unless another account already signed in with it.
    await c.env.DB.prepare('UPDATE users SET phone = ?2 WHERE id = ?1 AND phone IS NULL AND NOT EXISTS (SELECT 1 FROM users WHERE phone = ?2)')
      .bind(currentUser(c).id, r.phone)
      .run();
    return c.json({ phone: r.phone });
  })

  /** Outside WeChat: a 6-digit code by SMS, valid for 5 minutes. */
  .post('/auth/phone/code', validate('json', codeRequestInput), async (c) => {
    const { phone } = c.req.valid('json');
    await limit(c, 'code.address', address(c));
    await limit(c, 'code.phone', phone);
    await limit(c, 'code.phone.hour', phone);
    const send = smsSender(c.env);
    if (!send) throw new ApiError('unavailable', '本服务未配置短信验证码');
    const code = randomChars(6, '0123456789');
    await saveCode(c.env.DB, phone, code, new Date());
    try {
      await send(phone, `【政策咨询台】验证码 ${code}，${CODE_MINUTES} 分钟内有效。如非本人操作请忽略。`);
    } catch {
      throw new ApiError('bad_gateway', '短信发送失败，请稍后再试');
    }
    return c.json({ sent: true, expiresIn: CODE_MINUTES * 60, resendIn: 60 });
  })

  .post('/auth/phone', validate('json', codeSignInInput), async (c) => {
    const { phone, code } = c.req.valid('json');
    await limit(c, 'signin.address', address(c));
    const now = new Date();
    const check = await checkCode(c.env.DB, phone, code, now);
    if (!check.ok) {
      const message =
        check.reason === 'wrong' && check.triesLeft > 0 ? `验证码不正确，还可以再试 ${check.triesLeft} 次` : '验证码已失效，请重新获取';
      throw new ApiError('validation', message, [{ path: 'code', message }]);
    }
    return signIn(c, await userByPhone(c.env.DB, phone, now.toISOString()), 'sms');
  })

  /** Ends this session, or with `{ "all": true }` every session of the caller. */
  .post('/auth/logout', signedIn, validate('json', logoutInput), async (c) => {
    const user = currentUser(c);
    const all = c.req.valid('json').all === true;
    await (all ? endAllSessionsStatement(c.env.DB, user.id) : endSessionStatement(c.env.DB, user.sessionId)).run();
    return c.json({ ended: all ? 'all' : 'this' });
  })

  .get('/auth/sessions', signedIn, async (c) => {
    const user = currentUser(c);
    return c.json({ items: await listSessions(c.env.DB, user.id, user.sessionId, new Date()) });
  })

  .get('/me', signedIn, async (c) => {
    const me = await getMe(c.env.DB, currentUser(c).id);
    if (!me) throw notFound('用户');
    return c.json(me);
  });
