import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import type { InboxTab } from '@shared/schemas/inquiry';
import { useState } from 'react';
import { usePullToReload, useReloadOnReturn } from '../../../hooks/usePageReload';
import { InquiryCard } from '../../../components/InquiryCard';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyState, Loading } from '../../../components/Status';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { usePaged } from '../../../hooks/usePaged';
import { listInbox } from '../../../services/inquiry';
import { isStaff, ROLE_LABELS } from '../../../services/session';
import { go, routes } from '../../../utils/nav';
import { ListError } from '../components/ListError';
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
    return <SignInRequired className={styles.page} hint="以政策解答员、单位编辑或政务公开办身份登录后，才能办理咨询" />;
  }
  return <InboxList user={user} />;
}

function InboxList({ user }: { user: Me }) {
  const [tab, setTab] = useState<InboxTab>('pending');
  const list = usePaged((offset, limit) => listInbox(tab, offset, limit), [tab], PAGE_SIZE);
  const current = TABS.find((t) => t.value === tab)!;

  // Back from handling one: it may have left this tab.
  useReloadOnReturn(list.reload);
  usePullToReload(list.reload);

  return (
    <View className={`${styles.page} zc-inbox`}>
      <View className={styles.top}>
        <Text className={styles.scope}>
          {user.role === 'office' ? '全区咨询' : `${user.unitName ?? ''}的咨询`} · {ROLE_LABELS[user.role]}
          {user.name ? ` ${user.name}` : ''}
        </Text>
        <View className={styles.tabs}>
          {TABS.map((t) => (
            <View
              key={t.value}
              className={`${styles.tab} ${tab === t.value ? styles.tabActive : ''} ${styles[`tab_${t.value}`] ?? ''} zc-inbox-tab zc-tab-${t.value}`}
              onClick={() => setTab(t.value)}
            >
              {t.label}
            </View>
          ))}
        </View>
      </View>

      <View className={styles.body}>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ListError error={list.error} onRetry={list.reload} />}
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
    </View>
  );
}
