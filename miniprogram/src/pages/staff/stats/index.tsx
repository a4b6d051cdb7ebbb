import { ScrollView, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { addDays, shanghaiDay } from '@shared/calendar/days';
import { RATINGS, type Rating } from '@shared/inquiry/states';
import type { Unit } from '@shared/schemas/auth';
import type { InboxFilter } from '@shared/schemas/inquiry';
import type { StatsAnswer, StatsUnitRow, TrendInterval } from '@shared/schemas/stats';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { usePullToReload } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { canManage } from '../../../services/session';
import { listDistrictUnits } from '../../../services/staff';
import { getStats, getTrend } from '../../../services/stats';
import * as a11y from '../../../utils/a11y';
import { go, routes } from '../../../utils/nav';
import { DistrictUnitPicker } from '../components/DistrictUnitPicker';
import { ListError } from '../components/ListError';
import { DateField } from '../components/PolicyForm';
import { SignInRequired } from '../components/SignInRequired';
import { TrendChart } from '../components/TrendChart';
import type { Me } from '@shared/schemas/auth';
import styles from './index.module.scss';

type PeriodKind = 'month' | 'last_month' | 'quarter' | 'year' | 'custom';
const PERIODS: { kind: PeriodKind; label: string }[] = [
  { kind: 'month', label: '本月' },
  { kind: 'last_month', label: '上月' },
  { kind: 'quarter', label: '本季度' },
  { kind: 'year', label: '本年' },
  { kind: 'custom', label: '自定义' },
];

/** The days of a named period in Shanghai, up to today. */
function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const firstOf = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  if (kind === 'month') return { from: firstOf(month), to: today };
  if (kind === 'year') return { from: `${year}-01-01`, to: today };
  if (kind === 'quarter') return { from: firstOf(Math.floor((month - 1) / 3) * 3 + 1), to: today };
  const end = addDays(firstOf(month), -1);
  return { from: `${end.slice(0, 7)}-01`, to: end };
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export default function StatsPage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能查看统计" />
      </Page>
    );
  }
  return <Dashboard user={user} />;
}

