import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import { useEffect } from 'react';
import { Card } from '../../components/Card';
import { EntryCard } from '../../components/EntryCard';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { usePaged } from '../../hooks/usePaged';
import { listFaq } from '../../services/faq';
import * as a11y from '../../utils/a11y';
import { go, param, routes } from '../../utils/nav';
import styles from './index.module.scss';

const PAGE_SIZE = 10;

function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

export default function TopicPage() {
  const { params } = useRouter();
  const topic = param(params.topic);

  useEffect(() => {
    if (isTopic(topic)) void Taro.setNavigationBarTitle({ title: `${topic}政策问答` });
  }, [topic]);

  if (!isTopic(topic)) {
    return (
      <Page>
        <EmptyState
          title="没有这个分类"
          hint="链接可能不完整，请从分类列表进入"
          action={
            <Button type="primary" onClick={() => go(routes.topics())}>
              查看全部分类
            </Button>
          }
        />
      </Page>
    );
  }
  return <TopicEntries topic={topic} />;
}

function TopicEntries({ topic }: { topic: Topic }) {
  const list = usePaged((offset, limit) => listFaq({ topic, sort: 'views', offset, limit }), [topic], PAGE_SIZE);

  return (
    <Page>
      <View className={styles.head}>
        <Text className={styles.title} {...a11y.heading(1)}>
          {topic}
        </Text>
        {list.status === 'ok' && <Text className={styles.total}>共 {list.total} 条问答</Text>}
      </View>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.items.length === 0 && (
        <EmptyState title="这个分类还没有问答" hint="可以先到首页搜索您的问题" />
      )}
      {list.status === 'ok' && list.items.length > 0 && (
        <Card tight className="zc-topic-list">
          {list.items.map((item) => (
            <EntryCard
              key={item.id}
              question={item.question}
              meta={`${item.unitName} · ${item.views} 次浏览`}
              onClick={() => go(routes.entry(item.id))}
            />
          ))}
        </Card>
      )}
      <LoadMore list={list} endText="已经到底了" />
    </Page>
  );
}
