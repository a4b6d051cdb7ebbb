import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { shanghaiDay } from '../../shared/calendar/days';
import { normalizeDocNumber } from '../../shared/policy/doc-number';
import {
  ATTACHMENT_TYPES,
  INTERPRETATION_RATE_FLOOR,
  MEDIA_TYPES,
  needsInterpretation,
  POLICY_ATTACHMENT_LIMITS,
  publishBlocker,
} from '../../shared/policy/rules';
import { idParam } from '../../shared/schemas/common';
import {
  attachmentParam,
  attachmentQuery,
  faqBasisInput,
  interpretationInput,
  policyCreateInput,
  policyListQuery,
  policyManageQuery,
  policyPublishInput,
  policyUpdateInput,
  policyValidityInput,
  searchQuery,
  subscriptionInput,
  type Policy,
} from '../../shared/schemas/policy';
import { getEntry } from '../db/faq';
import {
  basisOf,
  clearReview,
  draftInterpretationCount,
  getAttachment,
  getPolicyRow,
  insertAttachment,
  insertInterpretationStatement,
  insertPolicyStatement,
  interpretationCounts,
  listPolicies,
  newRevision,
  publishStatements,
  readPolicy,
  setBasisStatements,
  updatePolicyStatement,
  validityStatements,
  type PolicyFields,
  type PolicyRow,
} from '../db/policies';
import { logMiss } from '../db/kb-gaps';
import { indexPolicyStatements, searchPolicies } from '../db/policy-search';
import { searchFaq } from '../db/search';
import { getActiveUnit, getUnit } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { deliverSoon } from '../jobs/deliver';
import { subscriptionStatements } from '../jobs/policies';
import { assertUnit, canActOnUnit, currentUser, requireRole, signedIn } from '../lib/auth';
import { ApiError, notFound, unknownUnit } from '../lib/errors';
import { newId } from '../lib/ids';
import { semanticOf } from '../lib/semantic';
import { validate } from '../lib/validate';

const staff = requireRole('editor', 'office');
const MAX_JSON = 4 * 1024 * 1024;
const jsonLimit = bodyLimit({
  maxSize: MAX_JSON,
  onError: () => {
    throw new ApiError('payload_too_large', '内容过大：正文和表格合计不能超过 4 MB');
  },
});

/** A policy of a unit the caller acts for: another unit's is a 403, a missing one a 404. */
async function manageablePolicy(db: D1Database, user: SessionUser, id: string): Promise<PolicyRow> {
  const row = await getPolicyRow(db, id);
  if (!row) throw notFound('政策文件');
  assertUnit(user, row.unit_id);
  return row;
}

const editedMeanwhile = () => new ApiError('conflict', '这份文件已被他人修改并保存，请查看最新内容后再改');

/** 文号 as printed (东府办发〔2021〕22号) when it reads as one, else as typed; and its lookup key. */
function docNumberFields(docNumber: string | null | undefined) {
  if (docNumber === undefined) return {};
  const key = docNumber ? normalizeDocNumber(docNumber) : null;
  return { docNumber: key ?? (docNumber || null), docKey: key };
}

async function readBack(db: D1Database, id: string): Promise<Policy> {
  const row = await getPolicyRow(db, id);
  if (!row) throw notFound('政策文件');
  return readPolicy(db, row, false);
}

/** What the public may see of a policy: published only, with published interpretations. */
async function publicPolicy(db: D1Database, id: string): Promise<Policy> {
  const row = await getPolicyRow(db, id);
  if (!row || row.status !== 'published') throw notFound('政策文件');
  return readPolicy(db, row, true);
}

