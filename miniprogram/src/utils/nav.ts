import Taro from '@tarojs/taro';

const q = encodeURIComponent;

export const routes = {
  // `from`: the resident's own search words, carried on so 没帮助 → 我要咨询 asks in them.
  entry: (id: string, from?: string) => `/pages/entry/index?id=${q(id)}${from ? `&from=${q(from)}` : ''}`,
  topic: (topic: string) => `/pages/topic/index?topic=${q(topic)}`,
  manage: () => '/pages/staff/manage/index',
  edit: (id?: string) => (id ? `/pages/staff/edit/index?id=${q(id)}` : '/pages/staff/edit/index'),
  /** A new entry filled from 高频问题 (stores/entry-prefill holds what it starts from). */
  editFromGap: () => '/pages/staff/edit/index?from=gap',
  /** 高频问题: what residents ask that the knowledge base does not answer. */
  kbGaps: () => '/pages/staff/kb-gaps/index',
  import: () => '/pages/staff/import/index',
  synonyms: () => '/pages/staff/synonyms/index',
  mine: () => '/pages/mine/index',
  topics: () => '/pages/topics/index',
  home: () => '/pages/index/index',
  // `search`: the words came from a search that found no answer (logged for 高频问题 when asked).
  ask: (prefill: { q?: string; topic?: string; answererId?: string; search?: '1' } = {}) => {
    const query = Object.entries(prefill)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${q(v!)}`)
      .join('&');
    return query ? `/pages/ask/index?${query}` : '/pages/ask/index';
  },
  inquiries: () => '/pages/inquiries/index',
  inquiry: (id: string) => `/pages/inquiry/index?id=${q(id)}`,
  messages: () => '/pages/messages/index',
  /** The inbox, or (from a figure of 统计) the inquiries a figure counts; `unitName` only names the filter. */
  inbox: (filter: Record<string, string | undefined> = {}) => {
    const query = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${q(v!)}`)
      .join('&');
    return query ? `/pages/staff/inbox/index?${query}` : '/pages/staff/inbox/index';
  },
  /** 统计: the period's figures, the units' table and the trend. */
  stats: () => '/pages/staff/stats/index',
  handle: (id: string) => `/pages/staff/handle/index?id=${q(id)}`,
  /** 公开此答复: the masked copy of an answered inquiry, to publish to the knowledge base or 咨询公开. */
  publish: (id: string) => `/pages/staff/publish/index?id=${q(id)}`,
  /** 咨询公开: answers published for everyone, with personal data masked. */
  publicAnswers: (topic?: string) => `/pages/public-answers/index${topic ? `?topic=${q(topic)}` : ''}`,
  /** The public roster (政策解答员名录), optionally one unit's or one topic's. */
  roster: (f: { unitId?: string; topic?: string } = {}) =>
    `/pages/roster/index${f.unitId ? `?unitId=${q(f.unitId)}` : f.topic ? `?topic=${q(f.topic)}` : ''}`,
  redeem: (code?: string) => (code ? `/pages/staff/redeem/index?code=${q(code)}` : '/pages/staff/redeem/index'),
  invite: (prefill: { unitId?: string; role?: string } = {}) =>
    `/pages/staff/invite/index${prefill.unitId ? `?unitId=${q(prefill.unitId)}${prefill.role ? `&role=${q(prefill.role)}` : ''}` : ''}`,
  people: (unitId?: string) => (unitId ? `/pages/staff/people/index?unitId=${q(unitId)}` : '/pages/staff/people/index'),
  profile: (id: string) => `/pages/staff/profile/index?id=${q(id)}`,
  gaps: () => '/pages/staff/gaps/index',
  /** The office's 回访 queue and one 回访. */
  followups: () => '/pages/staff/followups/index',
  followup: (id: number) => `/pages/staff/followup/index?id=${id}`,
  /** Development sign-in, offered only where the API has it. */
  devSignIn: () => '/pages/staff/dev/index',
  units: () => '/pages/staff/units/index',
  /** The 政策 tab: published policies, filterable. */
  policies: () => '/pages/policies/index',
  policy: (id: string, section?: string) => `/pages/policy/index?id=${q(id)}${section ? `&section=${q(section)}` : ''}`,
  subscriptions: () => '/pages/policy/subscriptions/index',
  managePolicies: () => '/pages/staff/policies/index',
  importPolicy: () => '/pages/staff/policy-import/index',
  /** A policy in the editor: review its text, add interpretations, publish, change its validity. */
  editPolicy: (id: string) => `/pages/staff/policy-edit/index?id=${q(id)}`,
  /** Entries flagged 需复核 (a policy they rest on changed). */
  review: () => '/pages/staff/review/index',
  /** Partner keys and webhooks (对接密钥) for a 12345 platform. */
  partners: () => '/pages/staff/partners/index',
  /** 分类分派: which unit answers each topic. */
  routing: () => '/pages/staff/routing/index',
  /** 节假日安排: a year's holidays and adjusted workdays. */
  calendar: () => '/pages/staff/calendar/index',
};

export function go(url: string): void {
  void Taro.navigateTo({ url });
}

export function goTab(url: string): void {
  void Taro.switchTab({ url });
}

/** A route parameter as text; platforms differ in whether they decode it for us. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
