import { normalizeDocNumber } from '../../shared/policy/doc-number';
import { insertStatements } from '../db/faq';
import { insertInterpretationStatement, insertPolicyStatement, setBasisStatements, validityStatements } from '../db/policies';
import { indexPolicyStatements } from '../db/policy-search';
import { indexStatements } from '../db/search';
import { importDraft } from '../rules/policy-import';
import { DEMO_POLICY_TEXTS } from './demo-policy-texts';

// The five seed documents, published by 清河区's 区政府办公室 with their issuers as printed, each
// with an interpretation written for the demo (fictional 0000-86 numbers), and entries resting
// on them. 002 (the 2021 plan) is repealed by the 2023 points, so the entry resting on it shows 需复核.
const INTERPRETATIONS: Record<string, { title: string; body: string[]; topics: string[] }> = {
  '000': {
    title: '图文解读：今年政务公开重点做什么',
    body: [
      '这份要点说的是：政府要把群众最关心的信息主动、及时地公开出来。',
      '和您关系最密切的是：惠民惠农补贴发给了谁、发了多少，要在村（社区）和网上公开；政策出台时要同时发布解读，让人看得懂。',
      '有疑问可以打区政府办公室政务公开科电话 0000-86000100（工作日 9:00–17:00）。',
    ],
    topics: ['社会救助'],
  },
  '001': {
    title: '一文读懂：政策问答库和政策解答员',
    body: [
      '每个部门至少有一名政策解答员，每个街道有一到两名，姓名和办公电话都会公开。',
      '您在小程序里问的政策问题，能在问答库里找到的会马上给出答案；找不到的会登记交给负责的单位答复。',
      '咨询电话：0000-86000101。',
    ],
    topics: ['社会救助', '就业创业'],
  },
  '002': {
    title: '解读：2021年政务公开工作方案',
    body: ['方案要求各单位通过政府网站、政务新媒体和公开栏公开政府信息，并受理依申请公开。', '咨询电话：0000-86000102。'],
    topics: ['社会救助'],
  },
  '003': {
    title: '解读：政策解读要做到“三同步”',
    body: [
      '“三同步”是指政策文件和它的解读材料同步起草、同步审批、同步发布。',
      '解读可以是文字、图解、视频，也可以是新闻发布会或专家访谈，目的是让群众看得懂、用得上。',
      '咨询电话：0000-86000103。',
    ],
    topics: ['社会救助'],
  },
  '004': {
    title: '解读：政务公开任务分工表怎么看',
    body: ['任务分工表列出每项工作由哪个单位牵头、哪些单位负责、什么时候完成，方便群众监督。', '咨询电话：0000-86000104。'],
    topics: ['投资'],
  },
};

const ENTRIES = [
  {
    id: 'faq_demo_policy_subsidy',
    policy: '000',
    question: '惠民惠农补贴发放情况在哪里能查到？',
    answer: '惠民惠农财政补贴资金的政策名称、发放对象、补贴金额等在村（社区）公开栏和区政府网站「惠民惠农补贴」专栏公开。也可拨打区政府办公室 0000-86000100 咨询。',
    topic: '社会救助',
    similar: ['补贴发给了谁在哪看', '惠农补贴公示在哪里'],
  },
  {
    id: 'faq_demo_policy_answerers',
    policy: '001',
    question: '政策解答员的电话在哪里查？',
    answer: '各部门、街道的政策解答员姓名和办公电话在「政策解答员名录」公开，可在小程序「我的」→「政策解答员名录」查看，按单位或类目找到后可直接拨打。',
    topic: '就业创业',
    similar: ['怎么找到政策解答员'],
  },
  {
    id: 'faq_demo_policy_disclosure',
    policy: '002',
    question: '申请政府信息公开有哪些渠道？',
    answer: '可以通过区政府网站的依申请公开平台在线提交，也可以到区政府办公室政务公开科窗口书面申请，或者信函邮寄。',
    topic: '社会救助',
    similar: ['依申请公开怎么申请'],
  },
];

