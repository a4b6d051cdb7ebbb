import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { usePullToReload, useReloadOnReturn } from '../../hooks/usePageReload';
import { InquiryCard } from '../../components/InquiryCard';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { usePaged } from '../../hooks/usePaged';
import { listMine } from '../../services/inquiry';
import { go, routes } from '../../utils/nav';
import * as a11y from '../../utils/a11y';
import { Page } from '../../components/Page';
import { PhoneSignIn } from '../../components/PhoneSignIn';
import { SignInNeeded } from '../../services/session';
import styles from './index.module.scss';

const PAGE_SIZE = 10;

export default function MyInquiries() {
  const list = usePaged((offset, limit) => listMine(offset, limit), [], PAGE_SIZE);

  // Back from a detail (answered, rated, withdrawn): show the new state.
  useReloadOnReturn(list.reload);
  usePullToReload(list.reload);

  if (list.status === 'error' && list.error instanceof SignInNeeded) {
    return (
      <Page className="zc-my-inquiries">
        <PhoneSignIn
          title="验证手机号后查看我的咨询"
          hint="用提问时验证的手机号登录；换了手机也能看到以前的咨询。"
          onSignedIn={() => list.reload()}
        />
      </Page>
    );
  }
  return (
    <Page className="zc-my-inquiries">
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.items.length === 0 && (
        <EmptyState
          title="还没有咨询"
          hint="问答库里找不到答案时，可以直接向责任单位提问，5 个工作日内答复。"
          action={
            <Button type="primary" onClick={() => go(routes.ask())}>
              我要咨询
            </Button>
          }
        />
      )}
      {list.status === 'ok' && list.items.length > 0 && (
        <>
          <View className={styles.head}>
            <Text className={styles.total}>共 {list.total} 条咨询</Text>
            <Text className={`${styles.link} zc-new-inquiry`} {...a11y.button()} onClick={() => go(routes.ask())}>
              ＋ 我要咨询
            </Text>
          </View>
          {list.items.map((i) => (
            <InquiryCard key={i.id} inquiry={i} audience="resident" onClick={() => go(routes.inquiry(i.id))} />
          ))}
        </>
      )}
      <LoadMore list={list} />
    </Page>
  );
}
