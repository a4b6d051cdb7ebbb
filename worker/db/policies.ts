import type { Topic } from '../../shared/constants';
import { shanghaiDay } from '../../shared/calendar/days';
import type { PolicyType } from '../../shared/policy/constants';
import { basisNotice, isStale, needsInterpretation, NEEDS_INTERPRETATION, type InterpretationForm, type Validity } from '../../shared/policy/rules';
import { PUBLIC_ON } from './faq';
import type {
  FaqBasis,
  Interpretation,
  Policy,
  PolicyAttachment,
  PolicyRef,
  PolicySection,
  PolicySummary,
  PolicyTable,
  ValidityEvent,
} from '../../shared/schemas/policy';

type PolicyRow = {
  id: string;
  title: string;
  doc_number: string | null;
  unit_id: string;
  unit_name: string;
  issuer_name: string | null;
  signed_date: string | null;
  published_date: string | null;
  effective_date: string | null;
  end_date: string | null;
  type: PolicyType;
  topics: string;
  status: 'draft' | 'published';
  validity: Validity;
  sections: string;
  tables: string;
  preface: string | null;
  recipients: string;
  attachment_names: string;
  exemption_reason: string | null;
  exemption_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
};

export type PolicyFields = {
  title: string;
  docNumber: string | null;
  docKey: string | null;
  unitId: string;
  issuer: string | null;
  signedDate: string | null;
  publishedDate: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  type: PolicyType;
  topics: Topic[];
  recipients: string[];
  sections: PolicySection[];
  tables: PolicyTable[];
  attachments: string[];
  preface: { title: string; text: string } | null;
};

const SELECT_POLICY = 'SELECT p.*, u.name AS unit_name FROM policies p JOIN units u ON u.id = p.unit_id';

const toRef = (r: { id: string; title: string; doc_number: string | null; validity: Validity }): PolicyRef => ({
  id: r.id,
  title: r.title,
  docNumber: r.doc_number,
  validity: r.validity,
});

function toSummary(r: PolicyRow): PolicySummary {
  return {
    ...toRef(r),
    type: r.type,
    unitId: r.unit_id,
    unitName: r.unit_name,
    issuer: r.issuer_name,
    signedDate: r.signed_date,
    publishedDate: r.published_date,
    topics: JSON.parse(r.topics) as Topic[],
    status: r.status,
    updatedAt: r.updated_at,
  };
}

/** The policy's row as stored, with its unit's name. */
export async function getPolicyRow(db: D1Database, id: string): Promise<PolicyRow | null> {
  return db.prepare(`${SELECT_POLICY} WHERE p.id = ?1`).bind(id).first<PolicyRow>();
}
export type { PolicyRow };
export const policySummary = toSummary;

const COLUMNS = {
  title: 'title',
  docNumber: 'doc_number',
  docKey: 'doc_key',
  unitId: 'unit_id',
  issuer: 'issuer_name',
  signedDate: 'signed_date',
  publishedDate: 'published_date',
  effectiveDate: 'effective_date',
  endDate: 'end_date',
  type: 'type',
  topics: 'topics',
  recipients: 'recipients',
  sections: 'sections',
  tables: 'tables',
  attachments: 'attachment_names',
  preface: 'preface',
} as const satisfies Record<keyof PolicyFields, string>;

const stored = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

export function insertPolicyStatement(db: D1Database, p: PolicyFields & { id: string; createdBy: string; now: string }) {
  const keys = Object.keys(COLUMNS) as (keyof PolicyFields)[];
  return db
    .prepare(
      `INSERT INTO policies (id, created_by, created_at, updated_at, ${keys.map((k) => COLUMNS[k]).join(', ')})
       VALUES (?1, ?2, ?3, ?3, ${keys.map((_, i) => `?${i + 4}`).join(', ')})`,
    )
    .bind(p.id, p.createdBy, p.now, ...keys.map((k) => stored(p[k]) ?? null));
}

/** A stamp for one guarded write (see the revision column). */
export const newRevision = () => crypto.randomUUID();

