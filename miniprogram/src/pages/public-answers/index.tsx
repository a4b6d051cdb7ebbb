import { ScrollView, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { TOPICS, type Topic } from '@shared/constants';
import type { PublicAnswer } from '@shared/schemas/publication';
import { useState } from 'react';
import { AnswerText } from '../../components/AnswerText';
import { Card } from '../../components/Card';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { usePaged } from '../../hooks/usePaged';
import { listPublicAnswers } from '../../services/publication';
import * as a11y from '../../utils/a11y';
import { param } from '../../utils/nav';
import styles from './index.module.scss';

// The API's page size: offsets land on its pages.
const PAGE_SIZE = 20;

const isTopic = (v: string): v is Topic => (TOPICS as readonly string[]).includes(v);
const dayLabel = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 咨询公开: questions residents asked and the answers they got, with the residents' personal data masked. */
export default function PublicAnswers() {
  const { params } = useRouter();
  const start = param(params.topic);
  const [topic, setTopic] = useState<Topic | null>(isTopic(start) ? start : null);
  const list = usePaged(
    (offset) => listPublicAnswers(Math.floor(offset / PAGE_SIZE) + 1, topic ?? undefined),
    [topic],
    PAGE_SIZE,
  );

  return (
    <Page>
      <Text className={styles.intro}>居民同意公开的咨询与答复，已隐去姓名、电话等个人信息。</Text>
      <ScrollView scrollX className={styles.chipRow} enableFlex>
        {[null, ...TOPICS].map((t) => (
          <View
            key={t ?? 'all'}
            className={`${styles.chip} ${topic === t ? styles.chipOn : ''} zc-public-topic`}
            {...a11y.choice(topic === t)}
            onClick={() => setTopic(t)}
          >
            <Text>{t ?? '全部'}</Text>
          </View>
        ))}
      </ScrollView>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.items.length === 0 && (
        <EmptyState title={topic ? `「${topic}」还没有公开的咨询` : '还没有公开的咨询'} hint="可以先到首页搜索您的问题" />
      )}
      {list.status === 'ok' && list.items.map((item) => <PublicItem key={item.id} item={item} />)}
      <LoadMore list={list} endText="已经到底了" />
    </Page>
  );
}

function PublicItem({ item }: { item: PublicAnswer }) {
  const [open, setOpen] = useState(false);
  const long = item.answer.length > 120;
  return (
    <Card className="zc-public-answer">
      <Text className={`${styles.question} zc-public-question`} {...a11y.heading(2)}>
        {item.question}
      </Text>
      <Text className={styles.meta}>
        {[item.topic, item.unitName, `${dayLabel(item.publishedDay)}公开`].filter(Boolean).join(' · ')}
      </Text>
      <View className={`${styles.answer} ${long && !open ? styles.folded : ''} zc-public-reply`}>
        <Text className={styles.answerLabel}>答复</Text>
        <AnswerText text={item.answer} />
      </View>
      {long && (
        <View className={`${styles.more} zc-public-more`} {...a11y.button(open ? '收起答复' : '展开全部答复')} onClick={() => setOpen(!open)}>
          <Text>{open ? '收起' : '展开全部'}</Text>
        </View>
      )}
    </Card>
  );
}