/** The body of an upload: a multipart form's `file`, or the raw body with its Content-Type. */
async function readFile(req: Request, name: string | undefined): Promise<{ bytes: ArrayBuffer; type: string; name: string }> {
  const type = (req.headers.get('Content-Type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new ApiError('bad_request', '表单内容无法读取');
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new ApiError('validation', '请选择要上传的文件', [{ path: 'file', message: '请选择要上传的文件' }]);
    return { bytes: await file.arrayBuffer(), type: file.type.toLowerCase(), name: name ?? file.name };
  }
  if (!name) throw new ApiError('validation', '请给出附件名称（?name=）', [{ path: 'name', message: '附件名称不能为空' }]);
  return { bytes: await req.arrayBuffer(), type: type.split(';')[0]!.trim(), name };
}

const MB = POLICY_ATTACHMENT_LIMITS.bytes / 1024 / 1024;
const fileTooLarge = () => new ApiError('payload_too_large', `附件不能超过 ${MB} MB`);

export const policyRoutes = new Hono<AppEnv>()
  // ---- public ----------------------------------------------------------------------------------
  .get('/search', validate('query', searchQuery), async (c) => {
    const { q, limit, submitted } = c.req.valid('query');
    const [faq, policies] = await Promise.all([
      searchFaq(c.env.DB, q, { limit, today: shanghaiDay(new Date()), semantic: semanticOf(c.env) }),
      searchPolicies(c.env.DB, q, { limit }),
    ]);
    // A policy offered is as close as an answer would be (worker/db/policy-search.ts): found.
    if (submitted && !faq[0]?.confident && !policies.length) logMiss(c, { text: q, reason: 'no_answer', nearEntryId: faq[0]?.id });
    return c.json({ faq, policies });
  })

  .get('/policies/interpretation-rate', requireRole('office'), async (c) => {
    const rows = await interpretationCounts(c.env.DB, currentUser(c).units);
    const rate = (interpreted: number, needing: number) => (needing ? interpreted / needing : null);
    const units = rows
      .filter((r) => r.needing > 0)
      .map((r) => ({
        unitId: r.unit_id,
        unitName: r.unit_name,
        needing: r.needing,
        interpreted: r.interpreted,
        exempted: r.exempted,
        rate: rate(r.interpreted, r.needing),
        meetsFloor: r.interpreted >= r.needing * INTERPRETATION_RATE_FLOOR,
      }));
    const needing = units.reduce((n, u) => n + u.needing, 0);
    const interpreted = units.reduce((n, u) => n + u.interpreted, 0);
    const exempted = units.reduce((n, u) => n + u.exempted, 0);
    return c.json({
      floor: INTERPRETATION_RATE_FLOOR,
      overall: { needing, interpreted, exempted, rate: rate(interpreted, needing), meetsFloor: interpreted >= needing * INTERPRETATION_RATE_FLOOR },
      units,
    });
  })

  .get('/policies', validate('query', policyListQuery), async (c) => {
    const { q, ...query } = c.req.valid('query');
    const ids = q ? (await searchPolicies(c.env.DB, q, { limit: 100 })).map((h) => h.id) : undefined;
    return c.json(await listPolicies(c.env.DB, { ...query, ids, status: 'published', unitIds: null }));
  })

  .get('/policies/:id', validate('param', idParam), async (c) => c.json(await publicPolicy(c.env.DB, c.req.valid('param').id)))

  .get('/policies/:id/attachments/:attachmentId', validate('param', attachmentParam), async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const row = await getPolicyRow(c.env.DB, id);
    const user = c.get('user');
    const mayRead = row && (row.status === 'published' || (user && (user.role === 'editor' || user.role === 'office') && canActOnUnit(user, row.unit_id)));
    if (!mayRead) throw notFound('附件');
    const file = await getAttachment(c.env.DB, id, attachmentId);
    const object = file && (await c.env.FILES.get(file.r2_key));
    if (!file || !object) throw notFound('附件');
    return new Response(object.body, {
      headers: {
        'Content-Type': file.content_type,
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'Cache-Control': row.status === 'published' ? 'public, max-age=3600' : 'private, no-store',
      },
    });
  })

  // ---- staff -----------------------------------------------------------------------------------
  .get('/manage/policies', staff, validate('query', policyManageQuery), async (c) => {
    const user = currentUser(c);
    const { q, ...query } = c.req.valid('query');
    if (query.unitId) assertUnit(user, query.unitId);
    return c.json(await listPolicies(c.env.DB, { ...query, contains: q, unitIds: user.units }));
  })

  .get('/manage/policies/:id', staff, validate('param', idParam), async (c) => {
    const row = await manageablePolicy(c.env.DB, currentUser(c), c.req.valid('param').id);
    return c.json(await readPolicy(c.env.DB, row, false));
  })

  .post('/policies', staff, jsonLimit, validate('json', policyCreateInput), async (c) => {
    const user = currentUser(c);
    const input = c.req.valid('json');
    const unitId = input.unitId ?? user.unitId!;
    assertUnit(user, unitId);
    if (!(await getActiveUnit(c.env.DB, unitId))) throw unknownUnit(unitId);
    const fields: PolicyFields = {
      title: input.title,
      docNumber: null,
      docKey: null,
      ...docNumberFields(input.docNumber ?? null),
      unitId,
      issuer: input.issuer ?? null,
      signedDate: input.signedDate ?? null,
      publishedDate: input.publishedDate ?? null,
      effectiveDate: input.effectiveDate ?? null,
      endDate: input.endDate ?? null,
      type: input.type,
      topics: input.topics,
      recipients: input.recipients,
      sections: input.sections,
      tables: input.tables,
      attachments: input.attachments,
      preface: input.preface ?? null,
    };
    const id = newId('pol');
    await c.env.DB.batch([
      insertPolicyStatement(c.env.DB, { ...fields, id, createdBy: user.id, now: new Date().toISOString() }),
      ...indexPolicyStatements(c.env.DB, { id, ...fields }),
    ]);
    return c.json(await readBack(c.env.DB, id), 201);
  })

  .patch('/policies/:id', staff, jsonLimit, validate('param', idParam), validate('json', policyUpdateInput), async (c) => {
    const { id } = c.req.valid('param');
    const { baseUpdatedAt: base, docNumber, ...input } = c.req.valid('json');
    const row = await manageablePolicy(c.env.DB, currentUser(c), id);
    if (base !== undefined && base !== row.updated_at) throw editedMeanwhile();
    const current = await readPolicy(c.env.DB, row, false);
    const end = input.endDate === undefined ? current.endDate : input.endDate;
    const starts = [input.effectiveDate === undefined ? current.effectiveDate : input.effectiveDate, input.signedDate === undefined ? current.signedDate : input.signedDate];
    if (end && starts.some((d) => d && d > end)) {
      throw new ApiError('validation', '失效日期不能早于成文日期或施行日期', [{ path: 'endDate', message: '失效日期不能早于成文日期或施行日期' }]);
    }
    const changes: Partial<PolicyFields> = { ...input, ...docNumberFields(docNumber) };
    const now = new Date().toISOString();
    const reindex = changes.title !== undefined || changes.sections !== undefined || changes.docNumber !== undefined;
    const merged = { id, title: changes.title ?? current.title, docNumber: changes.docNumber === undefined ? current.docNumber : changes.docNumber, sections: changes.sections ?? current.sections };
    // Guarded in the batch too, so an edit saved between the read above and this batch wins and this one writes nothing.
    const revision = newRevision();
    const [first] = await c.env.DB.batch([
      updatePolicyStatement(c.env.DB, id, changes, now, row.updated_at, revision),
      ...(reindex ? indexPolicyStatements(c.env.DB, merged, revision) : []),
    ]);
    if (first?.meta.changes === 0) throw editedMeanwhile();
    return c.json(await readBack(c.env.DB, id));
  })

  .post('/policies/:id/interpretations', staff, jsonLimit, validate('param', idParam), validate('json', interpretationInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await manageablePolicy(c.env.DB, user, id);
    if (input.publish && row.status !== 'published') {
      throw new ApiError('conflict', '政策尚未发布：解读不能先于政策发布，将随政策一同发布（POST /api/policies/{id}/publish）');
    }
    const unitId = input.unitId ?? row.unit_id;
    const unit = await getUnit(c.env.DB, unitId);
    if (!unit || unit.retired) throw unknownUnit(unitId);
    if (input.imageId) {
      const image = await getAttachment(c.env.DB, id, input.imageId);
      if (!image || image.purpose !== 'media' || !MEDIA_TYPES.includes(image.content_type)) {
        throw new ApiError('validation', '图片不存在：请先以 purpose=media 上传本文件的图片', [{ path: 'imageId', message: '图片不存在' }]);
      }
    }
    const now = new Date();
    const interpretationId = newId('itp');
    await c.env.DB.batch([
      insertInterpretationStatement(c.env.DB, {
        id: interpretationId,
        policyId: id,
        form: input.form,
        title: input.title,
        body: input.body,
        imageId: input.imageId ?? null,
        videoUrl: input.videoUrl ?? null,
        unitId,
        interpreterName: input.interpreterName ?? null,
        interpreterTitle: input.interpreterTitle ?? null,
        contactPhone: input.contactPhone ?? null,
        publishedAt: input.publish ? now.toISOString() : null,
        createdBy: user.id,
        now: now.toISOString(),
      }),
      ...(input.publish ? subscriptionStatements(c.env.DB, now) : []),
    ]);
    if (input.publish) deliverSoon(c);
    const saved = (await readBack(c.env.DB, id)).interpretations.find((i) => i.id === interpretationId);
    return c.json(saved, 201);
  })

  /** 三同步: publishes the policy with its interpretations, or says what is missing. */
  .post('/policies/:id/publish', staff, validate('param', idParam), validate('json', policyPublishInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const { exemption } = c.req.valid('json');
    const db = c.env.DB;
    const row = await manageablePolicy(db, user, id);
    const counts = await draftInterpretationCount(db, id);
    if (exemption && !needsInterpretation(row.type)) {
      throw new ApiError('validation', `${row.type}无需政策解读，不必登记免于解读`, [{ path: 'exemption', message: '此类文件无需登记免于解读' }]);
    }
    const now = new Date();
    if (row.status === 'published') {
      if (!counts.drafts) throw new ApiError('conflict', '这份文件已发布，没有待发布的解读');
    } else {
      const blocker = publishBlocker({ type: row.type, interpretations: counts.drafts + counts.published, exemption: Boolean(exemption) });
      if (blocker) throw new ApiError('conflict', blocker, [{ path: 'interpretations', message: '缺少政策解读' }]);
    }
    const statements = publishStatements(db, {
      id,
      base: row.updated_at,
      now: now.toISOString(),
      today: shanghaiDay(now),
      // An exemption is recorded only where it is what allows publishing.
      exemption: exemption && !counts.drafts ? { reason: exemption.reason, by: user.id } : null,
    });
    const [first] = await db.batch([...(row.status === 'published' ? statements.slice(1) : statements), ...subscriptionStatements(db, now)]);
    if (row.status !== 'published' && first?.meta.changes === 0) throw editedMeanwhile();
    deliverSoon(c);
    return c.json(await readBack(db, id));
  })

  .post('/policies/:id/validity', staff, validate('param', idParam), validate('json', policyValidityInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const { validity, reason, replacedBy } = c.req.valid('json');
    const db = c.env.DB;
    const row = await manageablePolicy(db, user, id);
    if (row.status !== 'published') throw new ApiError('conflict', '草稿尚未发布，没有有效性可变更');
    if (row.validity === validity) throw new ApiError('conflict', `这份文件已是「${validity}」`);
    if (replacedBy) {
      const by = replacedBy === id ? null : await getPolicyRow(db, replacedBy);
      if (validity === '现行有效') {
        throw new ApiError('validation', '恢复为现行有效时不填写 replacedBy', [{ path: 'replacedBy', message: '恢复为现行有效时不填写' }]);
      }
      if (!by || by.status !== 'published') {
        throw new ApiError('validation', '修改或替代它的文件不存在或尚未发布', [{ path: 'replacedBy', message: '文件不存在或尚未发布' }]);
      }
    }
    const [first] = await db.batch(
      validityStatements(db, {
        policyId: id,
        title: row.title,
        from: row.validity,
        to: validity,
        reason,
        byPolicy: replacedBy ?? null,
        actor: { id: user.id, role: user.role },
        now: new Date().toISOString(),
      }),
    );
    if (first?.meta.changes === 0) throw new ApiError('conflict', '这份文件的有效性刚被他人变更，请刷新后再试');
    deliverSoon(c);
    return c.json(await readBack(db, id));
  })

  .post(
    '/policies/:id/attachments',
    staff,
    validate('param', idParam),
    validate('query', attachmentQuery),
    bodyLimit({ maxSize: POLICY_ATTACHMENT_LIMITS.bytes + 64 * 1024, onError: () => { throw fileTooLarge(); } }),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      const { name, purpose } = c.req.valid('query');
      await manageablePolicy(c.env.DB, user, id);
      const file = await readFile(c.req.raw, name);
      if (file.bytes.byteLength > POLICY_ATTACHMENT_LIMITS.bytes) throw fileTooLarge();
      if (!file.bytes.byteLength) throw new ApiError('validation', '文件是空的', [{ path: 'file', message: '文件是空的' }]);
      const allowed = purpose === 'media' ? MEDIA_TYPES : Object.keys(ATTACHMENT_TYPES);
      if (!allowed.includes(file.type)) {
        const names = allowed.map((t) => ATTACHMENT_TYPES[t]).join('、');
        throw new ApiError('unsupported_media_type', `${purpose === 'media' ? '解读图片' : '附件'}只能是 ${names}（Content-Type 为 ${file.type || '空'}）`);
      }
      const attachmentId = newId('att');
      const key = `policies/${id}/${attachmentId}`;
      await c.env.FILES.put(key, file.bytes, { httpMetadata: { contentType: file.type } });
      const saved = await insertAttachment(c.env.DB, {
        id: attachmentId,
        policyId: id,
        purpose,
        name: file.name.slice(0, 200),
        key,
        size: file.bytes.byteLength,
        contentType: file.type,
        by: user.id,
        now: new Date().toISOString(),
      });
      return c.json(saved, 201);
    },
  )

  // ---- the knowledge base resting on policies --------------------------------------------------
  .get('/faq/:id/basis', staff, validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const entry = await getEntry(c.env.DB, id);
    if (!entry) throw notFound('条目');
    assertUnit(currentUser(c), entry.unitId);
    // Drafts too: the editor sees what the entry rests on, residents only the published part.
    return c.json(await basisOf(c.env.DB, id, false));
  })

  .put('/faq/:id/basis', staff, validate('param', idParam), validate('json', faqBasisInput), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const { policyIds } = c.req.valid('json');
    const entry = await getEntry(c.env.DB, id);
    if (!entry) throw notFound('条目');
    assertUnit(user, entry.unitId);
    // A basis is a published policy, or one of the caller's own drafts.
    const rows = await Promise.all(policyIds.map((p) => getPolicyRow(c.env.DB, p)));
    const issues = rows.flatMap((r, i) =>
      r && (r.status === 'published' || canActOnUnit(user, r.unit_id)) ? [] : [{ path: `policyIds.${i}`, message: `政策文件不存在：${policyIds[i]}` }],
    );
    if (issues.length) throw new ApiError('validation', '文件依据中有不存在的政策文件', issues);
    await c.env.DB.batch(setBasisStatements(c.env.DB, id, policyIds));
    return c.json(await basisOf(c.env.DB, id, false));
  })

  .post('/faq/:id/reviewed', staff, validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const entry = await getEntry(c.env.DB, id);
    if (!entry) throw notFound('条目');
    assertUnit(user, entry.unitId);
    if (!(await clearReview(c.env.DB, id))) throw new ApiError('conflict', '这条问答没有待复核的标记');
    return c.json({ reviewed: true });
  })

  // ---- 政策主动推送 ----------------------------------------------------------------------------
  .get('/policy-subscriptions', signedIn, async (c) => {
    const { results } = await c.env.DB.prepare('SELECT kind, value, created_at FROM policy_subscriptions WHERE user_id = ?1 ORDER BY created_at, kind, value')
      .bind(currentUser(c).id)
      .all<{ kind: 'topic' | 'unit'; value: string; created_at: string }>();
    return c.json({ items: results.map((r) => ({ kind: r.kind, value: r.value, createdAt: r.created_at })) });
  })

  .post('/policy-subscriptions', signedIn, validate('json', subscriptionInput), async (c) => {
    const { kind, value } = c.req.valid('json');
    if (kind === 'unit' && !(await getActiveUnit(c.env.DB, value))) {
      throw new ApiError('validation', `单位不存在：${value}`, [{ path: 'value', message: '单位不存在' }]);
    }
    await c.env.DB.prepare('INSERT OR IGNORE INTO policy_subscriptions (user_id, kind, value, created_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(currentUser(c).id, kind, value, new Date().toISOString())
      .run();
    return c.json({ kind, value, subscribed: true }, 201);
  })

  .delete('/policy-subscriptions', signedIn, validate('json', subscriptionInput), async (c) => {
    const { kind, value } = c.req.valid('json');
    await c.env.DB.prepare('DELETE FROM policy_subscriptions WHERE user_id = ?1 AND kind = ?2 AND value = ?3')
      .bind(currentUser(c).id, kind, value)
      .run();
    return c.json({ kind, value, subscribed: false });
  });