/** Applies only while the policy was last saved at `base`; it stamps the policy with `revision`. */
export function updatePolicyStatement(db: D1Database, id: string, changes: Partial<PolicyFields>, now: string, base: string, revision: string) {
  const keys = (Object.keys(changes) as (keyof PolicyFields)[]).filter((k) => changes[k] !== undefined);
  const sets = keys.map((k, i) => `${COLUMNS[k]} = ?${i + 5}`);
  return db
    .prepare(`UPDATE policies SET ${[...sets, 'updated_at = ?2', 'revision = ?4'].join(', ')} WHERE id = ?1 AND updated_at = ?3`)
    .bind(id, now, base, revision, ...keys.map((k) => stored(changes[k]) ?? null));
}

// ---- reading one policy -----------------------------------------------------------------------

type AttachmentRow = { id: string; policy_id: string; purpose: 'attachment' | 'media'; name: string; r2_key: string; size: number; content_type: string };
const toAttachment = (a: AttachmentRow): PolicyAttachment => ({
  id: a.id,
  name: a.name,
  size: a.size,
  contentType: a.content_type,
  purpose: a.purpose,
  url: `/api/policies/${a.policy_id}/attachments/${a.id}`,
});

type InterpretationRow = {
  id: string;
  policy_id: string;
  form: InterpretationForm;
  title: string;
  body: string;
  media_attachment_id: string | null;
  video_url: string | null;
  unit_id: string;
  unit_name: string;
  interpreter_name: string | null;
  interpreter_title: string | null;
  contact_phone: string | null;
  status: 'draft' | 'published';
  published_at: string | null;
};

type EventRow = {
  from_validity: Validity;
  to_validity: Validity;
  reason: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  r_id: string | null;
  r_title: string | null;
  r_doc: string | null;
  r_validity: Validity | null;
  a_id: string | null;
  a_title: string | null;
  a_doc: string | null;
  a_validity: Validity | null;
};

const refOf = (id: string | null, title: string | null, doc: string | null, validity: Validity | null): PolicyRef | null =>
  id && title && validity ? { id, title, docNumber: doc, validity } : null;

/**
 * The whole policy. `publicOnly`: only published interpretations, and the other policies of its
 * history only where they are published.
 */
