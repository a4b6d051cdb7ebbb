/// <reference types="vite/client" />
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_IMPORT_LIMITS } from '../../shared/policy/constants';
import { normalizeDocNumber, parseDocNumber } from '../../shared/policy/doc-number';
import { policyDraft, type PolicyDraft } from '../../shared/schemas/policy';
import worker from '../../worker/index';
import { pdfPageBlocks, type Run, type Segment } from '../../worker/rules/policy-import/pdf-layout';
import { guessType } from '../../worker/rules/policy-import/type';
import { docxOf, documentOf } from '../fixtures/policy-documents';
import { expectError, login, type Json } from './helpers';

// The five seed documents as pasted text, their PDFs (scripts/make-policy-fixtures.mjs) and, built
// here in workerd, their .docx: all three paths of the importer on the same documents.
const texts = import.meta.glob<string>('../fixtures/seeds/*.txt', { query: '?raw', import: 'default', eager: true });
const pdfUrls = import.meta.glob<string>('../fixtures/seeds/*.pdf', { query: '?inline', import: 'default', eager: true });
const seedText = (id: string) => Object.entries(texts).find(([p]) => p.includes(`/${id}_`))![1];
const seedPdf = (id: string) => {
  const url = Object.entries(pdfUrls).find(([p]) => p.includes(`/${id}_`))![1];
  return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** POST /api/policies/import through the worker's real fetch handler. */
async function importRequest(body: BodyInit | undefined, { token, type }: { token?: string; type?: string } = {}) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (type) headers['Content-Type'] = type;
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request('http://127.0.0.1/api/policies/import', { method: 'POST', headers, body }), env, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
}

const form = (file: Blob | string, name?: string) => {
  const f = new FormData();
  if (typeof file === 'string') f.set('file', file);
  else f.set('file', file, name);
  return f;
};

let editor: string;
beforeAll(async () => {
  editor = await login('editor', 'u_t_rsj');
});

async function draftOf(body: BodyInit, type?: string): Promise<PolicyDraft> {
  const res = await importRequest(body, { token: editor, type });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return policyDraft.parse(res.body.draft);
}

// ---- what each seed document holds, read off the documents themselves ------------------------

type Expected = {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  signedDate: string;
  recipients: string[];
  preface: string;
  headings: [number, string][];
  /** Passages that must come out whole (joined across page breaks, without markdown debris). */
  texts: [heading: string, includes: string][];
  /** Website chrome and other articles that must be gone. */
  absent: string[];
};

