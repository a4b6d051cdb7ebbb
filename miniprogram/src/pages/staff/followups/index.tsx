import { Text, View } from '@tarojs/components';
import type { FollowupItem, FollowupStatus } from '@shared/schemas/followup';
import { useRef, useState } from 'react';
import { LoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { EmptyState } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { usePaged } from '../../../hooks/usePaged';
import { usePullToReload, useReloadOnReturn } from '../../../hooks/usePageReload';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { listFollowups } from '../../../services/followups';
import * as a11y from '../../../utils/a11y';
import { dateTime, excerpt } from '../../../utils/format';
import { go, routes } from '../../../utils/nav';
import { ListStatus } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const TABS: { value: FollowupStatus; label: string; empty: string; hint?: string }[] = [
  { value: 'open', label: '待回访', empty: '没有待回访的咨询', hint: '居民评价「不满意」或「非常不满意」后，会出现在这里' },
  { value: 'done', label: '已结束', empty: '还没有结束的回访' },
];
const PAGE_SIZE = 15;

export default function Followups() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能回访" />
      </Page>
    );
  }
  return <FollowupList />;
}

function FollowupList() {
  const [tab, setTab] = useState<FollowupStatus>('open');
  const [counts, setCounts] = useState<Record<FollowupStatus, number> | null>(null);
  const asked = useRef(0);
  const list = usePaged(
    (offset, limit) => {
      const mine = ++asked.current;
      return listFollowups(tab, offset, limit).then((page) => {
        if (mine === asked.current) setCounts(page.counts);
        return page;
      });
    },
    [tab],
    PAGE_SIZE,
  );
  const current = TABS.find((t) => t.value === tab)!;
  useReloadOnReturn(list.reload);
  usePullToReload(list.reload);

  return (
    <Page variant="flush" className="zc-followups">
      <View className={styles.top}>
        <Text className={styles.scope}>辖区内被评价不满意的咨询，由政务公开办回访</Text>
        <View className={styles.tabs} {...{ role: 'tablist' }}>
          {TABS.map((t) => {
            const n = counts?.[t.value];
            return (
              <View
                key={t.value}
                className={`${styles.tab} ${tab === t.value ? styles.tabActive : ''} zc-followups-tab zc-tab-${t.value}`}
                {...a11y.tab(tab === t.value)}
                onClick={() => setTab(t.value)}
              >
                <Text>{t.label}</Text>
                {n !== undefined && (
                  <Text className={`${styles.count} ${t.value === 'open' && n > 0 ? styles.countOpen : ''} zc-tab-count`} data-count={n}>
                    {n > 999 ? '999+' : n}
                  </Text>
                )}
              </View>
            );
          })}
        </View>
      </View>

      <View className={styles.body}>
        <ListStatus list={list} />
        {list.status === 'ok' && list.items.length === 0 && <EmptyState title={current.empty} hint={current.hint} />}
        {list.status === 'ok' && list.total > 0 && (
          <Text className={styles.total}>
            {current.label} {list.total} 条{tab === 'open' ? ' · 等待最久的在前' : ''}
          </Text>
        )}
        {list.status === 'ok' && list.items.map((f) => <FollowupCard key={f.id} item={f} />)}
        <LoadMore list={list} />
      </View>
    </Page>
  );
}

function FollowupCard({ item: f }: { item: FollowupItem }) {
  const ended = f.outcome === 'reopened' ? '已退回重办' : '已结束回访';
  return (
    <View className={`${styles.card} zc-followup-card`} data-id={f.id} hoverClass={styles.pressed} {...a11y.link()} onClick={() => go(routes.followup(f.id))}>
      <View className={styles.head}>
        <Tag tone={f.rating === '非常不满意' ? 'danger' : 'warn'}>{f.rating}</Tag>
        <Text className={`${styles.ticket} zc-ticket`}>{f.ticket}</Text>
        {f.status === 'open' ? (
          <Text className={`${styles.waiting} ${f.waitingDays >= 3 ? styles.waitingLong : ''} zc-waiting`}>
            {f.waitingDays === 0 ? '今天' : `已等 ${f.waitingDays} 天`}
          </Text>
        ) : (
          <Text className={styles.waiting}>{ended}</Text>
        )}
      </View>
      <Text className={`${styles.question} zc-followup-question`}>{excerpt(f.question, 64)}</Text>
      <View className={styles.foot}>
        <Text className={styles.unit}>{f.unitName ?? '待交办'}</Text>
        <Text className={styles.meta}>
          {f.status === 'open' ? (f.calls ? `已回访 ${f.calls} 次` : '尚未回访') : f.closedAt ? `${dateTime(f.closedAt)}` : ''}
        </Text>
      </View>
    </View>
  );
}