function Dashboard({ user }: { user: Me }) {
  const office = user.role === 'office';
  const today = shanghaiDay(new Date());
  const [kind, setKind] = useState<PeriodKind>('month');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [unit, setUnit] = useState<Unit | null>(null);
  const [interval, setInterval] = useState<TrendInterval>('week');
  const period = kind === 'custom' ? (custom.from && custom.to ? custom : null) : periodOf(kind, today);
  const unitId = unit?.id;

  const units = useResource(() => (office ? listDistrictUnits() : Promise.resolve({ items: [] as Unit[] })), [office]);
  const stats = useResource(
    () => (period ? getStats({ from: period.from, to: period.to, unitId }) : Promise.resolve(null)),
    [period?.from, period?.to, unitId],
  );
  const trend = useResource(() => (period ? getTrend({ to: period.to, unitId, interval }) : Promise.resolve(null)), [period?.to, unitId, interval]);
  usePullToReload(() => {
    stats.reload();
    trend.reload();
  });

  const scopeName = unit?.name ?? (office ? '全辖区' : (user.unitName ?? '本单位'));
  return (
    <Page className="zc-stats">
      <Card tight className={styles.controls}>
        <View className={styles.chips}>
          {PERIODS.map((p) => (
            <View
              key={p.kind}
              className={`${styles.chip} ${kind === p.kind ? styles.chipOn : ''} zc-stats-period`}
              data-kind={p.kind}
              {...a11y.choice(kind === p.kind)}
              onClick={() => setKind(p.kind)}
            >
              {p.label}
            </View>
          ))}
        </View>
        {kind === 'custom' && (
          <View className={styles.custom}>
            <DateField label="开始日期" value={custom.from} cls="zc-stats-from" onChange={(from) => setCustom((c) => ({ ...c, from }))} />
            <Text className={styles.dash} {...a11y.hidden()}>
              至
            </Text>
            <DateField label="结束日期" value={custom.to} cls="zc-stats-to" onChange={(to) => setCustom((c) => ({ ...c, to }))} />
          </View>
        )}
        {office && units.status === 'ok' && (
          <DistrictUnitPicker
            className="zc-stats-unit"
            units={units.data.items}
            value={unit}
            onChange={setUnit}
            onClear={() => setUnit(null)}
            selectable={() => true}
            placeholder="全辖区"
            title="按单位统计"
          />
        )}
        <Text className={`${styles.scope} zc-stats-scope`}>
          {scopeName}
          {period ? ` · ${shortDay(period.from)}至${shortDay(period.to)}` : ''}
        </Text>
      </Card>

      {!period && <EmptyState title="请选择开始和结束日期" hint="最长可统计 3 年" />}
      {period && stats.status === 'loading' && <Loading />}
      {period && stats.status === 'error' && <ListError error={stats.error} onRetry={stats.reload} />}
      {period && stats.status === 'ok' && stats.data && (
        <Figures stats={stats.data} user={user} unitId={unitId} unitName={unit?.name ?? (office ? '' : (user.unitName ?? ''))} />
      )}
      {period && stats.status === 'ok' && stats.data && stats.data.byUnit.length > 1 && <UnitTable rows={stats.data.byUnit} />}

      {period && (
        <Card
          title={interval === 'week' ? '近 12 周趋势' : '近 12 个月趋势'}
          className="zc-stats-trend"
          extra={
            <View className={styles.toggle}>
              {(['week', 'month'] as const).map((i) => (
                <View
                  key={i}
                  className={`${styles.toggleItem} ${interval === i ? styles.toggleOn : ''} zc-stats-interval`}
                  data-interval={i}
                  {...a11y.choice(interval === i)}
                  onClick={() => setInterval(i)}
                >
                  {i === 'week' ? '按周' : '按月'}
                </View>
              ))}
            </View>
          }
        >
          {trend.status === 'loading' && <Loading compact />}
          {trend.status === 'error' && <ListError error={trend.error} onRetry={trend.reload} />}
          {trend.status === 'ok' && trend.data && <TrendChart trend={trend.data} />}
        </Card>
      )}
    </Page>
  );
}

type Figure = {
  key: string;
  label: string;
  value: string;
  hint: string;
  tone?: 'danger' | 'warn' | 'success';
  to?: string;
};

