import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import { addDays, shanghaiDay } from '@shared/calendar/days';
import type { KbGap } from '@shared/schemas/kb-gaps';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { EmptyState, Loading } from '../../../components/Status';
import { useReloadOnReturn, usePullToReload } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { listKbGaps } from '../../../services/kb-gaps';
import { canManage } from '../../../services/session';
import { handEntryPrefill } from '../../../stores/entry-prefill';
import * as a11y from '../../../utils/a11y';
import { excerpt } from '../../../utils/format';
import { go, routes } from '../../../utils/nav';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const PERIODS = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
] as const;
type Days = (typeof PERIODS)[number]['days'];

const asTopic = (t: string | null | undefined): Topic | '' => ((TOPICS as readonly string[]).includes(t ?? '') ? (t as Topic) : '');

export default function KbGapsPage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能查看高频问题" />
      </Page>
    );
  }
  return <Gaps />;
}

function Gaps() {
  const [days, setDays] = useState<Days>(30);
  const gaps = useResource(() => {
    const to = shanghaiDay(new Date());
    return listKbGaps({ from: addDays(to, -(days - 1)), to });
  }, [days]);
  usePullToReload(gaps.reload);
  // Back from 写成问答: a question the new entry answers is no longer a gap.
  useReloadOnReturn(() => void gaps.refresh().catch(() => undefined));
  const label = PERIODS.find((p) => p.days === days)!.label;
  const groups = gaps.status === 'ok' ? gaps.data.groups : [];

  return (
    <Page className="zc-kb-gaps">
      <Text className={styles.rule}>
        居民搜索没有找到答案、点了「没帮助」或搜索后提交咨询的问题，按意思相近归在一起，问得最多的在前。只记录问题的文字，不记录是谁问的。
      </Text>
      <View className={styles.chips} {...{ role: 'group', 'aria-label': '时段' }}>
        {PERIODS.map((p) => (
          <View
            key={p.days}
            className={`${styles.chip} ${days === p.days ? styles.chipOn : ''} zc-kb-gaps-period`}
            data-days={p.days}
            {...a11y.choice(days === p.days)}
            onClick={() => setDays(p.days)}
          >
            {p.label}
          </View>
        ))}
      </View>
      {gaps.status === 'loading' && <Loading />}
      {gaps.status === 'error' && <ListError error={gaps.error} onRetry={gaps.reload} />}
      {gaps.status === 'ok' && groups.length === 0 && (
        <EmptyState title={`${label}没有问答库答不上的高频问题`} hint="居民搜索没有找到答案的问题会出现在这里" />
      )}
      {groups.map((g) => (
        <GapCard key={g.text} gap={g} period={label} />
      ))}
      {gaps.status === 'ok' && gaps.data.read >= gaps.data.limit && (
        <Text className={styles.note}>只统计了这段时间最近的 {gaps.data.limit} 条记录，可以选短一些的时段。</Text>
      )}
    </Page>
  );
}

function GapCard({ gap, period }: { gap: KbGap; period: string }) {
  const write = () => {
    handEntryPrefill({
      question: gap.text,
      similar: gap.examples,
      answer: gap.bestReply?.reply ?? '',
      topic: asTopic(gap.bestReply?.topic),
      unit: gap.unitId && gap.unitName ? { id: gap.unitId, name: gap.unitName, kind: 'department' } : null,
    });
    go(routes.editFromGap());
  };
  return (
    <Card className={`${styles.gap} zc-kb-gap`}>
      <Text className={`${styles.headline} zc-kb-gap-headline`} {...a11y.heading(2)}>
        {period} <Text className={`${styles.count} zc-kb-gap-count`}>{gap.count}</Text> 人次问到「{gap.text}」，问答库没有对应条目
      </Text>
      <View className={styles.tags}>
        {gap.unitName && <Tag>{gap.unitName}</Tag>}
        {gap.reasons.inquiry > 0 && <Tag tone="warn">{gap.reasons.inquiry} 条咨询</Tag>}
        {gap.reasons.unhelpful > 0 && <Tag tone="warn">{gap.reasons.unhelpful} 次没帮助</Tag>}
      </View>
      {gap.examples.length > 0 && (
        <View className={styles.examples}>
          <Text className={styles.label}>也有人这样问</Text>
          {gap.examples.map((e) => (
            <Text key={e} className={`${styles.example} zc-kb-gap-example`}>
              {e}
            </Text>
          ))}
        </View>
      )}
      {gap.bestReply && (
        <View className={`${styles.reply} zc-kb-gap-reply`}>
          <Text className={styles.label}>已有答复（{gap.bestReply.ticket}）</Text>
          <Text className={styles.replyText}>{excerpt(gap.bestReply.reply, 80)}</Text>
        </View>
      )}
      <Button className={`${styles.write} zc-kb-gap-write`} type="primary" block onClick={write}>
        写成问答
      </Button>
    </Card>
  );
}
