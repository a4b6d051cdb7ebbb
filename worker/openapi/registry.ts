import { z, type ZodType } from 'zod';
import { yearParam, yearScheduleInput } from '../../shared/calendar';
import {
  answererQuery,
  codeRequestInput,
  codeSignInInput,
  devLoginInput,
  invitationInput,
  logoutInput,
  profileInput,
  redeemInput,
  staffUpdateInput,
  unitCreateInput,
  unitUpdateInput,
  wechatCodeInput,
} from '../../shared/schemas/auth';
import { daysQuery, dueQuery } from '../../shared/schemas/calendar';
import { idParam } from '../../shared/schemas/common';
import {
  faqCreateInput,
  faqFeedbackInput,
  faqImportJson,
  faqImportQuery,
  faqListQuery,
  faqManageQuery,
  faqSearchQuery,
  faqStatusInput,
  faqUpdateInput,
  synonymGroupInput,
} from '../../shared/schemas/faq';
import {
  assignInput,
  classifyInput,
  idempotencyKey,
  inquiryCreateInput,
  inquiryListQuery,
  messageInput,
  rateInput,
  replyInput,
  resolvedInput,
  transferInput,
} from '../../shared/schemas/inquiry';
import {
  followupCallInput,
  followupCloseInput,
  followupIdParam,
  followupListQuery,
  followupQuestionInput,
  followupReopenInput,
} from '../../shared/schemas/followup';
import { grantInput, noticeIdParam, noticeListQuery } from '../../shared/schemas/notification';
import { deliveryListQuery, partnerKeyInput } from '../../shared/schemas/partner';
import { accountDeleteInput, retentionInput } from '../../shared/schemas/privacy';
import { statsQuery, statsTrendQuery } from '../../shared/schemas/stats';
import { inquiryExportQuery, statsExportQuery } from '../../shared/schemas/export';
import { publicationInput, publicationListQuery } from '../../shared/schemas/publication';
import { kbGapsQuery } from '../../shared/schemas/kb-gaps';
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
} from '../../shared/schemas/policy';
import { smsQuery } from '../routes/dev';
import { routesInput } from '../routes/routing';
import { groupId } from '../routes/synonyms';

/** Who may call a route; the server checks it (role and unit) on every request. */
export type Caller = 'anyone' | 'signed-in' | 'resident' | 'staff' | 'answerer' | 'editor' | 'office' | 'development';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route of the API, described with the very zod schemas its handler validates with, so the
 * document, the fuzz suite and the handler cannot drift apart on what a request may hold.
 */
