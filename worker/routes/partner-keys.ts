import { Hono } from 'hono';
import { idParam } from '../../shared/schemas/common';
import { deliveryListQuery, partnerKeyInput, type NewPartnerKey } from '../../shared/schemas/partner';
import { getPartnerKey, insertPartnerKey, listDeliveries, listPartnerKeys, revokePartnerKey } from '../db/partner-keys';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { limit } from '../lib/limit';
import { newPartnerKey, newWebhookSecret } from '../lib/partner';
import { validate } from '../lib/validate';

const office = requireRole('office');

/** A key of the caller's jurisdiction; another district's keys do not exist for it. */
async function ownKey(db: D1Database, user: SessionUser, id: string) {
  const key = await getPartnerKey(db, id);
  if (!key || !user.units.includes(key.unitId)) throw notFound('对接密钥');
  return key;
}

export const partnerKeyRoutes = new Hono<AppEnv>()
  /** The key and the signing secret are in this answer only: the key is stored as its hash. */
  .post('/partner-keys', office, validate('json', partnerKeyInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    // Plain http reaches only this machine, and only a development worker may call it.
    if (input.webhookUrl?.startsWith('http:') && c.env.ENVIRONMENT !== 'development') {
      throw new ApiError('validation', '回调地址须为 https://', [{ path: 'webhookUrl', message: '回调地址须为 https://' }]);
    }
    await limit(c, 'partnerkey.user', user.id);
    const { key, hash, prefix } = await newPartnerKey();
    const webhookSecret = input.webhookUrl ? newWebhookSecret() : null;
    const saved = await insertPartnerKey(c.env.DB, {
      id: newId('pk'),
      name: input.name,
      unitId: user.unitId!,
      keyHash: hash,
      prefix,
      scopes: input.scopes,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret,
      createdBy: user.id,
      now: new Date().toISOString(),
    });
    return c.json({ ...saved, key, webhookSecret } satisfies NewPartnerKey, 201);
  })

  .get('/partner-keys', office, async (c) => c.json({ items: await listPartnerKeys(c.env.DB, currentUser(c).units) }))

  /** Revoking counts on the key's very next call (401). */
  .delete('/partner-keys/:id', office, validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await ownKey(c.env.DB, user, id);
    return c.json((await revokePartnerKey(c.env.DB, id, new Date().toISOString()))!);
  })

  .get('/partner-keys/:id/deliveries', office, validate('param', idParam), validate('query', deliveryListQuery), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await ownKey(c.env.DB, user, id);
    return c.json({ items: await listDeliveries(c.env.DB, id, c.req.valid('query').limit) });
  });