export async function readPolicy(db: D1Database, row: PolicyRow, publicOnly: boolean): Promise<Policy> {
  const [attachments, interpretations, events, replaces, related] = await db.batch<unknown>([
    db.prepare('SELECT * FROM policy_attachments WHERE policy_id = ?1 ORDER BY created_at, id').bind(row.id),
    db
      .prepare(
        `SELECT i.*, u.name AS unit_name FROM interpretations i JOIN units u ON u.id = i.unit_id
         WHERE i.policy_id = ?1 AND (?2 = 0 OR i.status = 'published') ORDER BY i.created_at, i.id`,
      )
      .bind(row.id, publicOnly ? 1 : 0),
    db
      .prepare(
        `SELECT e.from_validity, e.to_validity, e.reason, e.at, e.actor_id, e.actor_role,
           r.id AS r_id, r.title AS r_title, r.doc_number AS r_doc, r.validity AS r_validity,
           a.id AS a_id, a.title AS a_title, a.doc_number AS a_doc, a.validity AS a_validity
         FROM policy_validity_events e
         LEFT JOIN policies r ON r.id = e.replaced_by AND (?2 = 0 OR r.status = 'published')
         LEFT JOIN policies a ON a.id = e.amended_by AND (?2 = 0 OR a.status = 'published')
         WHERE e.policy_id = ?1 ORDER BY e.id`,
      )
      .bind(row.id, publicOnly ? 1 : 0),
    db
      .prepare(
        `SELECT p.id, p.title, p.doc_number, p.validity, CASE WHEN e.amended_by = ?1 THEN '修改' ELSE '废止' END AS relation
         FROM policy_validity_events e JOIN policies p ON p.id = e.policy_id
         WHERE (e.replaced_by = ?1 OR e.amended_by = ?1) AND (?2 = 0 OR p.status = 'published')
         GROUP BY p.id ORDER BY min(e.id)`,
      )
      .bind(row.id, publicOnly ? 1 : 0),
    // 相关问答: the entries resting on it that residents can read today.
    db
      .prepare(
        `SELECT e.id, e.question, e.topic FROM faq_policy_basis b JOIN faq_entries e ON e.id = b.entry_id
         WHERE b.policy_id = ?2 AND ${PUBLIC_ON} ORDER BY e.views DESC, e.id LIMIT 20`,
      )
      .bind(shanghaiDay(new Date()), row.id),
  ]);
  const files = (attachments!.results as AttachmentRow[]).map(toAttachment);
  const fileById = new Map(files.map((f) => [f.id, f]));
  return {
    ...toSummary(row),
    effectiveDate: row.effective_date,
    endDate: row.end_date,
    recipients: JSON.parse(row.recipients) as string[],
    sections: JSON.parse(row.sections) as PolicySection[],
    tables: JSON.parse(row.tables) as PolicyTable[],
    preface: row.preface ? (JSON.parse(row.preface) as { title: string; text: string }) : null,
    attachmentNames: JSON.parse(row.attachment_names) as string[],
    attachments: files.filter((f) => f.purpose === 'attachment'),
    interpretations: (interpretations!.results as InterpretationRow[]).map(
      (i): Interpretation => ({
        id: i.id,
        policyId: i.policy_id,
        form: i.form,
        title: i.title,
        body: JSON.parse(i.body) as string[],
        image: (i.media_attachment_id && fileById.get(i.media_attachment_id)) || null,
        videoUrl: i.video_url,
        unitId: i.unit_id,
        unitName: i.unit_name,
        interpreterName: i.interpreter_name,
        interpreterTitle: i.interpreter_title,
        contactPhone: i.contact_phone,
        status: i.status,
        publishedAt: i.published_at,
      }),
    ),
    exemption: row.exemption_reason && row.exemption_at ? { reason: row.exemption_reason, at: row.exemption_at } : null,
    publishedAt: row.published_at,
    history: (events!.results as EventRow[]).map(
      (e): ValidityEvent => ({
        from: e.from_validity,
        to: e.to_validity,
        reason: e.reason,
        replacedBy: refOf(e.r_id, e.r_title, e.r_doc, e.r_validity),
        amendedBy: refOf(e.a_id, e.a_title, e.a_doc, e.a_validity),
        at: e.at,
        actor: e.actor_id && e.actor_role ? { id: e.actor_id, role: e.actor_role } : null,
      }),
    ),
    replaces: (replaces!.results as (Parameters<typeof toRef>[0] & { relation: '修改' | '废止' })[]).map((r) => ({
      ...toRef(r),
      relation: r.relation,
    })),
    relatedEntries: related!.results as Policy['relatedEntries'],
    createdAt: row.created_at,
  };
}

// ---- lists ------------------------------------------------------------------------------------

export type PolicyFilter = {
  topic?: string;
  unitId?: string;
  type?: string;
  validity?: string;
  year?: number;
  status?: 'draft' | 'published';
  /** Only these units (a manager's); null: every unit. */
  unitIds: readonly string[] | null;
  /** Only these policies, in this order (a search's hits). */
  ids?: string[];
  /** Title or 文号 containing this text (staff lists). */
  contains?: string;
  limit: number;
  offset: number;
};

