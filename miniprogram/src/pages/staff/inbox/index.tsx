import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import type { InboxCounts, InboxTab } from '@shared/schemas/inquiry';
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
import { go, routes } from '../../../utils/nav';
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
  const [tab, setTab] = useState<InboxTab>('pending');
  // Every page of a tab brings every tab's count; the last request made is the one shown.
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const asked = useRef(0);
  const list = usePaged(
    (offset, limit) => {
      const mine = ++asked.current;
      return listInbox(tab, offset, limit).then((page) => {
        if (mine === asked.current) setCounts(page.counts);
        return page;
      });
    },
    [tab],
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
        <View className={styles.tabs} {...{ role: 'tablist' }}>
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
        <ListStatus list={list} />
        {list.status === 'ok' && list.items.length === 0 && (
          <EmptyState title={current.empty} hint={tab === 'answered' ? undefined : '新的咨询交办后会出现在这里，并在「消息」里提醒'} />
        )}
        {list.status === 'ok' && list.total > 0 && (
          <Text className={styles.total}>
            {current.label} {list.total} 条{tab === 'answered' ? '' : ' · 按答复期限排序'}
          </Text>
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
