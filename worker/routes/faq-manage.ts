import { Hono } from 'hono';
import { shanghaiDay } from '../../shared/calendar/days';
import { FAQ_LIMITS, type Topic } from '../../shared/constants';
import { idParam } from '../../shared/schemas/common';
import {
  faqCreateInput,
  faqImportJson,
  faqImportQuery,
  type DuplicateChoice,
  type FaqImportQuery,
  faqManageQuery,
  faqStatusInput,
  faqUpdateInput,
  type FaqManaged,
  type ImportResult,
} from '../../shared/schemas/faq';
import {
  getEntries,
  getEntry,
  insertStatements,
  listManaged,
  questionsFor,
  unchangedStatements,
  updateManyStatements,
  updateStatement,
} from '../db/faq';
import { indexStatements } from '../db/search';
import { embedSoon } from '../jobs/embed';
import { getActiveUnit, listUnits } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { assertUnit, canActOnUnit, currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound, unknownUnit, validationError } from '../lib/errors';
import { newId } from '../lib/ids';
import { validate } from '../lib/validate';
import { applyChoices, byRow, checkImportRows, findDuplicates, parseCsv, rowIssues, type ImportSource } from '../rules/faq-import';

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

type ImportOptions = {
  publish: boolean;
  dryRun: boolean;
  defaultTopic?: Topic;
  duplicates?: DuplicateChoice;
  choices?: Record<string, DuplicateChoice>;
};