const EXPECTED: Record<string, Expected> = {
  '000': {
    title: '2022年昌江区政务公开工作要点',
    docNumber: '昌府办字〔2022〕21号',
    issuer: null, // the page prints no 发文机关署名 and no 发文机关标志
    signedDate: '2022-08-26',
    recipients: ['各乡（镇）人民政府', '街道办事处', '区政府各部门', '区直各单位'],
    preface: '关于印发《2022年昌江区政务公开工作要点》的通知',
    headings: [
      [0, ''],
      [1, '一、以信息公开服务双“一号”工程'],
      [2, '（一）围绕发展数字经济,做好信息公开'],
      [2, '（二）围绕优化营商环境,做好信息公开'],
      [2, '（三）围绕扩大有效投资,做好信息公开'],
      [1, '二、做好重点领域信息公开,促进社会和谐稳定'],
      [2, '（四）做好疫情防控的信息公开'],
      [2, '（五）做好重点领域的信息公开'],
      [1, '三、推进标准化和规范化建设,夯实基层工作基础'],
      [2, '（六）推进基层政务公开标准化规范化建设'],
      [2, '（七）切实提升涉农领域信息公开水平'],
      [2, '（八）加快完善网站媒体政务公开功能'],
      [1, '四、加强政策公开,提升政务公开服务水平'],
      [2, '（九）加强重大决策事项公开'],
      [2, '（十）加强规章制度集中公开'],
      [2, '（十一）加强重点文件宣传解读'],
      [2, '（十二）拓展政策公开线下渠道'],
      [2, '（十三）及时回应群众关切'],
      [1, '五、层层压实责任,形成政务公开强大合力'],
      [2, '（十四）加强统筹协调'],
      [2, '（十五）持续改进作风'],
      [2, '（十六）抓好贯彻落实'],
    ],
    texts: [
      ['', '2022年是党的二十大召开之年'],
      ['（十三）及时回应群众关切', '答复期限不超过5个工作日,简单问题在3个工作日内完成答复。'],
      ['（十六）抓好贯彻落实', '对工作落实不到位的单位,予以通报批评或约谈整改。'],
    ],
    // The page goes on with three news items of the district government's meetings.
    absent: ['区政府第11次常务会议召开', '伊文斌主持', '第13次常务会', '会议还研究了其他事项'],
  },
  '001': {
    title: '2023年浔阳区政务公开工作要点',
    docNumber: null, // the notice has none
    issuer: '浔阳区人民政府办公室',
    signedDate: '2023-09-04',
    recipients: ['各街道办事处', '区政府各部门'],
    preface: '关于印发《2023年浔阳区政务公开工作要点》通知',
    headings: [
      [0, ''],
      [1, '一、紧扣工作重点,加强主动公开'],
      [2, '（一）做好重大战略部署落实情况信息公开'],
      [2, '（二）做好优化营商环境信息公开'],
      [2, '（三）深入推进财政信息公开'],
      [2, '（四）做好重点民生领域信息公开'],
      [1, '二、紧扣政策落地见效强化解读回应'],
      [2, '（五）提高政策解读实效'],
      [2, '（六）丰富政策解读形式'],
      [2, '（七）增强回应关切效果'],
      [2, '（八）切实加强政务信息管理'],
      [1, '三、夯实工作基础,推动规范公开'],
      [2, '（九）持续推进基层政务公开标准化规范化建设'],
      [2, '（十）持续推进政务开放参与'],
      [2, '（十一）依法稳妥做好依申请公开'],
      [2, '（十二）规范政府网站与政务新媒体建设管理'],
      [2, '（十三）办好政务公开专区'],
      [1, '四、强化监督保障,推动工作落实'],
      [2, '（十四）强化组织领导'],
      [2, '（十五）加强业务指导'],
      [2, '（十六）狠抓工作落实'],
    ],
    texts: [
      ['（六）丰富政策解读形式', '建设“政策问答知识库”特色专栏'],
      ['（六）丰富政策解读形式', '区直各部门至少确定1名政策解答员,各街道至少安排1-2名政策解答员'],
      ['（十六）狠抓工作落实', '要将本要点落实情况纳入政府信息公开工作年度报告予以公开,接受社会监督。'],
    ],
    absent: ['扫一扫在手机打开当前页', '政务资讯', '走进浔阳', '浔阳区人民政府办公室'],
  },
  '002': {
    title: '2021年东湖区政务公开工作方案',
    docNumber: '东府办发〔2021〕22号',
    issuer: '南昌市东湖区人民政府办公室',
    signedDate: '2021-07-09',
    recipients: ['扬子洲镇', '各街办（管理处）', '区政府各部门', '区直各单位'],
    preface: '东湖区人民政府办公室关于印发2021年东湖区政务公开工作方案的通知',
    headings: [
      [0, ''],
      [1, '一、加强重点领域政府信息公开'],
      [5, '一是做好各类规划领域信息公开'],
      [5, '二是做好市场监管领域信息公开'],
      [5, '三是做好生态环境领域信息公开'],
      [5, '四是做好财政资金领域信息公开'],
      [5, '五是做好新冠肺炎疫情防控信息公开'],
      [5, '六是做好重大建设项目全链条公开'],
      [1, '二、加强重大行政决策全过程公开'],
      [5, '一是做好重大行政决策公开'],
      [5, '二是建立完善社会公众代表参与机制'],
      [5, '三是建立健全政策解读工作机制'],
      [5, '四是增强回应社会关切效果'],
      [1, '三、持续完善政务公开标准建设'],
      [5, '一是强化政务公开平台建设'],
      [5, '二是推行标准化规范化成果应用'],
      [5, '三是提升政务公开专区建设'],
      [5, '四是推进标准化规范化工作向村居和公共企事业单位延伸'],
      [1, '四、持续健全政务公开制度规范'],
      [5, '一是做好政务信息管理工作'],
      [5, '二是规范法定公开内容'],
      [5, '三是规范依申请公开办理'],
      [1, '五、持续强化工作保障体系建设'],
      [5, '一是加强组织协调'],
      [5, '二是加强培训指导'],
      [5, '三是加强监督检查'],
    ],
    texts: [
      ['二是建立完善社会公众代表参与机制', '邀请“两代表一委员”、专家学者、企业家代表'],
      ['二是推行标准化规范化成果应用', '方便公众通过标准目录进行信息检索和查阅。（责任单位：'],
      ['三是规范依申请公开办理', '正确适用《政府信息公开信息处理费管理办法》，在本单位政府信息公开指南中列明收费要求和标准'],
      ['四是增强回应社会关切效果', '统筹12345政府服务热线'],
      ['三是加强监督检查', '评价结果作为评估政务公开工作实绩的重要参考。\n区政府各部门、各街办（镇、处）要根据本工作方案'],
    ],
    absent: ['（此件主动公开）', '南昌市东湖区人民政府办公室文件'],
  },
  '003': {
    title: '2023年南昌市政务公开工作要点',
    docNumber: '洪府公开办字〔2023〕1号',
    issuer: '南昌市人民政府政务公开办公室',
    signedDate: '2023-07-17', // only the 印发日期 is printed
    recipients: ['各县（区）人民政府', '开发区管委会', '湾里管理局', '市政府各部门'],
    preface: '南昌市人民政府政务公开办公室关于印发2023年南昌市政务公开工作要点的通知',
    headings: [
      [0, ''],
      [1, '一、持续推进主动公开'],
      [2, '（一）深化重大战略部署信息公开'],
      [2, '（二）深化优化营商环境信息公开'],
      [2, '（三）深化财政信息公开'],
      [2, '（四）深化民生领域信息公开'],
      [1, '二、持续加强互动效果'],
      [2, '（五）增强政策解读实效'],
      [2, '（六）提升回应关切成效'],
      [2, '（七）加大政民互动力度'],
      [2, '（八）优化依申请公开办理'],
      [1, '三、持续完善标准化规范化建设'],
      [2, '（九）加强基层政务公开标准化规范化建设'],
      [2, '（十）推进基层政务公开向农村和社区延伸'],
      [2, '（十一）规范政务信息管理'],
      [2, '（十二）完善政务信息平台建设'],
      [1, '四、持续深化监督保障工作'],
      [2, '（十三）强化组织领导'],
      [2, '（十四）深入调查研究'],
      [2, '（十五）狠抓工作落实'],
    ],
    texts: [
      ['', '2023年全市政务公开工作的总体要求是'],
      ['（一）深化重大战略部署信息公开', '市文广新旅局、市卫健委、市应急局、市国资委'],
      ['（四）深化民生领域信息公开', '社会福利等各项政策落实信息收集发布。'],
      ['（七）加大政民互动力度', '邀请企业和群众走进政府机构'],
      ['（九）加强基层政务公开标准化规范化建设', '县（区）和乡镇（街道)名单的单位'],
      ['（十二）完善政务信息平台建设', '[责任单位：市政府各部门、各县（区）人民政府、开发区管委会，湾里管理局]'],
    ],
    absent: ['**', '2023年7月17日印发', '南昌市人民政府政务公开办公室'],
  },
  '004': {
    title: '重庆市江津区人民政府办公室贯彻落实国务院办公厅2022年政务公开工作要点任务分工',
    docNumber: '江津府办发〔2022〕97号',
    issuer: '重庆市江津区人民政府办公室',
    signedDate: '2022-06-20',
    recipients: ['各镇人民政府', '街道办事处', '区政府各部门', '有关单位'],
    preface: '重庆市江津区人民政府办公室关于印发江津区2022年政务公开工作要点任务分工的通知',
    // The document the notice issues is its 附件, the task table.
    headings: [],
    texts: [],
    absent: [],
  },
};