export async function listPolicies(db: D1Database, f: PolicyFilter): Promise<{ items: PolicySummary[]; total: number }> {
  const where = `WHERE (?1 IS NULL OR p.unit_id IN (SELECT value FROM json_each(?1)))
    AND (?2 IS NULL OR p.status = ?2)
    AND (?3 IS NULL OR ?3 IN (SELECT value FROM json_each(p.topics)))
    AND (?4 IS NULL OR p.unit_id = ?4)
    AND (?5 IS NULL OR p.type = ?5)
    AND (?6 IS NULL OR p.validity = ?6)
    AND (?7 IS NULL OR substr(coalesce(p.signed_date, p.published_date, p.published_at), 1, 4) = ?7)
    AND (?8 IS NULL OR p.id IN (SELECT value FROM json_each(?8)))
    AND (?9 IS NULL OR instr(p.title, ?9) > 0 OR instr(coalesce(p.doc_number, ''), ?9) > 0)`;
  const args = [
    f.unitIds ? JSON.stringify(f.unitIds) : null,
    f.status ?? null,
    f.topic ?? null,
    f.unitId ?? null,
    f.type ?? null,
    f.validity ?? null,
    f.year ? String(f.year) : null,
    f.ids ? JSON.stringify(f.ids) : null,
    f.contains ?? null,
  ];
  // A search's order is its rank; otherwise the newest first.
  const order = f.ids
    ? '(SELECT key FROM json_each(?8) WHERE value = p.id)'
    : 'coalesce(p.published_date, p.signed_date, substr(p.published_at, 1, 10)) DESC, p.updated_at DESC, p.id';
  const [rows, count] = await db.batch<unknown>([
    db.prepare(`${SELECT_POLICY} ${where} ORDER BY ${order} LIMIT ?10 OFFSET ?11`).bind(...args, f.limit, f.offset),
    db.prepare(`SELECT COUNT(*) AS total FROM policies p ${where}`).bind(...args),
  ]);
  return {
    items: (rows!.results as PolicyRow[]).map(toSummary),
    total: (count!.results[0] as { total: number }).total,
  };
}

// ---- interpretations and publishing -----------------------------------------------------------

export type NewInterpretation = {
  id: string;
  policyId: string;
  form: InterpretationForm;
  title: string;
  body: string[];
  imageId: string | null;
  videoUrl: string | null;
  unitId: string;
  interpreterName: string | null;
  interpreterTitle: string | null;
  contactPhone: string | null;
  publishedAt: string | null;
  createdBy: string;
  now: string;
};

export function insertInterpretationStatement(db: D1Database, i: NewInterpretation) {
  return db
    .prepare(
      `INSERT INTO interpretations (id, policy_id, form, title, body, media_attachment_id, video_url, unit_id,
         interpreter_name, interpreter_title, contact_phone, status, published_at, created_by, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CASE WHEN ?12 IS NULL THEN 'draft' ELSE 'published' END, ?12, ?13, ?14, ?14)`,
    )
    .bind(
      i.id, i.policyId, i.form, i.title, JSON.stringify(i.body), i.imageId, i.videoUrl, i.unitId,
      i.interpreterName, i.interpreterTitle, i.contactPhone, i.publishedAt, i.createdBy, i.now,
    );
}

export async function draftInterpretationCount(db: D1Database, policyId: string): Promise<{ drafts: number; published: number }> {
  const row = await db
    .prepare(
      `SELECT COALESCE(SUM(status = 'draft'), 0) AS drafts, COALESCE(SUM(status = 'published'), 0) AS published
       FROM interpretations WHERE policy_id = ?1`,
    )
    .bind(policyId)
    .first<{ drafts: number; published: number }>();
  return row ?? { drafts: 0, published: 0 };
}

/**
 * Publishes the policy (if still a draft saved at `base`) and every draft interpretation of it,
 * in one batch; the first statement's change count says whether the policy was published.
 */
export function publishStatements(
  db: D1Database,
  p: { id: string; base: string; now: string; today: string; exemption: { reason: string; by: string } | null },
) {
  return [
    db
      .prepare(
        `UPDATE policies SET status = 'published', published_at = ?2, updated_at = ?2,
           published_date = COALESCE(published_date, ?4),
           exemption_reason = ?5, exemption_by = ?6, exemption_at = CASE WHEN ?5 IS NULL THEN NULL ELSE ?2 END
         WHERE id = ?1 AND status = 'draft' AND updated_at = ?3`,
      )
      .bind(p.id, p.now, p.base, p.today, p.exemption?.reason ?? null, p.exemption?.by ?? null),
    db
      .prepare(
        `UPDATE interpretations SET status = 'published', published_at = ?2, updated_at = ?2
         WHERE policy_id = ?1 AND status = 'draft' AND EXISTS (SELECT 1 FROM policies WHERE id = ?1 AND status = 'published')`,
      )
      .bind(p.id, p.now),
  ];
}

// ---- validity and the knowledge base resting on it ----------------------------------------------

