import { Hono } from 'hono';
import { answererQuery, unitCreateInput, unitUpdateInput } from '../../shared/schemas/auth';
import { idParam } from '../../shared/schemas/common';
import { getActiveUnit, getUnit, insertUnit, listUnits, retireUnit, subtreeOf, unitNameTaken, updateUnit } from '../db/units';
import { listAnswerers } from '../db/users';
import type { AppEnv } from '../env';
import { assertUnit, currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound, unknownUnit } from '../lib/errors';
import { newId } from '../lib/ids';
import { validate } from '../lib/validate';
import { rosterGaps } from '../rules/roster';

const office = requireRole('office');
const nameTaken = () => new ApiError('conflict', '已有同名单位', [{ path: 'name', message: '已有同名单位' }]);

export const unitRoutes = new Hono<AppEnv>()
  /** The units in service, as a flat list with each one's parent (the app builds the tree). */
  .get('/units', async (c) => c.json({ items: await listUnits(c.env.DB) }))

  /** The office's own district (or city), retired units included, for managing it. */
  .get('/manage/units', office, async (c) => {
    const user = currentUser(c);
    const all = await listUnits(c.env.DB, { retired: true });
    return c.json({ items: all.filter((u) => user.units.includes(u.id)) });
  })

  .post('/units', office, validate('json', unitCreateInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    assertUnit(user, input.parentId);
    if (!(await getActiveUnit(c.env.DB, input.parentId))) throw unknownUnit(input.parentId);
    if (await unitNameTaken(c.env.DB, input.name, null)) throw nameTaken();
    const id = newId('u');
    await insertUnit(c.env.DB, { id, name: input.name, kind: input.kind, parentId: input.parentId, sort: input.sort ?? 1000 });
    return c.json(await getUnit(c.env.DB, id), 201);
  })

  /** Rename or move: a unit moves within the office's district, never under itself. */
  .patch('/units/:id', office, validate('param', idParam), validate('json', unitUpdateInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const unit = await getUnit(c.env.DB, id);
    if (!unit || !user.units.includes(id)) throw notFound('单位');
    if (input.parentId !== undefined) {
      assertUnit(user, input.parentId);
      if (!(await getActiveUnit(c.env.DB, input.parentId))) throw unknownUnit(input.parentId);
      if ((await subtreeOf(c.env.DB, id)).includes(input.parentId)) {
        throw new ApiError('validation', '不能移到本单位或其下级单位之下', [{ path: 'parentId', message: '不能移到本单位之下' }]);
      }
    }
    if (input.name && (await unitNameTaken(c.env.DB, input.name, id))) throw nameTaken();
    await updateUnit(c.env.DB, id, input);
    return c.json(await getUnit(c.env.DB, id));
  })

  /** Retired, never deleted: its inquiries, entries and history stay; it takes no new work. */
  .post('/units/:id/retire', office, validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const unit = await getUnit(c.env.DB, id);
    if (!unit || !user.units.includes(id)) throw notFound('单位');
    if (id === user.unitId) throw new ApiError('conflict', '不能撤销本人所在的单位');
    const below = (await listUnits(c.env.DB)).filter((u) => u.parentId === id);
    if (below.length) throw new ApiError('conflict', `请先移走或撤销下级单位：${below.map((u) => u.name).join('、')}`);
    if (!(await retireUnit(c.env.DB, id, new Date().toISOString()))) throw new ApiError('conflict', '该单位已撤销');
    return c.json(await getUnit(c.env.DB, id));
  })

  /** The named policy answerers (政策解答员) are public by rule; residents may ask one directly. */
  .get('/answerers', validate('query', answererQuery), async (c) => c.json({ items: await listAnswerers(c.env.DB, c.req.valid('query')) }))

  /** Units of the office's district that fall short of the roster rule, each with what to fix. */
  .get('/roster/gaps', office, async (c) => {
    const user = currentUser(c);
    const [units, answerers] = await Promise.all([listUnits(c.env.DB), listAnswerers(c.env.DB, {})]);
    const mine = units.filter((u) => user.units.includes(u.id));
    return c.json({ items: rosterGaps(mine, answerers.filter((a) => user.units.includes(a.unitId))) });
  });