export const DEMO_POLICY_IDS = Object.keys(DEMO_POLICY_TEXTS).map((k) => `pol_demo_${k}`);

/** Idempotent: policies, interpretations and entries have fixed ids, and present ones are left alone. */
export async function seedDemoPolicies(db: D1Database, now: string): Promise<{ policies: number }> {
  const { results } = await db
    .prepare('SELECT id FROM policies WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(DEMO_POLICY_IDS))
    .all<{ id: string }>();
  const present = new Set(results.map((r) => r.id));
  const today = now.slice(0, 10);
  const statements: D1PreparedStatement[] = [];
  let added = 0;
  const titles = new Map<string, string>();
  for (const [key, text] of Object.entries(DEMO_POLICY_TEXTS)) {
    const id = `pol_demo_${key}`;
    if (present.has(id)) continue;
    added += 1;
    const draft = await importDraft({ bytes: new TextEncoder().encode(text), type: 'text/plain', name: `${key}.txt` });
    titles.set(id, draft.title);
    const about = INTERPRETATIONS[key]!;
    const docKey = draft.docNumber ? normalizeDocNumber(draft.docNumber) : null;
    const fields = {
      title: draft.title,
      docNumber: docKey ?? draft.docNumber,
      docKey,
      unitId: 'u_office',
      issuer: draft.issuer,
      signedDate: draft.signedDate,
      publishedDate: draft.signedDate ?? today,
      effectiveDate: null,
      endDate: null,
      type: draft.type,
      topics: about.topics as never,
      recipients: draft.recipients,
      sections: draft.sections,
      tables: draft.tables,
      attachments: draft.attachments,
      preface: draft.preface ?? null,
    };
    statements.push(
      insertPolicyStatement(db, { ...fields, id, createdBy: 'seed', now }),
      db.prepare("UPDATE policies SET status = 'published', published_at = ?2 WHERE id = ?1").bind(id, now),
      ...indexPolicyStatements(db, { id, ...fields }),
      insertInterpretationStatement(db, {
        id: `itp_demo_${key}`,
        policyId: id,
        form: '文字解读',
        title: about.title,
        body: about.body,
        imageId: null,
        videoUrl: null,
        unitId: 'u_office',
        interpreterName: '李静',
        interpreterTitle: '政务公开科科长',
        contactPhone: `0000-86000${100 + Number(key)}`,
        publishedAt: now,
        createdBy: 'seed',
        now,
      }),
    );
  }
  const entries = ENTRIES.filter((e) => !present.has(`pol_demo_${e.policy}`)).map((e) => ({
    id: e.id,
    question: e.question,
    answer: e.answer,
    similar: e.similar,
    keywords: [],
    topic: e.topic,
    unitId: 'u_office',
    status: 'published' as const,
    validFrom: null,
    validUntil: null,
    createdBy: 'seed',
    now,
  }));
  if (!statements.length) return { policies: 0 };
  const { results: existing } = await db
    .prepare('SELECT id FROM faq_entries WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(entries.map((e) => e.id)))
    .all<{ id: string }>();
  const fresh = entries.filter((e) => !existing.some((x) => x.id === e.id));
  await db.batch([
    ...statements,
    ...insertStatements(db, fresh),
    ...indexStatements(db, fresh),
    ...fresh.flatMap((e) => setBasisStatements(db, e.id, [`pol_demo_${ENTRIES.find((x) => x.id === e.id)!.policy}`])),
  ]);
  if (!present.has('pol_demo_002')) {
    await db.batch(
      validityStatements(db, {
        policyId: 'pol_demo_002',
        title: titles.get('pol_demo_002')!,
        from: '现行有效',
        to: '已废止',
        reason: '已被新的年度政务公开工作要点替代',
        byPolicy: 'pol_demo_001',
        actor: null,
        now,
      }),
    );
  }
  return { policies: added };
}