export type ValidityChange = {
  policyId: string;
  title: string;
  from: Validity;
  to: Validity;
  reason: string;
  byPolicy: string | null;
  actor: { id: string; role: string } | null;
  now: string;
};

/**
 * One validity change as one batch: the guarded update (it applies only while the policy still has
 * `from`), its event, and for a change to 已修改/已废止/已失效 the 需复核 flag on every entry
 * resting on it with a notice to each of that entry's unit's editors. Each statement after the
 * first runs only if the first did, so a change that loses a race writes nothing, and a notice is
 * keyed by entry, policy and state so no run sends it twice.
 */
export function validityStatements(db: D1Database, v: ValidityChange): D1PreparedStatement[] {
  // The policy carries this batch's own stamp only if this batch's update applied.
  const revision = newRevision();
  const applied = `EXISTS (SELECT 1 FROM policies WHERE id = ?1 AND validity = ?2 AND revision = '${revision}')`;
  const statements = [
    db
      .prepare('UPDATE policies SET validity = ?3, updated_at = ?4, revision = ?5 WHERE id = ?1 AND validity = ?2')
      .bind(v.policyId, v.from, v.to, v.now, revision),
    db
      .prepare(
        `INSERT INTO policy_validity_events (policy_id, from_validity, to_validity, reason, replaced_by, amended_by, actor_id, actor_role, at)
         SELECT ?1, ?4, ?2, ?5, CASE WHEN ?2 = '已修改' THEN NULL ELSE ?6 END, CASE WHEN ?2 = '已修改' THEN ?6 ELSE NULL END, ?7, ?8, ?3
         WHERE ${applied}`,
      )
      .bind(v.policyId, v.to, v.now, v.from, v.reason, v.byPolicy, v.actor?.id ?? null, v.actor?.role ?? null),
  ];
  if (!isStale(v.to)) return statements;
  const reason = `依据文件《${v.title}》${v.to}：${v.reason}`.slice(0, 600);
  return [
    ...statements,
    db
      .prepare(
        `INSERT OR IGNORE INTO outbox (dedupe_key, user_id, inquiry_id, kind, title, body, created_at, next_attempt_at)
         SELECT 'review:' || e.id || ':' || ?1 || ':' || ?2 || ':' || u.id, u.id, NULL, 'faq_review', '问答需复核',
           '「' || e.question || '」的依据文件《' || ?4 || '》' || ?2 || '，请复核答复。', ?3, ?3
         FROM faq_policy_basis b JOIN faq_entries e ON e.id = b.entry_id
         JOIN users u ON u.unit_id = e.unit_id AND u.role = 'editor' AND u.status = 'active'
         WHERE b.policy_id = ?1 AND e.status <> 'retired' AND ${applied}`,
      )
      .bind(v.policyId, v.to, v.now, v.title),
    db
      .prepare(
        `UPDATE faq_entries SET review_flagged_at = ?3, review_reason = ?4, review_policy_id = ?1
         WHERE id IN (SELECT entry_id FROM faq_policy_basis WHERE policy_id = ?1) AND status <> 'retired' AND ${applied}`,
      )
      .bind(v.policyId, v.to, v.now, reason),
  ];
}

