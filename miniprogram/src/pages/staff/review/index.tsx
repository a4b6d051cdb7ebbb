import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import type { FaqManaged } from '@shared/schemas/faq';
import { useState } from 'react';
import { LoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { EmptyState } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { usePaged } from '../../../hooks/usePaged';
import { useReloadOnReturn } from '../../../hooks/usePageReload';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { errorMessage } from '../../../services/api';
import { listManaged } from '../../../services/manage';
import { markReviewed } from '../../../services/policies';
import { canManage } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { shanghaiDate } from '../../../utils/format';
import { go, routes } from '../../../utils/nav';
import { ListStatus } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const PAGE_SIZE = 15;

export default function ReviewPage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能复核问答" />
      </Page>
    );
  }
  return <Review user={user} />;
}

function Review({ user }: { user: Me }) {
  const list = usePaged((offset, limit) => listManaged({ flagged: true, offset, limit }), [], PAGE_SIZE);
  const [busyId, setBusyId] = useState<string | null>(null);
  // Back from the entry's editor: an entry already reviewed there drops off.
  useReloadOnReturn(list.reload);

  const reviewed = async (entry: FaqManaged) => {
    setBusyId(entry.id);
    try {
      await markReviewed(entry.id);
      list.setItems((items) => items.filter((i) => i.id !== entry.id));
      void Taro.showToast({ title: '已复核', icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
      list.reload();
    } finally {
      setBusyId(null);
    }
  };

  const shown = list.status === 'ok' ? list.items : [];
  return (
    <Page className="zc-review">
      <Text className={styles.intro}>
        这些问答依据的政策文件已被修改、废止或失效，居民看到「答复可能已过时」的提示。核对答复并按需修改后，点「已复核」。
        {user.role === 'office' ? '' : `只列出${user.unitName ?? '本单位'}的问答。`}
      </Text>
      <ListStatus list={list} />
      {list.status === 'ok' && shown.length === 0 && <EmptyState title="没有需要复核的问答" hint="依据文件有变化时，相关问答会列在这里" />}
      {shown.map((entry) => (
        <View key={entry.id} className={`${styles.card} zc-review-item`} data-id={entry.id}>
          <View className={styles.head}>
            <Tag tone="warn">需复核</Tag>
            <Tag tone="primary">{entry.topic}</Tag>
            {entry.review && <Text className={styles.date}>{shanghaiDate(entry.review.flaggedAt)}</Text>}
          </View>
          <Text className={`${styles.question} zc-review-question`}>{entry.question}</Text>
          {entry.review && (
            <Text className={`${styles.reason} zc-review-reason`}>{entry.review.reason}</Text>
          )}
          {entry.review?.policyId && (
            <Text
              className={`${styles.policy} zc-review-policy`}
              {...a11y.link('查看依据文件')}
              onClick={() => go(routes.editPolicy(entry.review!.policyId!))}
            >
              查看依据文件 ›
            </Text>
          )}
          <View className={styles.actions}>
            <Button className={`${styles.action} zc-review-open`} size="small" fill="outline" onClick={() => go(routes.edit(entry.id))}>
              打开问答
            </Button>
            <Button
              className={`${styles.action} zc-review-done`}
              size="small"
              type="primary"
              loading={busyId === entry.id}
              disabled={busyId === entry.id}
              onClick={() => void reviewed(entry)}
            >
              已复核
            </Button>
          </View>
        </View>
      ))}
      <LoadMore list={list} />
    </Page>
  );
}