async function readImport(req: Request, query: FaqImportQuery): Promise<{ source: ImportSource; options: ImportOptions }> {
  if ((req.headers.get('Content-Type') ?? '').includes('text/csv')) {
    const options: ImportOptions = {
      publish: query.publish === 'true',
      dryRun: query.dryRun === 'true',
      defaultTopic: query.defaultTopic,
      duplicates: query.duplicates,
      choices: query.choices,
    };
    return { source: parseCsv(await req.text(), options), options };
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
  return { source: { rows: entries, errors: [], columns: {}, absent: new Set() }, options };
}

/** Editors manage their own unit's entries; office staff those of every unit in their district (or city). */
export const faqManageRoutes = new Hono<AppEnv>()
  .get('/manage/faq', staff, validate('query', faqManageQuery), async (c) => {
    const user = currentUser(c);
    const query = c.req.valid('query');
    if (query.unitId) assertUnit(user, query.unitId);
    const { unitId, flagged, ...rest } = query;
    return c.json(await listManaged(c.env.DB, { ...rest, flagged: Boolean(flagged), unitIds: unitId ? [unitId] : user.units }));
  })

  .get('/manage/faq/:id', staff, validate('param', idParam), async (c) => {
    return c.json(await manageableEntry(c.env.DB, currentUser(c), c.req.valid('param').id));
  })

  .post('/faq', staff, validate('json', faqCreateInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    const unitId = input.unitId ?? user.unitId!;
    assertUnit(user, unitId);
    if (!(await getActiveUnit(c.env.DB, unitId))) throw unknownUnit(unitId);
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
    embedSoon(c);
    return c.json(saved, 201);
  })

  .patch('/faq/:id', staff, validate('param', idParam), validate('json', faqUpdateInput), async (c) => {
    const { id } = c.req.valid('param');
    const { baseUpdatedAt: base, ...changes } = c.req.valid('json');
    const entry = await manageableEntry(c.env.DB, currentUser(c), id);
    if (base !== undefined && base !== entry.updatedAt) throw editedMeanwhile();
    const merged = { ...entry, ...changes };
    if (merged.validFrom && merged.validUntil && merged.validFrom > merged.validUntil) throw rangeError();
    const reindex = changes.question || changes.answer || changes.similar || changes.keywords || changes.topic;
    const now = new Date().toISOString();
    // Guarded in the batch too, against an edit saved between the read above and the batch.
    const guard = base === undefined ? undefined : { base, revision: newId('rev') };
    const saved = await saveAndRead(
      c.env.DB,
      id,
      [updateStatement(c.env.DB, id, changes, now, guard), ...(reindex ? indexStatements(c.env.DB, [merged], guard?.revision) : [])],
      guard !== undefined,
    );
    embedSoon(c);
    return c.json(saved);
  })

  .post('/faq/:id/status', staff, validate('param', idParam), validate('json', faqStatusInput), async (c) => {
    const { id } = c.req.valid('param');
    await manageableEntry(c.env.DB, currentUser(c), id);
    const { status } = c.req.valid('json');
    const saved = await saveAndRead(c.env.DB, id, [updateStatement(c.env.DB, id, { status }, new Date().toISOString())]);
    embedSoon(c);
    return c.json(saved);
  })

  .post('/faq/import', staff, validate('query', faqImportQuery), async (c) => {
    const user = currentUser(c);
    const db = c.env.DB;
    const { source, options } = await readImport(c.req.raw, c.req.valid('query'));
    const { rows } = source;
    if (!rows.length && !source.errors.length) throw new ApiError('validation', '没有要导入的条目');
    if (rows.length > FAQ_LIMITS.importRows) throw new ApiError('validation', `一次最多导入 ${FAQ_LIMITS.importRows} 条`);

    const manages = user.units;
    const [units, existing] = await Promise.all([listUnits(db), questionsFor(db, manages, shanghaiDay(new Date()))]);
    const checked = checkImportRows(source, {
      allowedUnits: new Set(manages),
      knownUnits: new Map(units.flatMap((u) => [[u.id, u.id], [u.name, u.id]] as const)),
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      defaultUnitId: user.unitId!,
      defaultTopic: options.defaultTopic,
    });
    const duplicates = findDuplicates(rows, existing, (unitId) => canActOnUnit(user, unitId));
    const refused = applyChoices(duplicates, { all: options.duplicates, rows: options.choices }, source.columns);
    const errors = byRow([...source.errors, ...checked.errors, ...refused]);
    const refusedRows = new Set(refused.map((e) => e.row));
    const unresolved = duplicates.filter((d) => !d.action && !refusedRows.has(d.row));
    const actionOf = new Map(duplicates.map((d) => [d.row, d] as const));
    const create = checked.ready.filter((r) => {
      const dup = actionOf.get(r.row);
      return !dup || dup.action === 'import';
    });
    const update = checked.ready.filter((r) => actionOf.get(r.row)?.action === 'update');
    const counts = errors.length
      ? { imported: 0, updated: 0, skipped: 0 }
      : { imported: create.length, updated: update.length, skipped: duplicates.filter((d) => d.action === 'skip').length };
    const result: ImportResult = { dryRun: options.dryRun, total: rows.length, ...counts, errors, duplicates };
    if (options.dryRun) return c.json({ ...result, preview: checked.preview });

    if (errors.length) {
      throw new ApiError(
        'validation',
        `导入失败：共 ${errors.length} 处错误${unresolved.length ? `，另有 ${unresolved.length} 条重复的问题待选择处理方式` : ''}，未写入任何条目`,
        rowIssues(errors, unresolved, source.columns),
      );
    }
    if (unresolved.length) {
      throw new ApiError(
        'conflict',
        `有 ${unresolved.length} 条问题已有条目或在文件中重复：请选择跳过、更新已有条目或仍然导入（duplicates=skip|update|import），未写入任何条目`,
        rowIssues([], unresolved, source.columns),
      );
    }

    const now = new Date().toISOString();
    const entries = create.map((r) => ({
      id: newId('faq'),
      question: r.question,
      answer: r.answer,
      similar: r.similar,
      keywords: r.keywords,
      topic: r.topic,
      unitId: r.unitId,
      status: options.publish ? ('published' as const) : ('draft' as const),
      validFrom: null,
      validUntil: null,
      createdBy: user.id,
      now,
    }));
    // 「更新」 writes the row's question, answer and topic over the entry (its unit and status stay);
    // blank 相似问法 and 关键字 keep the entry's own.
    const targets = new Map((await getEntries(db, update.map((r) => actionOf.get(r.row)!.entry!.id))).map((e) => [e.id, e]));
    const changes = update.map((r) => {
      const entry = targets.get(actionOf.get(r.row)!.entry!.id);
      if (!entry) throw notFound('要更新的条目');
      return {
        id: entry.id,
        question: r.question,
        answer: r.answer,
        topic: r.topic,
        similar: r.similar.length ? r.similar : entry.similar,
        keywords: r.keywords.length ? r.keywords : entry.keywords,
      };
    });
    // One batch is one transaction: every row lands together with its index rows, or none does.
    // Updated entries are reindexed by the same statements as PATCH /faq/{id}.
    try {
      await db.batch([
        ...unchangedStatements(db, [...targets.values()]),
        ...insertStatements(db, entries),
        ...updateManyStatements(db, changes, now),
        ...indexStatements(db, [...entries, ...changes]),
      ]);
    } catch (err) {
      const current = await getEntries(db, [...targets.keys()]);
      if (current.some((e) => e.updatedAt !== targets.get(e.id)?.updatedAt)) {
        throw new ApiError('conflict', '导入期间有要更新的条目被他人修改并保存，未写入任何条目，请重新检查后导入');
      }
      throw err;
    }
    embedSoon(c);
    return c.json(
      { ...result, imported: entries.length, updated: changes.length, ids: entries.map((e) => e.id), updatedIds: changes.map((e) => e.id) },
      entries.length ? 201 : 200,
    );
  });
