import { Hono, type Context } from 'hono';
import { renderSVG } from 'uqr';
import { invitationInput, profileInput, redeemInput, staffUpdateInput, type NewInvitation } from '../../shared/schemas/auth';
import { idParam } from '../../shared/schemas/common';
import { returnToPoolStatements } from '../db/inquiries';
import { getInvitation, insertInvitation, invitationByCode, listInvitations, redeemInvitation, revokeInvitation } from '../db/invitations';
import { endAllSessionsStatement } from '../db/sessions';
import { getActiveUnit } from '../db/units';
import { getMe, getStaff, listStaff, updateProfile } from '../db/users';
import type { AppEnv, SessionUser } from '../env';
import { assertUnit, currentUser, requireRole, signedIn } from '../lib/auth';
import { ApiError, forbidden, notFound, unknownUnit } from '../lib/errors';
import { randomChars, sha256Hex } from '../lib/hash';
import { newId } from '../lib/ids';
import { address, limit } from '../lib/limit';
import { validate } from '../lib/validate';
import { deliverSoon } from '../jobs/deliver';

const managers = requireRole('editor', 'office');
/** Unambiguous on paper and over the phone: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const codeHash = (code: string) => sha256Hex(`invitation:${code}`);

/**
 * Who may manage whom: the office anyone in its district; an editor the answerers of their own
 * unit. The target is looked up first, so someone outside the caller's reach is simply not found.
 */
async function manageable(c: Context<AppEnv>, id: string) {
  const user = currentUser(c);
  const target = await getStaff(c.env.DB, id);
  if (!target || !user.units.includes(target.unitId)) throw notFound('工作人员');
  if (user.role === 'editor' && target.role !== 'answerer') throw forbidden('单位编辑只能管理本单位的政策解答员');
  return { user, target };
}

/** An invitation's link opens the redeem screen (in WeChat too, once 扫普通链接二维码打开小程序 is set up for APP_URL). */
function redeemLink(c: Context<AppEnv>, code: string): string {
  const base = (c.env.APP_URL ?? c.req.header('Origin') ?? '').replace(/\/+$/, '');
  return `${base}/pages/staff/redeem/index?code=${code}`;
}

function allowedToInvite(user: SessionUser, input: { unitId: string; role: string }) {
  assertUnit(user, input.unitId);
  if (user.role === 'editor' && input.role !== 'answerer') throw forbidden('单位编辑只能邀请本单位的政策解答员');
}