function Figures({ stats: s, user, unitId, unitName }: { stats: StatsAnswer; user: Me; unitId?: string; unitName: string }) {
  const office = user.role === 'office';
  // Each figure opens the inquiries it counts; the unit's name goes along for the inbox's filter chip.
  const inbox = (f: InboxFilter) => routes.inbox({ ...f, ...(unitId ? { unitId, unitName } : {}) });
  const period = { from: s.from, to: s.to };
  const interpretationLow = s.interpretationRate !== null && s.interpretationRate < 0.9;
  const figures: Figure[] = [
    { key: 'received', label: '收到咨询', value: String(s.received), hint: '本期各渠道登记的咨询', to: inbox(period) },
    { key: 'replied', label: '已答复', value: String(s.replied), hint: `其中按时 ${s.repliedOnTime} 件`, to: inbox({ ...period, replied: '1' }) },
    {
      key: 'onTime',
      label: '按时答复率',
      value: percent(s.onTimeRate),
      hint: `5 个工作日内答复：按时 ${s.repliedOnTime} ÷（答复 ${s.replied} + 超期 ${s.openOverdue}）`,
      tone: s.onTimeRate !== null && s.onTimeRate < 0.9 ? 'warn' : undefined,
      to: inbox({ ...period, replied: '1' }),
    },
    {
      key: 'overdue',
      label: '超期未答复',
      value: String(s.openOverdue),
      hint: s.openOverdue ? '已过答复期限，仍待答复' : '没有超期的咨询',
      tone: s.openOverdue ? 'danger' : 'success',
      to: inbox({ overdue: '1' }),
    },
    { key: 'kb', label: '问答库解决率', value: percent(s.kbRate), hint: `居民在问答库找到答案 ${s.kbResolved} 次` },
    {
      key: 'interpretation',
      label: '政策解读率',
      value: percent(s.interpretationRate),
      hint: `已解读 ${s.policiesInterpreted} / 应解读 ${s.policiesNeedingInterpretation}，要求不低于 90%`,
      tone: interpretationLow ? 'warn' : undefined,
      to: routes.managePolicies(),
    },
    {
      key: 'gaps',
      label: '名录缺口',
      value: String(s.rosterGaps),
      hint: '解答员未配齐或缺办公电话',
      tone: s.rosterGaps ? 'warn' : undefined,
      to: office ? routes.gaps() : undefined,
    },
    {
      key: 'review',
      label: '需复核的问答',
      value: String(s.entriesFlagged + s.entriesExpired),
      hint: `依据文件变化 ${s.entriesFlagged} 条，已过有效期 ${s.entriesExpired} 条`,
      tone: s.entriesFlagged + s.entriesExpired ? 'warn' : undefined,
      to: routes.review(),
    },
    {
      key: 'followups',
      label: '回访未结',
      value: String(s.followupsOpen),
      hint: `本期不满意评价的回访，已结 ${s.followupsClosed} 件`,
      tone: s.followupsOpen ? 'warn' : undefined,
      to: office ? routes.followups() : undefined,
    },
  ];
  return (
    <>
      <View className={`${styles.grid} zc-stats-figures`}>
        {figures.map((f) => (
          <FigureCard key={f.key} figure={f} />
        ))}
        <Satisfaction stats={s} inbox={inbox} />
      </View>
      {s.received === 0 && s.replied === 0 && s.openOverdue === 0 && (
        <Text className={styles.note}>这段时间没有收到或答复咨询。</Text>
      )}
    </>
  );
}

function FigureCard({ figure: f }: { figure: Figure }) {
  const body = (
    <>
      <Text className={styles.figureLabel}>{f.label}</Text>
      <Text className={`${styles.figureValue} ${f.tone ? styles[`tone_${f.tone}`] : ''} zc-figure-value`}>{f.value}</Text>
      <Text className={styles.figureHint}>{f.hint}</Text>
    </>
  );
  if (!f.to) {
    return (
      <View className={`${styles.figure} zc-figure`} data-figure={f.key}>
        {body}
      </View>
    );
  }
  const to = f.to;
  return (
    <View
      className={`${styles.figure} ${styles.figureLink} zc-figure`}
      data-figure={f.key}
      hoverClass={styles.pressed}
      {...a11y.link(`${f.label} ${f.value}，${f.hint}，查看明细`)}
      onClick={() => go(to)}
    >
      {body}
      <Text className={styles.chevron} {...a11y.hidden()}>
        ›
      </Text>
    </View>
  );
}

