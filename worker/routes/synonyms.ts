import { Hono } from 'hono';
import { z } from 'zod';
import { synonymGroupInput } from '../../shared/schemas/faq';
import { deleteSynonymGroup, insertSynonymGroup, listSynonymGroups, updateSynonymGroup } from '../db/synonyms';
import { invalidateSynonyms } from '../db/search';
import type { AppEnv } from '../env';
import { requireRole } from '../lib/auth';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';

const groupId = z.object({ id: z.coerce.number().int().positive() });
const office = requireRole('office');

/** The synonym list the matcher uses; staff read it, the office edits it. Search picks changes up without reindexing. */
export const synonymRoutes = new Hono<AppEnv>()
  .get('/synonyms', requireRole('answerer', 'editor', 'office'), async (c) =>
    c.json({ items: await listSynonymGroups(c.env.DB) }),
  )
  .post('/synonyms', office, validate('json', synonymGroupInput), async (c) => {
    const group = await insertSynonymGroup(c.env.DB, c.req.valid('json').terms, new Date().toISOString());
    invalidateSynonyms();
    return c.json(group, 201);
  })
  .put('/synonyms/:id', office, validate('param', groupId), validate('json', synonymGroupInput), async (c) => {
    const group = await updateSynonymGroup(c.env.DB, c.req.valid('param').id, c.req.valid('json').terms, new Date().toISOString());
    if (!group) throw notFound('同义词组');
    invalidateSynonyms();
    return c.json(group);
  })
  .delete('/synonyms/:id', office, validate('param', groupId), async (c) => {
    if (!(await deleteSynonymGroup(c.env.DB, c.req.valid('param').id))) throw notFound('同义词组');
    invalidateSynonyms();
    return c.body(null, 204);
  });