export const staffRoutes = new Hono<AppEnv>()
  .post('/invitations', managers, validate('json', invitationInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    allowedToInvite(user, input);
    await limit(c, 'invitation.user', user.id);
    if (!(await getActiveUnit(c.env.DB, input.unitId))) throw unknownUnit(input.unitId);
    const code = randomChars(8, CODE_ALPHABET);
    const invitation = await insertInvitation(c.env.DB, {
      id: newId('inv'),
      codeHash: await codeHash(code),
      unitId: input.unitId,
      role: input.role,
      name: input.name ?? null,
      createdBy: user.id,
      now: new Date(),
    });
    const link = redeemLink(c, code);
    const body: NewInvitation = { ...invitation, code, link, qrSvg: renderSVG(link, { border: 2 }) };
    return c.json(body, 201);
  })

  .get('/invitations', managers, async (c) => {
    const user = currentUser(c);
    return c.json({ items: await listInvitations(c.env.DB, user.units, new Date()) });
  })

  .post('/invitations/:id/revoke', managers, validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const now = new Date();
    const found = await getInvitation(c.env.DB, id, now);
    if (!found || !user.units.includes(found.unitId)) throw notFound('邀请');
    allowedToInvite(user, found);
    if (!(await revokeInvitation(c.env.DB, id, now))) throw new ApiError('conflict', '该邀请已使用或已作废');
    return c.json((await getInvitation(c.env.DB, id, now))!);
  })

  /** The invited person, signed in, takes the role and unit the invitation names. */
  .post('/invitations/redeem', signedIn, validate('json', redeemInput), async (c) => {
    const user = currentUser(c);
    const now = new Date();
    await limit(c, 'signin.address', address(c));
    const found = await invitationByCode(c.env.DB, await codeHash(c.req.valid('json').code), now);
    const refusal = !found
      ? '邀请码不正确'
      : found.status === 'used'
        ? '该邀请码已被使用'
        : found.status === 'expired'
          ? '该邀请码已过期，请联系邀请人重新生成'
          : found.status === 'revoked'
            ? '该邀请码已作废'
            : null;
    if (refusal || !found) throw new ApiError('validation', refusal!, [{ path: 'code', message: refusal! }]);
    if (!(await getActiveUnit(c.env.DB, found.unitId))) throw new ApiError('conflict', '邀请所属单位已撤销');
    if (user.role !== 'resident') throw new ApiError('conflict', '当前账号已是工作人员账号；如需调整身份或单位，请联系政务公开办');
    if (!(await redeemInvitation(c.env.DB, found.id, user.id, null, now))) throw new ApiError('conflict', '该邀请码已被使用');
    return c.json((await getMe(c.env.DB, user.id))!);
  })

  .get('/users', managers, async (c) => {
    const user = currentUser(c);
    const staff = await listStaff(c.env.DB, user.units);
    return c.json({ items: user.role === 'editor' ? staff.filter((s) => s.role === 'answerer' || s.id === user.id) : staff });
  })

  /** The office changes someone's role or unit; it counts from their very next request. */
  .patch('/users/:id', requireRole('office'), validate('param', idParam), validate('json', staffUpdateInput), async (c) => {
    const { user, target } = await manageable(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    const unitId = input.unitId ?? target.unitId;
    const role = input.role ?? target.role;
    assertUnit(user, unitId);
    if (!(await getActiveUnit(c.env.DB, unitId))) throw unknownUnit(unitId);
    if (target.id === user.id) throw new ApiError('conflict', '不能调整本人的身份或单位');
    const now = new Date().toISOString();
    const leaves = target.role === 'answerer' && (role !== 'answerer' || unitId !== target.unitId);
    await c.env.DB.batch([
      ...(leaves ? returnToPoolStatements(c.env.DB, target.id, user, '解答员调整了身份或单位', now) : []),
      c.env.DB.prepare('UPDATE users SET role = ?2, unit_id = ?3 WHERE id = ?1').bind(target.id, role, unitId),
    ]);
    deliverSoon(c);
    return c.json(await getStaff(c.env.DB, target.id));
  })

  /** Disabling ends every session at once, returns the person's open inquiries to the unit, and takes them off the roster. */
  .post('/users/:id/disable', managers, validate('param', idParam), async (c) => {
    const { user, target } = await manageable(c, c.req.valid('param').id);
    if (target.id === user.id) throw new ApiError('conflict', '不能停用本人账号');
    if (target.status === 'disabled') throw new ApiError('conflict', '该账号已停用');
    const now = new Date().toISOString();
    await c.env.DB.batch([
      ...returnToPoolStatements(c.env.DB, target.id, user, '解答员账号已停用', now),
      c.env.DB.prepare("UPDATE users SET status = 'disabled', disabled_at = ?2 WHERE id = ?1").bind(target.id, now),
      endAllSessionsStatement(c.env.DB, target.id),
    ]);
    deliverSoon(c);
    return c.json(await getStaff(c.env.DB, target.id));
  })

  .post('/users/:id/enable', managers, validate('param', idParam), async (c) => {
    const { target } = await manageable(c, c.req.valid('param').id);
    if (target.status === 'active') throw new ApiError('conflict', '该账号未停用');
    await c.env.DB.prepare("UPDATE users SET status = 'active', disabled_at = NULL WHERE id = ?1").bind(target.id).run();
    return c.json(await getStaff(c.env.DB, target.id));
  })

  /** The public roster profile: answerers edit their own, editors their unit's, the office its district's. */
  .patch('/users/:id/profile', requireRole('answerer', 'editor', 'office'), validate('param', idParam), validate('json', profileInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    if (id !== user.id) await manageable(c, id);
    else if (!(await getStaff(c.env.DB, id))) throw notFound('工作人员');
    await updateProfile(c.env.DB, id, c.req.valid('json'));
    return c.json(await getStaff(c.env.DB, id));
  });