/** The five 好差评 levels; each opens the inquiries rated so in the period. */
function Satisfaction({ stats: s, inbox }: { stats: StatsAnswer; inbox: (f: InboxFilter) => string }) {
  return (
    <View className={`${styles.figure} ${styles.wide} zc-figure`} data-figure="satisfaction">
      <Text className={styles.figureLabel}>满意率</Text>
      <Text className={`${styles.figureValue} zc-figure-value`}>{percent(s.satisfactionRate)}</Text>
      <Text className={styles.figureHint}>{s.rated ? `${s.rated} 条评价中非常满意、满意、基本满意的占比` : '本期还没有评价'}</Text>
      {s.rated > 0 && (
        <View className={styles.levels}>
          {RATINGS.map((r: Rating) => (
            <View
              key={r}
              className={`${styles.level} zc-stats-rating`}
              data-rating={r}
              {...a11y.link(`${r} ${s.satisfaction[r]} 条，查看`)}
              onClick={() => go(inbox({ from: s.from, to: s.to, rated: r }))}
            >
              <Text>{r}</Text>
              <Text className={styles.levelCount}>{s.satisfaction[r]}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

type Column = { key: keyof StatsUnitRow; label: string; format: (r: StatsUnitRow) => string };
const COLUMNS: Column[] = [
  { key: 'unitName', label: '单位', format: (r) => r.unitName },
  { key: 'received', label: '收到', format: (r) => String(r.received) },
  { key: 'replied', label: '答复', format: (r) => String(r.replied) },
  { key: 'onTimeRate', label: '按时率', format: (r) => percent(r.onTimeRate) },
  { key: 'openOverdue', label: '超期', format: (r) => String(r.openOverdue) },
  { key: 'kbRate', label: '问答库', format: (r) => percent(r.kbRate) },
  { key: 'satisfactionRate', label: '满意率', format: (r) => percent(r.satisfactionRate) },
  { key: 'interpretationRate', label: '解读率', format: (r) => percent(r.interpretationRate) },
  { key: 'rosterGaps', label: '名录缺口', format: (r) => String(r.rosterGaps) },
];

type Sort = { key: keyof StatsUnitRow; dir: 'ascending' | 'descending' } | null;

function sorted(rows: StatsUnitRow[], sort: Sort): StatsUnitRow[] {
  if (!sort) return rows;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    // A rate with nothing to divide goes last either way: it is not a low score.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y, 'zh-CN');
    return sign * (Number(x) - Number(y));
  });
}

/** The league table: every unit of the scope, sortable by each column. */
function UnitTable({ rows }: { rows: StatsUnitRow[] }) {
  const [sort, setSort] = useState<Sort>(null);
  const toggle = (key: keyof StatsUnitRow) =>
    setSort((s) => {
      if (s?.key === key) return { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' };
      // Names read A to Z first; figures largest first.
      return { key, dir: key === 'unitName' ? 'ascending' : 'descending' };
    });
  const shown = sorted(rows, sort);
  return (
    <Card title="各单位" className="zc-stats-units">
      <Text className={styles.tableHint}>点表头排序，左右滑动查看更多列</Text>
      <ScrollView scrollX className={styles.tableScroll}>
        <View className={`${styles.table} zc-stats-table`} {...{ role: 'table', 'aria-label': '各单位统计' }}>
          <View className={`${styles.row} ${styles.headRow}`} {...{ role: 'row' }}>
            {COLUMNS.map((c) => {
              const state = sort?.key === c.key ? sort.dir : 'none';
              return (
                <View
                  key={c.key}
                  className={`${styles.cell} ${c.key === 'unitName' ? styles.nameCell : ''} ${styles.headCell} zc-stats-th`}
                  data-key={c.key}
                  {...{ role: 'columnheader', 'aria-sort': state }}
                >
                  <View className={styles.sortButton} {...a11y.button(`按${c.label}排序`)} onClick={() => toggle(c.key)}>
                    <Text>{c.label}</Text>
                    <Text className={styles.sortMark} {...a11y.hidden()}>
                      {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                    </Text>
                  </View>
                </View>
              );
            })}
          </View>
          {shown.map((r) => (
            <View key={r.unitId ?? 'unrouted'} className={`${styles.row} zc-stats-tr`} data-unit={r.unitId ?? ''} {...{ role: 'row' }}>
              {COLUMNS.map((c) => (
                <Text
                  key={c.key}
                  className={`${styles.cell} ${c.key === 'unitName' ? styles.nameCell : ''} ${c.key === 'openOverdue' && r.openOverdue ? styles.tone_danger : ''}`}
                  {...{ role: c.key === 'unitName' ? 'rowheader' : 'cell' }}
                >
                  {c.format(r)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
      {sort && (
        <Button className={`${styles.reset} zc-stats-unsort`} size="small" fill="none" onClick={() => setSort(null)}>
          恢复默认顺序
        </Button>
      )}
    </Card>
  );
}