/** Published policies in force whose end date is before `today`: the cron marks them 已失效. */
export async function expiredPolicies(db: D1Database, today: string): Promise<{ id: string; title: string; end_date: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, title, end_date FROM policies
       WHERE end_date IS NOT NULL AND end_date < ?1 AND status = 'published' AND validity = '现行有效' ORDER BY end_date LIMIT 200`,
    )
    .bind(today)
    .all<{ id: string; title: string; end_date: string }>();
  return results;
}

// ---- 文件依据 ---------------------------------------------------------------------------------

export function setBasisStatements(db: D1Database, entryId: string, policyIds: string[]) {
  return [
    db.prepare('DELETE FROM faq_policy_basis WHERE entry_id = ?1').bind(entryId),
    db
      .prepare('INSERT INTO faq_policy_basis (entry_id, policy_id) SELECT ?1, value FROM json_each(?2)')
      .bind(entryId, JSON.stringify([...new Set(policyIds)])),
  ];
}

/** An entry's 文件依据 (`publicOnly`: only published policies) and its 需复核 notice, if flagged. */
export async function basisOf(db: D1Database, entryId: string, publicOnly: boolean): Promise<FaqBasis & { review: { flaggedAt: string; reason: string; policyId: string | null } | null }> {
  const [basis, flag] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT p.id, p.title, p.doc_number, p.validity FROM faq_policy_basis b JOIN policies p ON p.id = b.policy_id
         WHERE b.entry_id = ?1 AND (?2 = 0 OR p.status = 'published') ORDER BY coalesce(p.signed_date, p.created_at), p.id`,
      )
      .bind(entryId, publicOnly ? 1 : 0),
    db
      .prepare(
        `SELECT e.review_flagged_at, e.review_reason, e.review_policy_id, p.validity FROM faq_entries e
         LEFT JOIN policies p ON p.id = e.review_policy_id WHERE e.id = ?1`,
      )
      .bind(entryId),
  ]);
  const f = flag!.results[0] as { review_flagged_at: string | null; review_reason: string | null; review_policy_id: string | null; validity: Validity | null } | undefined;
  const flagged = f?.review_flagged_at ? f : null;
  return {
    basis: (basis!.results as Parameters<typeof toRef>[0][]).map(toRef),
    basisNotice: flagged ? (flagged.validity && isStale(flagged.validity) ? basisNotice(flagged.validity) : '依据文件有变化，答复可能已过时') : null,
    review: flagged ? { flaggedAt: flagged.review_flagged_at!, reason: flagged.review_reason ?? '', policyId: flagged.review_policy_id } : null,
  };
}

export async function clearReview(db: D1Database, entryId: string): Promise<boolean> {
  const r = await db
    .prepare('UPDATE faq_entries SET review_flagged_at = NULL, review_reason = NULL, review_policy_id = NULL WHERE id = ?1 AND review_flagged_at IS NOT NULL')
    .bind(entryId)
    .run();
  return r.meta.changes === 1;
}

// ---- attachments --------------------------------------------------------------------------------

export async function getAttachment(db: D1Database, policyId: string, id: string): Promise<AttachmentRow | null> {
  return db.prepare('SELECT * FROM policy_attachments WHERE id = ?1 AND policy_id = ?2').bind(id, policyId).first<AttachmentRow>();
}

export async function insertAttachment(
  db: D1Database,
  a: { id: string; policyId: string; purpose: 'attachment' | 'media'; name: string; key: string; size: number; contentType: string; by: string; now: string },
): Promise<PolicyAttachment> {
  await db
    .prepare(
      `INSERT INTO policy_attachments (id, policy_id, purpose, name, r2_key, size, content_type, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(a.id, a.policyId, a.purpose, a.name, a.key, a.size, a.contentType, a.by, a.now)
    .run();
  return toAttachment({ id: a.id, policy_id: a.policyId, purpose: a.purpose, name: a.name, r2_key: a.key, size: a.size, content_type: a.contentType });
}

// ---- the interpretation rate ------------------------------------------------------------------

/** Published policies that need an interpretation, per unit of `unitIds`: how many have a published one, how many were exempted. */
export async function interpretationCounts(db: D1Database, unitIds: readonly string[]) {
  const { results } = await db
    .prepare(
      `SELECT u.id AS unit_id, u.name AS unit_name, COUNT(p.id) AS needing,
         COALESCE(SUM(EXISTS (SELECT 1 FROM interpretations i WHERE i.policy_id = p.id AND i.status = 'published')), 0) AS interpreted,
         COALESCE(SUM(p.exemption_reason IS NOT NULL), 0) AS exempted
       FROM units u LEFT JOIN policies p ON p.unit_id = u.id AND p.status = 'published'
         AND p.type IN (SELECT value FROM json_each(?2))
       WHERE u.id IN (SELECT value FROM json_each(?1))
       GROUP BY u.id ORDER BY u.sort, u.name`,
    )
    .bind(JSON.stringify(unitIds), JSON.stringify(NEEDS_INTERPRETATION))
    .all<{ unit_id: string; unit_name: string; needing: number; interpreted: number; exempted: number }>();
  return results;
}

export { needsInterpretation };
