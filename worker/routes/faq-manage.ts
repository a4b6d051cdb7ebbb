import { Hono } from 'hono';
import { FAQ_LIMITS, type Topic } from '../../shared/constants';
import { idParam } from '../../shared/schemas/common';
import {
  faqCreateInput,
  faqImportJson,
  faqImportQuery,
  faqManageQuery,
  faqStatusInput,
  faqUpdateInput,
  type FaqManaged,
  type ImportResult,
} from '../../shared/schemas/faq';
import { getEntry, insertStatements, listManaged, updateStatement } from '../db/faq';
import { indexStatements } from '../db/search';
import { getUnit, listUnits } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { assertUnit, currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound, unknownUnit, validationError } from '../lib/errors';
import { newId } from '../lib/ids';
import { validate } from '../lib/validate';
import { checkImportRows, parseCsv } from '../rules/faq-import';

const staff = requireRole('editor', 'office');

/** An entry of a unit the caller acts for; another unit's entry is a 403. */
async function manageableEntry(db: D1Database, user: SessionUser, id: string): Promise<FaqManaged> {
  const entry = await getEntry(db, id);
  if (!entry) throw notFound('条目');
  assertUnit(user, entry.unitId);
  return entry;
}

const editedMeanwhile = () => new ApiError('conflict', '这条问答已被他人修改并保存，请查看最新内容后再改');

/** Runs the batch and reads the entry back; `guarded`: the first statement is a guarded update that must have applied. */
async function saveAndRead(db: D1Database, id: string, statements: D1PreparedStatement[], guarded = false) {
  const [first] = await db.batch(statements);
  if (guarded && first?.meta.changes === 0) throw editedMeanwhile();
  const saved = await getEntry(db, id);
  if (!saved) throw notFound('条目');
  return saved;
}

const rangeError = () =>
  new ApiError('validation', '有效期结束日期不能早于开始日期', [{ path: 'validUntil', message: '结束日期不能早于开始日期' }]);

type ImportOptions = { publish: boolean; dryRun: boolean; defaultTopic?: Topic };

async function readImport(req: Request, query: { publish?: string; dryRun?: string; defaultTopic?: Topic }) {
  if ((req.headers.get('Content-Type') ?? '').includes('text/csv')) {
    const { rows, errors } = parseCsv(await req.text());
    const options: ImportOptions = {
      publish: query.publish === 'true',
      dryRun: query.dryRun === 'true',
      defaultTopic: query.defaultTopic,
    };
    return { rows, parseErrors: errors, options };
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ApiError('bad_request', '请求体不是有效的 JSON（CSV 请使用 Content-Type: text/csv）');
  }
  const parsed = faqImportJson.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const { entries, ...options } = parsed.data;
  return { rows: entries, parseErrors: [], options: options as ImportOptions };
}

