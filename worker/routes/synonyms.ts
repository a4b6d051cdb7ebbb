import { Hono } from 'hono';
import { z } from 'zod';
import { synonymGroupInput } from '../../shared/schemas/faq';
import { deleteSynonymGroup, findTakenTerm, insertSynonymGroup, listSynonymGroups, updateSynonymGroup } from '../db/synonyms';
import { invalidateSynonyms } from '../db/search';
import type { AppEnv } from '../env';
import { requireRole } from '../lib/auth';
import { ApiError, notFound } from '../lib/errors';
import { validate } from '../lib/validate';

export const groupId = z.object({ id: z.coerce.number().int().positive() });
const office = requireRole('office');

/** A word may belong to one group only: the matcher could not tell which meaning is wanted. */
async function checkTerms(db: D1Database, terms: string[], exceptId?: number) {
  const taken = await findTakenTerm(db, terms, exceptId);
  if (!taken) return;
  const message = `「${taken.term}」已在同义词组「${taken.group.terms.join('、')}」中`;
  throw new ApiError('conflict', message, [{ path: 'terms', message }]);
}

/** The synonym list the matcher uses; staff read it, the office edits it. Search picks changes up without reindexing. */
export const synonymRoutes = new Hono<AppEnv>()
  .get('/synonyms', requireRole('answerer', 'editor', 'office'), async (c) =>
    c.json({ items: await listSynonymGroups(c.env.DB) }),
  )
  .post('/synonyms', office, validate('json', synonymGroupInput), async (c) => {
    const { terms } = c.req.valid('json');
    await checkTerms(c.env.DB, terms);
    const group = await insertSynonymGroup(c.env.DB, terms, new Date().toISOString());
    invalidateSynonyms();
    return c.json(group, 201);
  })
  .put('/synonyms/:id', office, validate('param', groupId), validate('json', synonymGroupInput), async (c) => {
    const { id } = c.req.valid('param');
    const { terms } = c.req.valid('json');
    await checkTerms(c.env.DB, terms, id);
    const group = await updateSynonymGroup(c.env.DB, id, terms, new Date().toISOString());
    if (!group) throw notFound('同义词组');
    invalidateSynonyms();
    return c.json(group);
  })
  .delete('/synonyms/:id', office, validate('param', groupId), async (c) => {
    if (!(await deleteSynonymGroup(c.env.DB, c.req.valid('param').id))) throw notFound('同义词组');
    invalidateSynonyms();
    return c.body(null, 204);
  });