export type RouteDoc = {
  method: Method;
  /** As Hono writes it, under /api: `/api/faq/:id`. */
  path: string;
  tag: string;
  summary: string;
  /** Roles allowed, in the words of the README's tables. */
  callers: Caller[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body, unless `body` says otherwise. */
  json?: ZodType;
  /** A body that is not JSON: a CSV import or a file. */
  body?: { contentType: string[]; description: string };
  headers?: { name: string; schema: ZodType; description: string }[];
  /** The success status and what it holds (the response's TypeScript type in shared/schemas). */
  ok: { status: 200 | 201 | 204; description: string };
  /** Error statuses this route may answer besides 400 (validation), 401 and 429. */
  errors?: (403 | 404 | 409 | 413 | 415 | 422 | 502 | 503)[];
};

const staff: Caller[] = ['answerer', 'editor', 'office'];
const managers: Caller[] = ['editor', 'office'];
const signedIn: Caller[] = ['signed-in'];
const anyone: Caller[] = ['anyone'];

const idempotencyHeader = {
  name: 'Idempotency-Key',
  schema: idempotencyKey,
  description: '重试同一次提交时带上同一个键：不会生成第二条咨询；同一个键配不同内容为 409',
};

export const ROUTES: RouteDoc[] = [
  // ---- health, accounts ---------------------------------------------------------------------
  { method: 'get', path: '/api/health', tag: '系统', summary: '服务可用时答复 { ok: true }', callers: anyone, ok: { status: 200, description: '{ ok }' } },
  { method: 'get', path: '/api/openapi.json', tag: '系统', summary: '本文档（OpenAPI 3.1）', callers: anyone, ok: { status: 200, description: 'OpenAPI 3.1 文档' } },
  { method: 'get', path: '/api/docs', tag: '系统', summary: '接口文档页面（HTML）', callers: anyone, ok: { status: 200, description: 'HTML' } },
  { method: 'get', path: '/api/auth/config', tag: '登录', summary: '可用的登录方式与订阅消息模板', callers: anyone, ok: { status: 200, description: '{ dev, phone, weapp, templates }' } },
  { method: 'post', path: '/api/auth/dev', tag: '登录', summary: '开发环境登录（仅本机开发环境）', callers: ['development'], json: devLoginInput, ok: { status: 200, description: 'Session { token, user }' }, errors: [404] },
  { method: 'post', path: '/api/auth/weapp', tag: '登录', summary: '小程序登录：wx.login 的 code 换会话', callers: anyone, json: wechatCodeInput, ok: { status: 200, description: 'Session { token, user }' }, errors: [502, 503] },
  { method: 'post', path: '/api/auth/weapp/phone', tag: '登录', summary: '手机号快速验证：code 换手机号', callers: signedIn, json: wechatCodeInput, ok: { status: 200, description: '{ phone }' }, errors: [502, 503] },
  { method: 'post', path: '/api/auth/phone/code', tag: '登录', summary: '发送短信验证码', callers: anyone, json: codeRequestInput, ok: { status: 200, description: '{ sent, expiresIn, resendIn }' }, errors: [502, 503] },
  { method: 'post', path: '/api/auth/phone', tag: '登录', summary: '手机号 + 验证码登录', callers: anyone, json: codeSignInInput, ok: { status: 200, description: 'Session { token, user }' } },
  { method: 'post', path: '/api/auth/logout', tag: '登录', summary: '退出本设备（all: 所有设备）', callers: signedIn, json: logoutInput, ok: { status: 200, description: "{ ended: 'this' | 'all' }" } },
  { method: 'get', path: '/api/auth/sessions', tag: '登录', summary: '已登录的设备', callers: signedIn, ok: { status: 200, description: '{ items: SessionInfo[] }' } },
  { method: 'get', path: '/api/me', tag: '登录', summary: '当前用户', callers: signedIn, ok: { status: 200, description: 'Me' } },

  // ---- staff and units ----------------------------------------------------------------------
  { method: 'post', path: '/api/invitations', tag: '工作人员', summary: '创建邀请码（只显示一次）', callers: managers, json: invitationInput, ok: { status: 201, description: 'NewInvitation { code, link, qrSvg, … }' }, errors: [403] },
  { method: 'get', path: '/api/invitations', tag: '工作人员', summary: '邀请列表', callers: managers, ok: { status: 200, description: '{ items: Invitation[] }' }, errors: [403] },
  { method: 'post', path: '/api/invitations/:id/revoke', tag: '工作人员', summary: '撤销邀请', callers: managers, params: idParam, ok: { status: 200, description: 'Invitation' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/invitations/redeem', tag: '工作人员', summary: '兑换邀请码，成为工作人员', callers: signedIn, json: redeemInput, ok: { status: 200, description: 'Me' }, errors: [404, 409] },
  { method: 'get', path: '/api/users', tag: '工作人员', summary: '工作人员列表', callers: managers, ok: { status: 200, description: '{ items: StaffMember[] }' }, errors: [403] },
  { method: 'patch', path: '/api/users/:id', tag: '工作人员', summary: '改角色或单位', callers: ['office'], params: idParam, json: staffUpdateInput, ok: { status: 200, description: 'StaffMember' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/:id/disable', tag: '工作人员', summary: '停用（会话全部结束，在办咨询退回单位）', callers: managers, params: idParam, ok: { status: 200, description: 'StaffMember' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/:id/enable', tag: '工作人员', summary: '重新启用', callers: managers, params: idParam, ok: { status: 200, description: 'StaffMember' }, errors: [403, 404, 409] },
  { method: 'patch', path: '/api/users/:id/profile', tag: '工作人员', summary: '名录资料', callers: staff, params: idParam, json: profileInput, ok: { status: 200, description: 'StaffMember' }, errors: [403, 404] },
  { method: 'get', path: '/api/units', tag: '单位', summary: '单位（含 parentId）', callers: anyone, ok: { status: 200, description: '{ items: Unit[] }' } },
  { method: 'get', path: '/api/manage/units', tag: '单位', summary: '本辖区单位（含已撤销）', callers: ['office'], ok: { status: 200, description: '{ items: Unit[] }' }, errors: [403] },
  { method: 'post', path: '/api/units', tag: '单位', summary: '新增单位', callers: ['office'], json: unitCreateInput, ok: { status: 201, description: 'Unit' }, errors: [403, 409] },
  { method: 'patch', path: '/api/units/:id', tag: '单位', summary: '改名或移动', callers: ['office'], params: idParam, json: unitUpdateInput, ok: { status: 200, description: 'Unit' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/units/:id/retire', tag: '单位', summary: '撤销单位（历史保留）', callers: ['office'], params: idParam, ok: { status: 200, description: 'Unit' }, errors: [403, 404, 409] },
  { method: 'get', path: '/api/answerers', tag: '单位', summary: '政策解答员名录', callers: anyone, query: answererQuery, ok: { status: 200, description: '{ items: Answerer[] }' } },
  { method: 'get', path: '/api/roster/gaps', tag: '单位', summary: '名录缺口', callers: ['office'], ok: { status: 200, description: '{ items: RosterGap[] }' }, errors: [403] },

  // ---- the knowledge base ---------------------------------------------------------------------
  { method: 'get', path: '/api/topics', tag: '问答库', summary: '十二个类目及各自可见条目数', callers: anyone, ok: { status: 200, description: '{ items: [{ topic, count }] }' } },
  { method: 'get', path: '/api/faq/search', tag: '问答库', summary: '搜索问答（最匹配的在前）', callers: anyone, query: faqSearchQuery, ok: { status: 200, description: '{ items: SearchItem[] }' } },
  { method: 'get', path: '/api/faq', tag: '问答库', summary: '可见条目（热门或最近更新）', callers: anyone, query: faqListQuery, ok: { status: 200, description: '{ items: FaqSummary[], total }' } },
  { method: 'get', path: '/api/faq/:id', tag: '问答库', summary: '一条可见条目（计入浏览）', callers: anyone, params: idParam, ok: { status: 200, description: 'FaqPublic & FaqBasis' }, errors: [404] },
  { method: 'post', path: '/api/faq/:id/feedback', tag: '问答库', summary: '有帮助 / 没帮助', callers: anyone, params: idParam, json: faqFeedbackInput, ok: { status: 200, description: '{ helpful, unhelpful }' }, errors: [404] },
  { method: 'get', path: '/api/manage/faq', tag: '问答库管理', summary: '各状态的条目', callers: managers, query: faqManageQuery, ok: { status: 200, description: '{ items: FaqManaged[], total }' }, errors: [403] },
  { method: 'get', path: '/api/manage/faq/:id', tag: '问答库管理', summary: '一条条目（任何状态）', callers: managers, params: idParam, ok: { status: 200, description: 'FaqManaged' }, errors: [403, 404] },
  { method: 'post', path: '/api/faq', tag: '问答库管理', summary: '新建条目（草稿或直接发布）', callers: managers, json: faqCreateInput, ok: { status: 201, description: 'FaqManaged' }, errors: [403] },
  { method: 'patch', path: '/api/faq/:id', tag: '问答库管理', summary: '修改条目（baseUpdatedAt 过期为 409）', callers: managers, params: idParam, json: faqUpdateInput, ok: { status: 200, description: 'FaqManaged' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/faq/:id/status', tag: '问答库管理', summary: '发布、下线、退回草稿', callers: managers, params: idParam, json: faqStatusInput, ok: { status: 200, description: 'FaqManaged' }, errors: [403, 404] },
  {
    method: 'post', path: '/api/faq/import', tag: '问答库管理', summary: '批量导入（JSON 或 CSV，全部成功或全部不写）', callers: managers, query: faqImportQuery, json: faqImportJson,
    body: { contentType: ['text/csv'], description: 'CSV，表头 类目,问题,答案,相似问法,关键字,发文单位；选项放在查询参数里' },
    ok: { status: 200, description: 'ImportResult' }, errors: [403, 409, 413],
  },
  { method: 'get', path: '/api/synonyms', tag: '问答库管理', summary: '同义词组', callers: staff, ok: { status: 200, description: '{ items: SynonymGroup[] }' }, errors: [403] },
  { method: 'post', path: '/api/synonyms', tag: '问答库管理', summary: '新增同义词组', callers: ['office'], json: synonymGroupInput, ok: { status: 201, description: 'SynonymGroup' }, errors: [403, 409] },
  { method: 'put', path: '/api/synonyms/:id', tag: '问答库管理', summary: '修改同义词组', callers: ['office'], params: groupId, json: synonymGroupInput, ok: { status: 200, description: 'SynonymGroup' }, errors: [403, 404, 409] },
  { method: 'delete', path: '/api/synonyms/:id', tag: '问答库管理', summary: '删除同义词组', callers: ['office'], params: groupId, ok: { status: 204, description: '无内容' }, errors: [403, 404] },

  // ---- policies ---------------------------------------------------------------------------
  { method: 'post', path: '/api/policies/import', tag: '政策文件', summary: '读取文件（文本、.docx、PDF）为草稿，不保存', callers: managers, body: { contentType: ['multipart/form-data', 'text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], description: 'multipart 字段 file，或原始内容；不超过 10 MB' }, ok: { status: 200, description: '{ draft: PolicyDraft }' }, errors: [403, 413, 415] },
  { method: 'get', path: '/api/search', tag: '政策文件', summary: '问答与政策文件一起搜索（对接密钥需 kb:search）', callers: anyone, query: searchQuery, ok: { status: 200, description: '{ faq: SearchItem[], policies: PolicySearchHit[] }' } },
  { method: 'get', path: '/api/policies/interpretation-rate', tag: '政策文件', summary: '解读率（按单位）', callers: ['office'], ok: { status: 200, description: '{ units, overall, floor }' }, errors: [403] },
  { method: 'get', path: '/api/policies', tag: '政策文件', summary: '已发布的政策文件', callers: anyone, query: policyListQuery, ok: { status: 200, description: '{ items: PolicySummary[], total }' } },
  { method: 'get', path: '/api/policies/:id', tag: '政策文件', summary: '一份已发布的政策文件（含解读、附件、有效性历史）', callers: anyone, params: idParam, ok: { status: 200, description: 'Policy' }, errors: [404] },
  { method: 'get', path: '/api/policies/:id/attachments/:attachmentId', tag: '政策文件', summary: '附件或解读图片', callers: anyone, params: attachmentParam, ok: { status: 200, description: '文件内容' }, errors: [404] },
  { method: 'get', path: '/api/manage/policies', tag: '政策文件管理', summary: '含草稿的政策文件', callers: managers, query: policyManageQuery, ok: { status: 200, description: '{ items: PolicySummary[], total }' }, errors: [403] },
  { method: 'get', path: '/api/manage/policies/:id', tag: '政策文件管理', summary: '一份政策文件（含草稿）', callers: managers, params: idParam, ok: { status: 200, description: 'Policy' }, errors: [403, 404] },
  { method: 'post', path: '/api/policies', tag: '政策文件管理', summary: '新建草稿', callers: managers, json: policyCreateInput, ok: { status: 201, description: 'Policy' }, errors: [403, 413] },
  { method: 'patch', path: '/api/policies/:id', tag: '政策文件管理', summary: '修改（baseUpdatedAt 过期为 409）', callers: managers, params: idParam, json: policyUpdateInput, ok: { status: 200, description: 'Policy' }, errors: [403, 404, 409, 413] },
  { method: 'post', path: '/api/policies/:id/interpretations', tag: '政策文件管理', summary: '添加解读', callers: managers, params: idParam, json: interpretationInput, ok: { status: 201, description: 'Interpretation' }, errors: [403, 404, 409, 413] },
  { method: 'post', path: '/api/policies/:id/publish', tag: '政策文件管理', summary: '发布（三同步：需有解读或免于解读的理由）', callers: managers, params: idParam, json: policyPublishInput, ok: { status: 200, description: 'Policy' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/policies/:id/validity', tag: '政策文件管理', summary: '有效性变更', callers: managers, params: idParam, json: policyValidityInput, ok: { status: 200, description: 'Policy' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/policies/:id/attachments', tag: '政策文件管理', summary: '上传附件或解读图片（不超过 20 MB）', callers: managers, params: idParam, query: attachmentQuery, body: { contentType: ['multipart/form-data', 'application/pdf', 'image/png', 'image/jpeg', 'text/plain'], description: 'multipart 字段 file，或原始内容' }, ok: { status: 201, description: 'PolicyAttachment' }, errors: [403, 404, 413, 415] },
  { method: 'get', path: '/api/faq/:id/basis', tag: '政策文件管理', summary: '条目的文件依据（含草稿）与复核标记', callers: managers, params: idParam, ok: { status: 200, description: 'FaqBasis & { review }' }, errors: [403, 404] },
  { method: 'put', path: '/api/faq/:id/basis', tag: '政策文件管理', summary: '条目的文件依据', callers: managers, params: idParam, json: faqBasisInput, ok: { status: 200, description: 'FaqBasis' }, errors: [403, 404] },
  { method: 'post', path: '/api/faq/:id/reviewed', tag: '政策文件管理', summary: '需复核的条目已复核', callers: managers, params: idParam, ok: { status: 200, description: '{ reviewed: true }' }, errors: [403, 404] },
  { method: 'get', path: '/api/policy-subscriptions', tag: '政策文件', summary: '我关注的类目和单位', callers: signedIn, ok: { status: 200, description: '{ items: [{ kind, value, createdAt }] }' } },
  { method: 'post', path: '/api/policy-subscriptions', tag: '政策文件', summary: '关注类目或单位', callers: signedIn, json: subscriptionInput, ok: { status: 201, description: '{ kind, value, subscribed: true }' } },
  { method: 'delete', path: '/api/policy-subscriptions', tag: '政策文件', summary: '取消关注', callers: signedIn, json: subscriptionInput, ok: { status: 200, description: '{ kind, value, subscribed: false }' } },

  // ---- the working-day calendar -------------------------------------------------------------
  { method: 'get', path: '/api/calendar/due', tag: '工作日', summary: '从某一时刻起若干工作日的截止时间', callers: anyone, query: dueQuery, ok: { status: 200, description: 'DueAnswer' } },
  { method: 'get', path: '/api/calendar/days', tag: '工作日', summary: '每一天是否工作日（节假日、调休）', callers: anyone, query: daysQuery, ok: { status: 200, description: '{ items: DayInfo[] }' } },
  { method: 'get', path: '/api/calendar/years/:year', tag: '工作日', summary: '一年的放假与调休安排', callers: anyone, params: yearParam, ok: { status: 200, description: 'YearSchedule' } },
  { method: 'post', path: '/api/calendar/years/:year/preview', tag: '工作日', summary: '保存前预览：在办咨询的期限会有多少条改变（不写入）', callers: ['office'], params: yearParam, json: yearScheduleInput, ok: { status: 200, description: 'CalendarPreview { year, changed, settled, examples: [{ id, ticket, from, to, provisional }] }' }, errors: [403] },
  { method: 'put', path: '/api/calendar/years/:year', tag: '工作日', summary: '新公布的一年（在办咨询的期限随之重算）', callers: ['office'], params: yearParam, json: yearScheduleInput, ok: { status: 200, description: 'YearSchedule & { recomputed }' }, errors: [403] },

  // ---- inquiries ----------------------------------------------------------------------------
  { method: 'post', path: '/api/inquiries', tag: '咨询', summary: '提交咨询（工作人员以 channel 代为登记；对接密钥需 inquiries:create）', callers: ['resident', 'answerer', 'editor', 'office'], json: inquiryCreateInput, headers: [idempotencyHeader], ok: { status: 201, description: 'InquiryView & { matches }（重试同一提交为 200）' }, errors: [403, 409] },
  { method: 'get', path: '/api/inquiries', tag: '咨询', summary: '居民：自己的；工作人员：本单位的，按期限排序，带各标签计数', callers: signedIn, query: inquiryListQuery, ok: { status: 200, description: 'InboxPage' } },
  { method: 'get', path: '/api/inquiries/:id', tag: '咨询', summary: '一条咨询及其时间线（对接密钥需 inquiries:read，只能读自己登记的）', callers: signedIn, params: idParam, ok: { status: 200, description: 'InquiryView' }, errors: [404] },
  { method: 'post', path: '/api/kb-resolutions', tag: '咨询', summary: '「这解决了我的问题」', callers: anyone, json: resolvedInput, ok: { status: 201, description: '{ resolved: true }' }, errors: [403, 404] },
  { method: 'post', path: '/api/inquiries/:id/reply', tag: '咨询办理', summary: '答复（并发的第二个答复为 409）', callers: staff, params: idParam, json: replyInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/clarify', tag: '咨询办理', summary: '请居民补充（计时暂停）', callers: staff, params: idParam, json: messageInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/supplement', tag: '咨询办理', summary: '居民补充说明（计时继续）', callers: ['resident'], params: idParam, json: messageInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/transfer', tag: '咨询办理', summary: '转办到另一单位（期限不变）', callers: staff, params: idParam, json: transferInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/assign', tag: '咨询办理', summary: '交给本单位的一名解答员', callers: managers, params: idParam, json: assignInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/classify', tag: '咨询办理', summary: '标为简单问题（3 个工作日）', callers: staff, params: idParam, json: classifyInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/withdraw', tag: '咨询办理', summary: '撤回', callers: ['resident'], params: idParam, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/rate', tag: '咨询办理', summary: '评价', callers: ['resident'], params: idParam, json: rateInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/followup-question', tag: '咨询办理', summary: '追问：答复后 15 天内一次，同一工单退回单位，5 个工作日内答复', callers: ['resident'], params: idParam, json: followupQuestionInput, ok: { status: 200, description: 'InquiryView' }, errors: [403, 404, 409] },

  // ---- 回访 (follow-ups) -------------------------------------------------------------------------
  { method: 'get', path: '/api/followups', tag: '回访', summary: '政务公开办的回访队列（辖区内，open 或 done）', callers: ['office'], query: followupListQuery, ok: { status: 200, description: 'FollowupPage' }, errors: [403] },
  { method: 'get', path: '/api/followups/:id', tag: '回访', summary: '一条回访：咨询、答复、居民联系方式、回访记录', callers: ['office'], params: followupIdParam, ok: { status: 200, description: 'FollowupDetail' }, errors: [403, 404] },
  { method: 'post', path: '/api/followups/:id/calls', tag: '回访', summary: '记录一次回访电话', callers: ['office'], params: followupIdParam, json: followupCallInput, ok: { status: 200, description: 'FollowupDetail' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/followups/:id/close', tag: '回访', summary: '结束回访', callers: ['office'], params: followupIdParam, json: followupCloseInput, ok: { status: 200, description: 'FollowupDetail' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/followups/:id/reopen', tag: '回访', summary: '退回重办：咨询退回承办单位，自退回起 5 个工作日内答复', callers: ['office'], params: followupIdParam, json: followupReopenInput, ok: { status: 200, description: 'FollowupDetail' }, errors: [403, 404, 409] },
  { method: 'get', path: '/api/routing', tag: '咨询', summary: '类目 → 承办单位', callers: anyone, ok: { status: 200, description: '{ items: [{ topic, unitId, unitName }] }' } },
  { method: 'put', path: '/api/routing', tag: '咨询', summary: '设置承办单位', callers: ['office'], json: routesInput, ok: { status: 200, description: '{ updated }' }, errors: [403] },

  // ---- notifications ------------------------------------------------------------------------
  { method: 'get', path: '/api/notifications', tag: '消息', summary: '消息（含未读数）', callers: signedIn, query: noticeListQuery, ok: { status: 200, description: 'NoticePage' } },
  { method: 'post', path: '/api/notifications/:id/read', tag: '消息', summary: '标为已读', callers: signedIn, params: noticeIdParam, ok: { status: 200, description: '{ read: true }' }, errors: [404] },
  { method: 'post', path: '/api/wechat/grants', tag: '消息', summary: '用户同意了一次订阅消息', callers: signedIn, json: grantInput, ok: { status: 201, description: '{ granted }' } },

  // ---- personal data (个人信息保护法) ---------------------------------------------------------
  { method: 'get', path: '/api/settings/retention', tag: '个人信息', summary: '已办结咨询的联系方式保存期限（月）', callers: ['office'], ok: { status: 200, description: 'Retention { months, updatedAt, updatedBy }' }, errors: [403] },
  { method: 'put', path: '/api/settings/retention', tag: '个人信息', summary: '设置保存期限；期满后定时任务清除联系方式', callers: ['office'], json: retentionInput, ok: { status: 200, description: 'Retention' }, errors: [403] },
  { method: 'delete', path: '/api/me', tag: '个人信息', summary: '注销账号：在办咨询撤回，联系方式清除，问题匿名保留', callers: ['resident'], json: accountDeleteInput, ok: { status: 200, description: 'AccountDeleted { deleted, withdrawn, erased }' }, errors: [403] },

  // ---- figures (统计) ---------------------------------------------------------------------------
  { method: 'get', path: '/api/stats', tag: '统计', summary: '一段时间的统计（办理、按时率、问答库、满意度、解读率、名录缺口），含各单位', callers: managers, query: statsQuery, ok: { status: 200, description: 'StatsAnswer' }, errors: [403] },
  { method: 'get', path: '/api/stats/trend', tag: '统计', summary: '按周或按月的趋势（收到、答复、按时、问答库、满意度），最多 60 段', callers: managers, query: statsTrendQuery, ok: { status: 200, description: 'StatsTrend' }, errors: [403] },

  // ---- gaps in the knowledge base (高频问题) ------------------------------------------------------
  { method: 'get', path: '/api/kb-gaps', tag: '问答库', summary: '问答库没有答到的高频问题：一段时间内的未答搜索、没帮助与搜索后咨询按相似度分组，最大的在前', callers: managers, query: kbGapsQuery, ok: { status: 200, description: 'KbGapsAnswer' }, errors: [403] },

  // ---- partner keys and webhooks (对接) --------------------------------------------------------
  { method: 'post', path: '/api/partner-keys', tag: '对接', summary: '创建对接密钥（密钥与签名密钥只在此答复中出现一次）', callers: ['office'], json: partnerKeyInput, ok: { status: 201, description: 'NewPartnerKey { key, webhookSecret, … }' }, errors: [403] },
  { method: 'get', path: '/api/partner-keys', tag: '对接', summary: '本辖区的对接密钥（前缀、权限、创建与最近使用时间）', callers: ['office'], ok: { status: 200, description: '{ items: PartnerKey[] }' }, errors: [403] },
  { method: 'delete', path: '/api/partner-keys/:id', tag: '对接', summary: '吊销：此后用它的调用一律 401', callers: ['office'], params: idParam, ok: { status: 200, description: 'PartnerKey' }, errors: [403, 404] },
  { method: 'get', path: '/api/partner-keys/:id/deliveries', tag: '对接', summary: '回调投递记录（每次尝试的状态码、错误、时间）', callers: ['office'], params: idParam, query: deliveryListQuery, ok: { status: 200, description: '{ items: WebhookDelivery[] }' }, errors: [403, 404] },

  // ---- export (导出) ---------------------------------------------------------------------------
  { method: 'get', path: '/api/inquiries/export', tag: '导出', summary: '一段时间的政策咨询台账（.xlsx 或 CSV）；contacts=1 含居民姓名电话（仅政务公开办，导出留痕）', callers: managers, query: inquiryExportQuery, ok: { status: 200, description: '文件（Content-Disposition: attachment）' }, errors: [403, 413] },
  { method: 'get', path: '/api/stats/export', tag: '导出', summary: '一段时间的统计（汇总与各单位，.xlsx 或 CSV）', callers: managers, query: statsExportQuery, ok: { status: 200, description: '文件（Content-Disposition: attachment）' }, errors: [403] },

  // ---- published answers (咨询公开) ------------------------------------------------------------
  { method: 'get', path: '/api/inquiries/:id/publication', tag: '咨询公开', summary: '已答复且居民同意公开的咨询：隐去电话、身份证号、姓名、地址后的问题与答复，及找到之处', callers: managers, params: idParam, ok: { status: 200, description: 'PublicationDraft' }, errors: [403, 404, 409] },
  { method: 'post', path: '/api/inquiries/:id/publication', tag: '咨询公开', summary: '编辑核对后发布到问答库（草稿或发布）或咨询公开；仍有电话或身份证号为 422', callers: managers, params: idParam, json: publicationInput, ok: { status: 201, description: 'PublicationResult { target, id }' }, errors: [403, 404, 409, 422] },
  { method: 'get', path: '/api/publications', tag: '咨询公开', summary: '咨询公开：已公开的问答，按类目，每页 20 条，不含任何个人信息', callers: anyone, query: publicationListQuery, ok: { status: 200, description: 'PublicAnswerPage' } },
  { method: 'get', path: '/api/publications/:id', tag: '咨询公开', summary: '一条公开的问答', callers: anyone, params: idParam, ok: { status: 200, description: 'PublicAnswer' }, errors: [404] },

  // ---- development only ---------------------------------------------------------------------
  { method: 'post', path: '/api/dev/seed', tag: '开发', summary: '载入演示数据（仅本机开发环境）', callers: ['development'], ok: { status: 200, description: '写入的条数' }, errors: [404] },
  { method: 'get', path: '/api/dev/sms', tag: '开发', summary: '开发短信发送器发给某手机号的短信', callers: ['development'], query: smsQuery, ok: { status: 200, description: '{ items: string[] }' }, errors: [404] },
];

/** `/api/faq/:id` → `/api/faq/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