// 004's 任务分工: 工作任务 (the 一、 level as a row of its own), the beginning of 贯彻举措,
// 牵头单位, 责任单位, 完成时限; under one task an empty cell repeats the merged cell above.
const TASKS_004: string[][] = [
  ['工作任务', '贯彻举措', '牵头单位', '责任单位', '完成时限'],
  ['一、以公开助力经济平稳健康发展', '', '', '', ''],
  ['（一）加强涉及市场主体的信息公开。', '切实做好政策性文件', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（一）加强涉及市场主体的信息公开。', '落实重大行政决策预', '区政府办公室、区司法局', '区政府各部门', '长期开展'],
  ['（一）加强涉及市场主体的信息公开。', '公开关于2022年国', '区发展改革委', '—', '2023年4月底前'],
  ['（一）加强涉及市场主体的信息公开。', '公开优化营商环境、', '江津区优化营商环境工作领导小组办公室', '区政府有关部门', '每月底前'],
  ['（一）加强涉及市场主体的信息公开。', '加大受疫情影响重的', '区发展改革委', '区商务委、区文化旅游委、区交通局', '每月底前'],
  ['（一）加强涉及市场主体的信息公开。', '依托现有政民互动渠', '区发展改革委、区住房城乡建委', '—', '2022年7月底前'],
  ['（一）加强涉及市场主体的信息公开。', '公开反垄断和反不正', '江津区市场监管局', '—', '2022年11月底前'],
  ['（二）加强涉及减税降费的信息公开。', '公开2022年度税费', '区财政局', '—', '2022年11月底前'],
  ['（二）加强涉及减税降费的信息公开。', '在区政府门户网站首', '区政务服务办', '—', '2022年6月底前'],
  ['（三）加强涉及扩大有效投资的信息公开。', '认真贯彻落实中央经', '区发展改革委', '—', '2022年11月底前'],
  ['（三）加强涉及扩大有效投资的信息公开。', '公开江津区2022年', '区发展改革委', '—', '2022年5月底前'],
  ['二、以公开助力保持社会和谐稳定', '', '', '', ''],
  ['（四）持续做好疫情防控信息公开。', '1．严格执行疫情防控', '区卫生健康委、区政府新闻办', '区疫情防控工作领导小组成员单位', '长期开展'],
  ['（四）持续做好疫情防控信息公开。', '制定流调信息发布规', '区卫生健康委', '区委政法委、区公安局、区民政局、江津区市场监管局、区大数据发展局、区商务委', '长期开展'],
  ['（四）持续做好疫情防控信息公开。', '按照流调信息发布规', '区卫生健康委', '区委政法委、区公安局、区民政局、江津区市场监管局、区大数据发展局、区商务委', '长期开展'],
  ['（五）强化稳就业保就业信息公开。', '1．汇总公开本级政府', '区人力社保局', '各镇（街道）、区政府各部门', '2022年11月底前'],
  ['（六）推进公共企事业单位信息公开。', '全面梳理并公开本区', '区政府办公室、区政务服务办', '区教委、区卫生健康委、区城市管理局、区经济信息委、区生态环境局、区交通局', '2022年10月底前'],
  ['三、提高政策公开质量', '', '', '', ''],
  ['（七）深化行政法规和规章集中公开。', '将中国政府法制信息', '区政府办公室、区司法局', '区政务服务办', '2022年6月底前'],
  ['（八）开展行政规范性文件集中公开。', '1.按照全市统一的行', '区司法局', '—', '长期开展'],
  ['（八）开展行政规范性文件集中公开。', '1．新增行政规范性文', '区司法局', '各镇（街道）、区政府各部门', '2022年12月底之前'],
  ['（八）开展行政规范性文件集中公开。', '全面清理区政府各部', '区司法局', '各镇（街道）、区政府各部门', '2022年12月底之前'],
  ['（九）加强政策集中公开成果运用。', '区政府办公室要加强', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（九）加强政策集中公开成果运用。', '在探索全市政策文件', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十）优化政策咨询服务。', '1.加大政策咨询窗口', '区政府办公室、区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十）优化政策咨询服务。', '3.发挥“政策咨询问', '区政府办公室、区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['四、夯实公开工作基础', '', '', '', ''],
  ['（十一）规范执行政府信息公开制度。', '1．在公开工作中增强', '各镇（街道）、区政府各部门', '—', '长期开展'],
  ['（十一）规范执行政府信息公开制度。', '认真执行政府信息公', '区司法局', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十一）规范执行政府信息公开制度。', '持续规范政府信息公', '区司法局', '—', '长期开展'],
  ['（十二）科学合理确定公开方式。', '制定机关内部公文公', '区政府办公室、区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十三）加强公开平台建设。', '1．严格落实网络意识', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十四）扎实推进基层政务公开。', '认真落实各领域基层', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '2022年12月底前'],
  ['（十四）扎实推进基层政务公开。', '编制本机关政府信息', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '2022年6月底前'],
  ['（十四）扎实推进基层政务公开。', '1.及时公开惠民惠农', '区财政局', '各镇（街道）、区农业农村委', '2022年12月底前'],
  ['（十四）扎实推进基层政务公开。', '以公开促服务，更好', '区政府办公室、区民政局', '各镇（街道）、区政务服务办', '长期开展'],
  ['（十四）扎实推进基层政务公开。', '抓好政务公开专区提', '区政务服务办', '各政务服务场所', '长期开展'],
  ['五、强化工作指导监督', '', '', '', ''],
  ['（十五）严格落实主体责任。', '1．按照“谁起草、谁', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十五）严格落实主体责任。', '严格落实涉事部门政', '区委网信办、区政府新闻办', '各镇（街道）、区政府各部门', '长期开展'],
  ['（十六）有效改进工作作风。', '不定期开展政务公开', '区政府办公室\n区政务服务办', '各镇（街道）、区政府各部门', '2023年3月底前'],
  ['（十七）认真抓好工作落实。', '1．对照《任务分工》', '区政府办公室、区政务服务办', '各镇（街道）、区政府各部门', '长期开展'],
];

function expectSeed(id: string, draft: PolicyDraft) {
  const e = EXPECTED[id]!;
  expect({
    title: draft.title,
    docNumber: draft.docNumber,
    issuer: draft.issuer,
    signedDate: draft.signedDate,
    type: draft.type,
    recipients: draft.recipients,
    preface: draft.preface?.title,
    attachments: draft.attachments,
  }).toEqual({
    title: e.title,
    docNumber: e.docNumber,
    issuer: e.issuer,
    signedDate: e.signedDate,
    type: '工作方案·要点',
    recipients: e.recipients,
    preface: e.preface,
    attachments: [],
  });
  expect(draft.sections.map((s) => [s.level, s.heading])).toEqual(e.headings);
  for (const [heading, passage] of e.texts) expect(draft.sections.find((s) => s.heading === heading)?.text).toContain(passage);
  const body = JSON.stringify([draft.title, draft.sections, draft.tables]);
  for (const gone of e.absent) expect(body).not.toContain(gone);
  // Every heading without sub-headings has its own text; nothing of the notice is in the body.
  draft.sections.forEach((s, i) => {
    const parent = (draft.sections[i + 1]?.level ?? 0) > s.level;
    if (!parent) expect(s.text.length, s.heading).toBeGreaterThan(0);
  });
  expect(body).not.toContain('印发给你们');
}

const seedIds = Object.keys(EXPECTED);

describe('the seed documents', () => {
  const byFormat: Record<string, Record<string, PolicyDraft>> = { text: {}, docx: {}, pdf: {} };

  describe.each(seedIds)('seed %s', (id) => {
    it('as pasted text', async () => {
      const draft = await draftOf(seedText(id), 'text/plain; charset=utf-8');
      expectSeed(id, draft);
      byFormat.text![id] = draft;
    });

    it('as a .docx (mammoth, in workerd)', async () => {
      const docx = await docxOf(documentOf(seedText(id)));
      const draft = await draftOf(form(new File([docx], `${id}.docx`, { type: DOCX })));
      expectSeed(id, draft);
      byFormat.docx![id] = draft;
    });

    it('as a PDF with a text layer (unpdf, in workerd)', async () => {
      const draft = await draftOf(seedPdf(id), 'application/pdf');
      expectSeed(id, draft);
      byFormat.pdf![id] = draft;
    });

    it('reads the same from all three', () => {
      expect(byFormat.docx![id]).toEqual(byFormat.text![id]);
      expect(byFormat.pdf![id]).toEqual(byFormat.text![id]);
    });
  });

  it('004: the task table copied as text comes back as rows of 工作任务 / 贯彻举措 / 牵头单位 / 责任单位 / 完成时限', () => {
    for (const format of ['text', 'docx', 'pdf']) {
      const [table, ...more] = byFormat[format]!['004']!.tables;
      expect(more).toEqual([]);
      expect(table!.rows.map(([task, measure, ...rest], i) => [task, measure!.slice(0, TASKS_004[i]?.[1]?.length), ...rest])).toEqual(TASKS_004);
      // A measure of several items keeps them one per line, each item whole.
      const epidemic = table!.rows.find((r) => r[1]!.startsWith('1．严格执行'))![1]!.split('\n');
      expect(epidemic.map((l) => l.slice(0, 2))).toEqual(['1．', '2．', '3．']);
      expect(epidemic[0]).toMatch(/防止引发疑虑和不实炒作。$/);
    }
  });

  it('004: the notice that issues the table is the preface, its three requirements and signature with it', () => {
    const { preface } = byFormat.text!['004']!;
    expect(preface!.text.split('\n')).toEqual([
      '各镇人民政府、街道办事处，区政府各部门，有关单位：',
      expect.stringMatching(/^为贯彻落实好《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号）.*请认真贯彻执行。$/),
      '1、加强组织领导，提高政治站位',
      expect.stringMatching(/^各单位要进一步提高政治站位.*风清气正的政治环境。$/),
      '2、压实工作目标，提高工作质量',
      expect.stringMatching(/^各单位要认真落实《政府信息公开条例》.*公开时机得当。$/),
      '3、强化督促指导，推动工作落地',
      expect.stringMatching(/^各责任单位要强化主体责任.*予以通报。$/),
      '附件：重庆市江津区人民政府办公室贯彻落实国务院办公厅2022年政务公开工作要点任务分工',
      '重庆市江津区人民政府办公室',
      '2022年6月20日',
      '（此件公开发布）',
    ]);
  });

  it('002: the notice keeps its 附注 and its sentence broken over two lines is one', () => {
    expect(byFormat.text!['002']!.preface!.text).toBe(
      '扬子洲镇，各街办（管理处），区政府各部门，区直各单位：\n《2021年东湖区政务公开工作方案》已经区政府同意，现印发给你们，请认真贯彻落实。\n2021年7月9日\n（此件主动公开）',
    );
  });
});

// ---- what pages pick up on the way -----------------------------------------------------------

describe('website chrome and page-break debris', () => {
  it('are stripped wherever they fall, also inside a paragraph broken by a page', async () => {
    const clean = await draftOf(seedText('002'), 'text/plain');
    const noisy = seedText('002')
      .replace('南昌市东湖区人民政府办公室文件', '首页 > 政务公开 > 政策文件\n【字体：大 中 小】\n南昌市东湖区人民政府办公室文件')
      .replace('专家学\n\n者', '专家学\n\n— 2 —\n\n者')
      .replace('进行信息检索和\n\n查阅。', '进行信息检索和\n- 3 -\n第 3 页 共 6 页\n查阅。')
      .concat('\n打印本页\n关闭窗口\n【打印本页】【关闭窗口】\n扫一扫在手机打开当前页\n版权所有：南昌市东湖区人民政府 赣ICP备05001234号\n');
    expect(noisy).toContain('— 2 —');
    expect(await draftOf(noisy, 'text/plain')).toEqual(clean);
  });
});

describe('a PDF page laid out as text and tables', () => {
  const run = (text: string, x: number, y: number, width = text.length * 16, size = 16): Run => ({ text, x, y, width, size });
  const h = (y: number, x1: number, x2: number): Segment => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, y1, x2: x, y2 });

  it('joins a line that runs to the margin with the next one at the margin, not one indented by spaces', () => {
    const runs = [
      run('第一段第一行', 111, 700, 404),
      run('第一段第二行', 79, 671, 436),
      run('\u3000\u3000第二段', 79, 642, 200),
      run('第二段续', 79, 613, 100),
      run('— 1 —', 480, 60, 40, 14),
    ];
    expect(pdfPageBlocks([{ width: 595, runs, segments: [] }])).toEqual([
      { kind: 'line', text: '第一段第一行第一段第二行' },
      { kind: 'line', text: '\u3000\u3000第二段' },
      { kind: 'line', text: '第二段续' },
    ]);
  });

  it('reads cells from the ruling lines, a missing line merging two, and one table across a page break', () => {
    const grid = (top: number, mid: number, bottom: number): Segment[] => [
      h(top, 50, 350), h(mid, 50, 350), h(bottom, 50, 350),
      v(50, bottom, top), v(150, bottom, mid), v(250, bottom, top), v(350, bottom, top), // no line between the header's first two cells
    ];
    // 工作任务 centred in its merged cell starts right of where the line would be: it still goes to the first cell.
    const header = (y: number) => [run('工作任务', 160, y, 40, 10), run('完成时限', 255, y, 40, 10)];
    const page1 = {
      width: 842,
      segments: grid(500, 480, 440),
      runs: [...header(486), run('一、任务', 55, 466, 40, 10), run('（一）子任务', 155, 466, 60, 10), run('长期开展', 255, 466, 40, 10), run('— 1 —', 700, 30, 40, 14)],
    };
    const page2 = { width: 842, segments: grid(780, 760, 720), runs: [...header(766), run('2023年底前', 255, 746, 50, 10)] };
    expect(pdfPageBlocks([page1, page2])).toEqual([
      { kind: 'table', rows: [['工作任务', '', '完成时限'], ['一、任务', '（一）子任务', '长期开展'], ['', '', '2023年底前']] },
    ]);
  });
});

// ---- 文号 -------------------------------------------------------------------------------------

describe('文号 normalized to its printed form', () => {
  it.each([
    ['东府办发〔2021〕22号'],
    ['东府办发[2021]22号'],
    ['东府办发［2021］22号'],
    ['东府办发(2021)22号'],
    ['东府办发（2021）22号'],
    ['东府办发【2021】22号'],
    ['东府办发﹝2021﹞22号'],
    ['东府办发2021年22号'],
    ['东府办发〔2021〕第22号'],
    ['东府办发〔2021〕022号'],
    ['东府办发 〔 2021 〕 22 号'],
    ['东府办发〔２０２１〕２２号'],
  ])('%s', (typed) => {
    expect(normalizeDocNumber(typed)).toBe('东府办发〔2021〕22号');
  });

  it('keeps letters and digits of the 机关代字 and reads the parts', () => {
    expect(parseDocNumber('粤人社规〔2023〕5号')).toEqual({ agency: '粤人社规', year: 2023, serial: 5 });
    expect(normalizeDocNumber('国办发〔2022〕8号')).toBe('国办发〔2022〕8号');
  });

  it.each([['2021年22号'], ['东府办发〔2021〕0号'], ['东府办发〔21〕22号'], ['关于印发工作方案的通知'], ['东府办发〔2021〕22']])(
    'is not a 文号: %s',
    (typed) => {
      expect(normalizeDocNumber(typed)).toBeNull();
    },
  );

  it('in the draft, however the document brackets it', async () => {
    const draft = await draftOf('东府办发[2021]22号\n东湖区人民政府办公室关于做好测试工作的通知\n各街道：\n现将有关事项通知如下。\n东湖区人民政府办公室\n2021年7月9日', 'text/plain');
    expect(draft.docNumber).toBe('东府办发〔2021〕22号');
  });
});

// ---- the GB/T 9704 model on small documents ---------------------------------------------------

const plain = (lines: string[]) => draftOf(lines.join('\n'), 'text/plain');

describe('a document without a wrapping notice', () => {
  it('takes 标志, 文号, 签发人, title, 主送, body, 附件说明, 署名, Chinese-numeral 成文日期 and 版记', async () => {
    const draft = await plain([
      '清河区人民政府文件',
      '清府发〔2021〕3号　　　　签发人：张明',
      '清河区人民政府',
      '关于进一步做好就业创业工作的意见',
      '各街道办事处，区政府各部门：',
      '为做好就业创业工作，提出如下意见。',
      '一、总体要求',
      '（一）指导思想。坚持就业优先。',
      '1.稳定岗位。落实稳岗返还政策。',
      '（1）失业保险稳岗返还。按规定返还。',
      '一是简化流程。实行免申即享。',
      '二、保障措施',
      '各部门要抓好落实。',
      '附件：1．就业补贴申领指南',
      '2．创业担保贷款办理流程',
      '清河区人民政府',
      '二〇二一年五月八日',
      '（此件主动公开）',
      '抄送：区委办公室。',
      '清河区人民政府办公室　　　　2021年5月10日印发',
    ]);
    expect(draft).toEqual({
      title: '清河区人民政府关于进一步做好就业创业工作的意见',
      docNumber: '清府发〔2021〕3号',
      issuer: '清河区人民政府',
      signedDate: '2021-05-08',
      type: '行政规范性文件',
      recipients: ['各街道办事处', '区政府各部门'],
      sections: [
        { level: 0, heading: '', text: '为做好就业创业工作，提出如下意见。' },
        { level: 1, heading: '一、总体要求', text: '' },
        { level: 2, heading: '（一）指导思想', text: '坚持就业优先。' },
        { level: 3, heading: '1.稳定岗位', text: '落实稳岗返还政策。' },
        { level: 4, heading: '（1）失业保险稳岗返还', text: '按规定返还。' },
        { level: 5, heading: '一是简化流程', text: '实行免申即享。' },
        { level: 1, heading: '二、保障措施', text: '各部门要抓好落实。' },
      ],
      tables: [],
      attachments: ['就业补贴申领指南', '创业担保贷款办理流程'],
    });
  });

  it('is a 行政规范性文件 when its 附注 says so', async () => {
    const draft = await plain(['关于调整城乡居民最低生活保障标准的通知', '各街道：', '现将有关事项通知如下。', '清河区民政局', '2023年6月1日', '（此件为行政规范性文件）']);
    expect([draft.type, draft.issuer, draft.signedDate]).toEqual(['行政规范性文件', '清河区民政局', '2023-06-01']);
  });

  it('falls back to the 印发日期 when no 成文日期 is printed', async () => {
    const draft = await plain(['关于做好测试工作的通知', '各街道：', '现将有关事项通知如下。', '清河区人民政府办公室　2022年12月31日印发']);
    expect([draft.signedDate, draft.issuer]).toEqual(['2022-12-31', '清河区人民政府办公室']);
  });

  it('reads 二〇二三年十二月三十一日 and 2023年1月5日 alike', async () => {
    for (const [date, iso] of [['二〇二三年十二月三十一日', '2023-12-31'], ['二○二○年二月二十九日', '2020-02-29'], ['2023年1月5日', '2023-01-05']]) {
      const draft = await plain(['关于做好测试工作的通知', '各街道：', '现将有关事项通知如下。', '清河区人民政府办公室', date!]);
      expect(draft.signedDate, date).toBe(iso);
    }
  });

  it('numbers a 规范性文件 by 章 and 条', async () => {
    const draft = await plain(['清河区就业补贴管理办法', '第一章 总则', '第一条 为规范就业补贴管理，制定本办法。', '第二条 本办法适用于本区。', '第二章 附则', '第三条 本办法自2024年1月1日起施行。']);
    expect(draft.sections.map((s) => [s.level, s.heading, s.text])).toEqual([
      [1, '第一章总则', ''],
      [3, '第一条', '为规范就业补贴管理，制定本办法。'],
      [3, '第二条', '本办法适用于本区。'],
      [1, '第二章附则', ''],
      [3, '第三条', '本办法自2024年1月1日起施行。'],
    ]);
  });

  it('is the notice itself when a 印发 notice comes without the document', async () => {
    const draft = await plain(['关于印发《清河区就业补贴管理办法》的通知', '各街道：', '现将《清河区就业补贴管理办法》印发给你们，请认真贯彻执行。', '2024年1月1日']);
    expect(draft.title).toBe('关于印发《清河区就业补贴管理办法》的通知');
    expect(draft.preface).toBeUndefined();
    expect(draft.sections).toEqual([{ level: 0, heading: '', text: '现将《清河区就业补贴管理办法》印发给你们，请认真贯彻执行。' }]);
  });

  it('reads a table pasted from a spreadsheet, one row per line', async () => {
    const draft = await plain(['清河区2024年政务公开工作安排', '序号\t工作任务\t完成时限', '1\t更新政策问答库\t2024年6月底前', '2\t公布政策解答员名单\t2024年8月底前']);
    expect(draft.tables).toEqual([{ rows: [['序号', '工作任务', '完成时限'], ['1', '更新政策问答库', '2024年6月底前'], ['2', '公布政策解答员名单', '2024年8月底前']] }]);
  });
});

describe('the policy type, guessed from the title and 文号', () => {
  it.each([
    ['2022年昌江区政务公开工作要点', null, '', '工作方案·要点'],
    ['清河区优化营商环境三年行动方案（2023-2025年）', '清府办发〔2023〕2号', '', '工作方案·要点'],
    ['清河区“十四五”养老服务体系规划', '清府发〔2021〕9号', '', '规划'],
    ['清河区国土空间总体规划（2021-2035年）', null, '', '规划'],
    ['清河区就业补贴管理办法', '清府发〔2021〕3号', '', '行政规范性文件'],
    ['关于进一步做好就业创业工作的意见', '清府发〔2021〕4号', '', '行政规范性文件'],
    ['清河区公共租赁住房管理规定（试行）', '清府办规〔2022〕1号', '', '行政规范性文件'],
    ['关于调整城乡居民最低生活保障标准的通知', '清府规〔2023〕1号', '', '行政规范性文件'],
    ['关于调整城乡居民最低生活保障标准的通知', '清民发〔2023〕6号', '本通知为行政规范性文件，自印发之日起施行。', '行政规范性文件'],
    ['关于调整城乡居民最低生活保障标准的通知', '清民发〔2023〕6号', '', '政策性文件'],
    ['清河区支持小微企业发展的若干措施', '清府发〔2023〕7号', '', '政策性文件'],
    ['清河区就业补贴管理办法', null, '', '其他'],
    ['关于召开全区政务公开工作会议的通知', null, '', '其他'],
  ] as const)('%s (%s)', (title, docNumber, text, type) => {
    expect(guessType({ title, docNumber, text })).toBe(type);
  });
});

// ---- formats, limits, roles -------------------------------------------------------------------

describe('POST /api/policies/import', () => {
  it('answers the anonymous 401 and residents and answerers 403; editors and the office are served', async () => {
    const body = seedText('002');
    expectError(await importRequest(body, { type: 'text/plain' }), 401, 'unauthorized');
    expectError(await importRequest(body, { type: 'text/plain', token: await login('resident') }), 403, 'forbidden');
    expectError(await importRequest(body, { type: 'text/plain', token: await login('answerer', 'u_t_rsj', '张明') }), 403, 'forbidden');
    for (const token of [editor, await login('office', 'u_t_rsj')]) {
      const res = await importRequest(body, { type: 'text/plain', token });
      expect(res.status).toBe(200);
      expect(res.body.draft.title).toBe('2021年东湖区政务公开工作方案');
    }
  });

  it('takes the file as a multipart field or as the raw body, by its bytes whatever it is called', async () => {
    const pdf = seedPdf('003');
    const docx = await docxOf(documentOf(seedText('003')));
    const title = '2023年南昌市政务公开工作要点';
    const drafts = [
      await draftOf(form(new File([pdf], '要点.pdf', { type: 'application/pdf' }))),
      await draftOf(form(new File([pdf], 'upload.bin', { type: 'application/octet-stream' }))),
      await draftOf(docx, DOCX),
      await draftOf(docx, 'application/octet-stream'),
      await draftOf(form(new File([seedText('003')], '要点.txt', { type: 'text/plain' }))),
      await draftOf(form(seedText('003'))),
    ];
    expect(drafts.map((d) => d.title)).toEqual(Array(drafts.length).fill(title));
  });

  it('reads text saved as GBK or UTF-16 as well as UTF-8', async () => {
    // 关于做好测试工作的通知 / 各街道： / 现将有关事项通知如下。 in GBK
    const gbk = Uint8Array.from(
      'b9d8d3dad7f6bac3b2e2cad4b9a4d7f7b5c4cda8d6aa0ab8f7bdd6b5c0a3ba0acfd6bdabd3d0b9d8cac2cfeecda8d6aac8e7cfc2a1a3'.match(/../g)!.map((h) => parseInt(h, 16)),
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from('关于做好测试工作的通知\n各街道：', (ch) => ch.charCodeAt(0)).buffer)]);
    expect((await draftOf(gbk, 'text/plain')).title).toBe('关于做好测试工作的通知');
    expect((await draftOf(utf16, 'text/plain')).recipients).toEqual(['各街道']);
  });

  it.each([
    ['a .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '通知.doc', 'application/msword', '.doc'],
    ['a .wps', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '通知.wps', 'application/octet-stream', '.wps'],
    ['a .doc renamed .docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '通知.docx', DOCX, '.doc'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), '扫描件.png', 'image/png', '图片'],
    ['a JPEG called .pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), '扫描件.pdf', 'application/pdf', '图片'],
    ['an image by its type', new TextEncoder().encode('not really'), 'photo', 'image/heic', '图片'],
  ])('refuses %s with 415 and how to convert it', async (_, bytes, name, type, named) => {
    const res = await importRequest(form(new File([bytes], name, { type })), { token: editor });
    expectError(res, 415, 'unsupported_media_type');
    expect(res.body.error.message).toContain(named);
    expect(res.body.error.message).toMatch(named === '图片' ? /PDF|\.docx/ : /另存为 \.docx 或导出为 PDF/);
  });

  it(`refuses a file over ${POLICY_IMPORT_LIMITS.bytes / 1024 / 1024} MB with 413, as a raw body or a form field`, async () => {
    const big = new Uint8Array(POLICY_IMPORT_LIMITS.bytes + 1).fill(0x41);
    expectError(await importRequest(big, { token: editor, type: 'text/plain' }), 413, 'payload_too_large');
    expectError(await importRequest(form(new File([big], 'big.txt', { type: 'text/plain' })), { token: editor }), 413, 'payload_too_large');
    // Sent in chunks, without a Content-Length.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
        controller.close();
      },
    });
    expectError(await importRequest(chunks, { token: editor, type: 'text/plain' }), 413, 'payload_too_large');
    // Just under the limit is read (and is not a document, but not too large either).
    const res = await importRequest(new Uint8Array(POLICY_IMPORT_LIMITS.bytes - 1024).fill(0x41), { token: editor, type: 'text/plain' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['an empty body', new Uint8Array(0), 'text/plain', 400, 'validation'],
    ['only blank lines', new TextEncoder().encode(' \n\n\u3000\n'), 'text/plain', 400, 'validation'],
    ['a broken PDF', new TextEncoder().encode('%PDF-1.7\nthis is not a pdf'), 'application/pdf', 400, 'bad_request'],
    ['a broken .docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml garbage')]), DOCX, 400, 'bad_request'],
    ['binary that is not text', Uint8Array.from({ length: 400 }, (_, i) => (i * 7) % 32), 'application/octet-stream', 400, 'bad_request'],
  ])('answers %s with 400', async (_, bytes, type, status, code) => {
    expectError(await importRequest(bytes, { token: editor, type }), status, code);
  });

  it('answers a form without a file with 400 naming the field', async () => {
    const f = new FormData();
    f.set('other', 'x');
    const res = await importRequest(f, { token: editor });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues).toEqual([{ path: 'file', message: '请选择要导入的文件' }]);
  });

  it('answers a scanned PDF (no text layer) with 400 that says so', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
    const res = await importRequest(await pdf.save(), { token: editor, type: 'application/pdf' });
    expectError(res, 400, 'validation');
    expect(res.body.error.message).toContain('扫描件');
  });
});