/** Editors manage their own unit's entries; office staff manage every unit's. */
export const faqManageRoutes = new Hono<AppEnv>()
  .get('/manage/faq', staff, validate('query', faqManageQuery), async (c) => {
    const user = currentUser(c);
    const query = c.req.valid('query');
    if (query.unitId) assertUnit(user, query.unitId);
    const unitId = user.role === 'office' ? query.unitId : user.unitId!;
    return c.json(await listManaged(c.env.DB, { ...query, unitId }));
  })

  .get('/manage/faq/:id', staff, validate('param', idParam), async (c) => {
    return c.json(await manageableEntry(c.env.DB, currentUser(c), c.req.valid('param').id));
  })

  .post('/faq', staff, validate('json', faqCreateInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    const unitId = input.unitId ?? user.unitId!;
    assertUnit(user, unitId);
    if (!(await getUnit(c.env.DB, unitId))) throw unknownUnit(unitId);
    const entry = {
      id: newId('faq'),
      question: input.question,
      answer: input.answer,
      similar: input.similar,
      keywords: input.keywords,
      topic: input.topic,
      unitId,
      status: input.publish ? ('published' as const) : ('draft' as const),
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      createdBy: user.id,
      now: new Date().toISOString(),
    };
    const saved = await saveAndRead(c.env.DB, entry.id, [
      ...insertStatements(c.env.DB, [entry]),
      ...indexStatements(c.env.DB, [entry]),
    ]);
    return c.json(saved, 201);
  })

  .patch('/faq/:id', staff, validate('param', idParam), validate('json', faqUpdateInput), async (c) => {
    const { id } = c.req.valid('param');
    const { baseUpdatedAt: base, ...changes } = c.req.valid('json');
    const entry = await manageableEntry(c.env.DB, currentUser(c), id);
    if (base !== undefined && base !== entry.updatedAt) throw editedMeanwhile();
    const merged = { ...entry, ...changes };
    if (merged.validFrom && merged.validUntil && merged.validFrom > merged.validUntil) throw rangeError();
    const reindex = changes.question || changes.similar || changes.keywords || changes.topic;
    const now = new Date().toISOString();
    // Guarded in the batch too, against an edit saved between the read above and the batch.
    const guarded = base !== undefined;
    const saved = await saveAndRead(
      c.env.DB,
      id,
      [updateStatement(c.env.DB, id, changes, now, base), ...(reindex ? indexStatements(c.env.DB, [merged], guarded ? now : undefined) : [])],
      guarded,
    );
    return c.json(saved);
  })

  .post('/faq/:id/status', staff, validate('param', idParam), validate('json', faqStatusInput), async (c) => {
    const { id } = c.req.valid('param');
    await manageableEntry(c.env.DB, currentUser(c), id);
    const { status } = c.req.valid('json');
    return c.json(await saveAndRead(c.env.DB, id, [updateStatement(c.env.DB, id, { status }, new Date().toISOString())]));
  })

  .post('/faq/import', staff, validate('query', faqImportQuery), async (c) => {
    const user = currentUser(c);
    const { rows, parseErrors, options } = await readImport(c.req.raw, c.req.valid('query'));
    if (!rows.length && !parseErrors.length) throw new ApiError('validation', '没有要导入的条目');
    if (rows.length > FAQ_LIMITS.importRows) throw new ApiError('validation', `一次最多导入 ${FAQ_LIMITS.importRows} 条`);

    const units = await listUnits(c.env.DB);
    const { ready, errors } = checkImportRows(rows, {
      allowedUnits: user.role === 'office' ? null : new Set([user.unitId!]),
      knownUnits: new Map(units.flatMap((u) => [[u.id, u.id], [u.name, u.id]] as const)),
      defaultUnitId: user.unitId!,
      defaultTopic: options.defaultTopic,
    });
    errors.unshift(...parseErrors);
    const result: ImportResult = { dryRun: options.dryRun, imported: 0, errors };
    if (errors.length && !options.dryRun) {
      throw new ApiError(
        'validation',
        `导入失败：共 ${errors.length} 处错误，未写入任何条目`,
        errors.map((e) => ({ path: `entries.${e.row}${e.field ? `.${e.field}` : ''}`, message: `第 ${e.row} 行：${e.message}` })),
      );
    }
    if (options.dryRun) return c.json({ ...result, imported: errors.length ? 0 : ready.length });

    const now = new Date().toISOString();
    const entries = ready.map((r) => ({
      ...r,
      id: newId('faq'),
      status: options.publish ? ('published' as const) : ('draft' as const),
      validFrom: null,
      validUntil: null,
      createdBy: user.id,
      now,
    }));
    // One batch is one transaction: every row lands together with its index rows, or none does.
    await c.env.DB.batch([...insertStatements(c.env.DB, entries), ...indexStatements(c.env.DB, entries)]);
    return c.json({ ...result, imported: entries.length, ids: entries.map((e) => e.id) }, 201);
  });
