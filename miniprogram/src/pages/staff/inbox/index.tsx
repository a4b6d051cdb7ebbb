import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import { useRouter } from '@tarojs/taro';
import { CHANNEL_LABELS, STATUS_LABELS, type Channel, type InquiryStatus } from '@shared/inquiry/states';
import type { InboxCounts, InboxFilter, InboxTab } from '@shared/schemas/inquiry';
import { useRef, useState } from 'react';
import { usePullToReload, useReloadOnReturn } from '../../../hooks/usePageReload';
import { InquiryCard } from '../../../components/InquiryCard';
import { LoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { EmptyState } from '../../../components/Status';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { usePaged } from '../../../hooks/usePaged';
import { listInbox } from '../../../services/inquiry';
import { isStaff, ROLE_LABELS } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { go, param, routes } from '../../../utils/nav';
import { ExportSheet } from '../components/ExportSheet';
import { ListStatus } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const TABS: { value: InboxTab; label: string; empty: string }[] = [
  { value: 'pending', label: '待答复', empty: '没有待办的咨询' },
  { value: 'due_soon', label: '临期', empty: '没有临近期限的咨询' },
  { value: 'overdue', label: '超期', empty: '没有超期的咨询' },
  { value: 'answered', label: '已答复', empty: '还没有已答复的咨询' },
];
const PAGE_SIZE = 15;

// The filters a figure of 统计 opens the inbox with (shared/schemas/inquiry's INBOX_FILTERS).
const FILTER_KEYS = ['from', 'to', 'unitId', 'overdue', 'status', 'channel', 'rated', 'replied'] as const;

function filterOf(params: Record<string, string | undefined>): InboxFilter {
  const f: InboxFilter = {};
  for (const k of FILTER_KEYS) if (params[k]) f[k] = param(params[k]);
  return f;
}

const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** What the filtered list holds, in the words of the figure it came from: 「人社局 · 超期」. */
function filterLabel(f: InboxFilter, unitName: string): string {
  const parts: string[] = [];
  if (unitName) parts.push(unitName);
  if (f.from || f.to) {
    const span = f.from === f.to ? shortDay(f.from!) : `${f.from ? shortDay(f.from) : ''}–${f.to ? shortDay(f.to) : ''}`;
    parts.push(`${span}${f.replied ? '答复' : f.rated ? '评价' : '收到'}`);
  } else if (f.replied) parts.push('已答复');
  if (f.overdue) parts.push('超期');
  if (f.status) parts.push(STATUS_LABELS[f.status as InquiryStatus] ?? f.status);
  if (f.channel) parts.push(CHANNEL_LABELS[f.channel as Channel] ?? f.channel);
  if (f.rated) parts.push(f.rated);
  return parts.join(' · ');
}

export default function Inbox() {
  const [user] = useStoredUser();

  if (!isStaff(user)) {
    return (
      <Page>
        <SignInRequired hint="以政策解答员、单位编辑或政务公开办身份登录后，才能办理咨询" />
      </Page>
    );
  }
  return <InboxList user={user} />;
}

function InboxList({ user }: { user: Me }) {
  const { params } = useRouter();
  const [filter, setFilter] = useState<InboxFilter>(() => filterOf(params));
  const filtered = Object.keys(filter).length > 0;
  const [tab, setTab] = useState<InboxTab>('pending');
  // Every page of a tab brings every tab's count; the last request made is the one shown.
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const asked = useRef(0);
  const list = usePaged(
    (offset, limit) => {
      const mine = ++asked.current;
      return listInbox(filtered ? null : tab, offset, limit, filter).then((page) => {
        if (mine === asked.current) setCounts(page.counts);
        return page;
      });
    },
    [tab, filter],
    PAGE_SIZE,
  );
  const current = TABS.find((t) => t.value === tab)!;

  // Back from handling one: it may have left this tab.
  useReloadOnReturn(list.reload);
  usePullToReload(list.reload);

  return (
    <Page variant="flush" bar className="zc-inbox">
      <View className={styles.top}>
        <Text className={styles.scope}>
          {user.role === 'office' ? '全区咨询' : `${user.unitName ?? ''}的咨询`} · {ROLE_LABELS[user.role]}
          {user.name ? ` ${user.name}` : ''}
        </Text>
        {filtered && (
          <View className={styles.filters}>
            <View className={`${styles.chip} zc-inbox-filter`} {...a11y.button(`筛选：${filterLabel(filter, param(params.unitName))}，点此取消`)} onClick={() => setFilter({})}>
              <Text>
                {filterLabel(filter, param(params.unitName))}
                {list.status === 'ok' ? ` · ${list.total}` : ''}
              </Text>
              <Text className={styles.chipClose} {...a11y.hidden()}>
                ×
              </Text>
            </View>
          </View>
        )}
        <View className={`${styles.tabs} ${filtered ? styles.hidden : ''}`} {...{ role: 'tablist' }}>
          {TABS.map((t) => {
            const n = counts?.[t.value];
            return (
              <View
                key={t.value}
                className={`${styles.tab} ${tab === t.value ? styles.tabActive : ''} ${styles[`tab_${t.value}`] ?? ''} zc-inbox-tab zc-tab-${t.value}`}
                {...a11y.tab(tab === t.value)}
                onClick={() => setTab(t.value)}
              >
                <Text>{t.label}</Text>
                {n !== undefined && (
                  <Text className={`${styles.count} ${n > 0 ? (styles[`count_${t.value}`] ?? '') : ''} zc-tab-count`} data-count={n}>
                    {n > 999 ? '999+' : n}
                  </Text>
                )}
              </View>
            );
          })}
        </View>
      </View>

      <View className={styles.body}>
        {(user.role === 'office' || user.role === 'editor') && <ExportSheet office={user.role === 'office'} />}
        <ListStatus list={list} />
        {list.status === 'ok' && list.items.length === 0 && filtered && <EmptyState title="没有符合筛选的咨询" hint="点上方的筛选条件可以取消筛选" />}
        {list.status === 'ok' && list.items.length === 0 && !filtered && (
          <EmptyState title={current.empty} hint={tab === 'answered' ? undefined : '新的咨询交办后会出现在这里，并在「消息」里提醒'} />
        )}
        {list.status === 'ok' && list.total > 0 && !filtered && (
          <Text className={styles.total}>
            {current.label} {list.total} 条{tab === 'answered' ? '' : ' · 按答复期限排序'}
          </Text>
        )}
        {list.status === 'ok' && list.items.length > 0 && (
          <View className={styles.tableHead} {...a11y.hidden()}>
            {['编号', '收到', '问题', '类别', '承办单位', '状态', '答复期限', ''].map((h, n) => (
              <Text key={n}>{h}</Text>
            ))}
          </View>
        )}
        {list.status === 'ok' &&
          list.items.map((i) => <InquiryCard key={i.id} inquiry={i} audience="staff" onClick={() => go(routes.handle(i.id))} />)}
        <LoadMore list={list} />
      </View>

      <View className={styles.bar}>
        <Button className="zc-go-log" type="primary" block size="large" onClick={() => go(routes.ask())}>
          登记热线、来电咨询
        </Button>
      </View>
    </Page>
  );
}
