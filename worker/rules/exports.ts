import { shanghaiDay, workingDaysIn, type YearSchedules } from '../../shared/calendar';
import { AWAITING_REPLY, CHANNEL_LABELS, CHANNELS, RATINGS, STATUS_LABELS, type Channel, type InquiryStatus, type Rating } from '../../shared/inquiry/states';
import type { StatsAnswer, StatsFigures } from '../../shared/schemas/stats';
import type { Cell, Sheet } from '../lib/sheet';

/** What the ledger export reads of an inquiry. */
export type LedgerRow = {
  ticket: string;
  received_at: string;
  channel: Channel;
  topic: string | null;
  unit_name: string | null;
  answerer_name: string | null;
  status: InquiryStatus;
  due_at: string;
  replied_at: string | null;
  stopped_days: number;
  rating: Rating | null;
  contact_name: string | null;
  contact_phone: string | null;
};

const LEDGER_COLUMNS: [string, number][] = [
  ['受理编号', 20], ['受理时间', 18], ['渠道', 12], ['类别', 12], ['责任单位', 20], ['解答员', 10], ['状态', 10],
  ['答复期限', 12], ['答复时间', 18], ['是否按时', 12], ['用时(工作日)', 12], ['评价', 12],
];
const CONTACT_COLUMNS: [string, number][] = [['姓名', 10], ['电话', 16]];

/** An instant as Shanghai wall-clock minutes: 2025-09-01 10:00. */
export const shanghaiMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** On time by the due date then in force; an unanswered one past it is late already (DESIGN §3's on-time rate counts it). */
export function onTimeLabel(r: Pick<LedgerRow, 'status' | 'due_at' | 'replied_at'>, now: Date): string {
  if (r.replied_at) return r.replied_at <= r.due_at ? '是' : '否';
  if (AWAITING_REPLY.includes(r.status) && now.toISOString() > r.due_at) return '超期未答复';
  return '';
}

/** Working days from the day received (not counted) to the day replied, less the days the clock stood still: as 统计 counts them. */
export function workingDaysUsed(r: Pick<LedgerRow, 'received_at' | 'replied_at' | 'stopped_days'>, overrides: YearSchedules): number | null {
  if (!r.replied_at) return null;
  const used = workingDaysIn(shanghaiDay(new Date(r.received_at)), shanghaiDay(new Date(r.replied_at)), overrides).count;
  return Math.max(used - r.stopped_days, 0);
}

/** The 台账 as a table: the header, then one row per inquiry; the contact columns only when asked for and allowed. */
export function ledgerSheet(rows: LedgerRow[], o: { contacts: boolean; now: Date; overrides: YearSchedules }): Sheet {
  const columns = o.contacts ? [...LEDGER_COLUMNS, ...CONTACT_COLUMNS] : LEDGER_COLUMNS;
  const body = rows.map((r): Cell[] => {
    const cells: Cell[] = [
      r.ticket,
      shanghaiMinute(r.received_at),
      CHANNEL_LABELS[r.channel] ?? r.channel,
      r.topic,
      r.unit_name ?? '未分派',
      r.answerer_name,
      STATUS_LABELS[r.status] ?? r.status,
      shanghaiDay(new Date(r.due_at)),
      r.replied_at ? shanghaiMinute(r.replied_at) : null,
      onTimeLabel(r, o.now),
      workingDaysUsed(r, o.overrides),
      r.rating,
    ];
    if (o.contacts) cells.push(r.contact_name, r.contact_phone);
    return cells;
  });
  return { name: '政策咨询台账', rows: [columns.map(([name]) => name), ...body], widths: columns.map(([, w]) => w) };
}

type Kind = 'count' | 'rate' | 'days';
/** The figures in the order 统计 shows them, with their names in the annual report's words. */
const FIGURES: [keyof StatsFigures, string, Kind][] = [
  ['received', '收到咨询', 'count'],
  ['replied', '答复', 'count'],
  ['repliedOnTime', '按时答复', 'count'],
  ['openOverdue', '超期未答复', 'count'],
  ['onTimeRate', '按时答复率（%）', 'rate'],
  ['replyDaysAverage', '平均答复用时（工作日）', 'days'],
  ['replyDaysP90', '90% 答复用时不超过（工作日）', 'days'],
  ['clarifications', '请居民补充', 'count'],
  ['transfers', '转办', 'count'],
  ['kbResolved', '问答库直接解决', 'count'],
  ['kbRate', '问答库解决率（%）', 'rate'],
  ['rated', '评价', 'count'],
  ['satisfactionRate', '满意率（%）', 'rate'],
  ['followupsOpen', '回访未结', 'count'],
  ['followupsClosed', '回访已结', 'count'],
  ['policiesNeedingInterpretation', '需解读的政策', 'count'],
  ['policiesInterpreted', '已解读的政策', 'count'],
  ['interpretationRate', '解读率（%）', 'rate'],
  ['rosterGaps', '解答员名录缺口', 'count'],
  ['entriesFlagged', '需复核的问答', 'count'],
  ['entriesExpired', '已过期的问答', 'count'],
];

function value(f: StatsFigures, key: keyof StatsFigures, kind: Kind): Cell {
  const v = f[key];
  if (typeof v !== 'number') return null;
  return kind === 'rate' ? Math.round(v * 1000) / 10 : v;
}

/** The period's figures: 汇总 (each figure, then by channel and by rating level), and 各单位 (the league table). */
export function statsSheets(s: StatsAnswer, scopeName: string): Sheet[] {
  const summary: Cell[][] = [
    ['指标', '数值'],
    ['统计范围', scopeName],
    ['统计期间', `${s.from} 至 ${s.to}`],
    ['生成时间', shanghaiMinute(s.generatedAt)],
    ...FIGURES.map(([key, label, kind]): Cell[] => [label, value(s, key, kind)]),
    ...CHANNELS.map((c): Cell[] => [`收到咨询 · ${CHANNEL_LABELS[c]}`, s.byChannel[c] ?? 0]),
    ...RATINGS.map((r): Cell[] => [`评价 · ${r}`, s.satisfaction[r] ?? 0]),
  ];
  const units: Cell[][] = [
    ['单位', ...FIGURES.map(([, label]) => label)],
    ...s.byUnit.map((u): Cell[] => [u.unitName, ...FIGURES.map(([key, , kind]) => value(u, key, kind))]),
  ];
  return [
    { name: '汇总', rows: summary, widths: [30, 24] },
    { name: '各单位', rows: units, widths: [22, ...FIGURES.map(() => 12)] },
  ];
}
