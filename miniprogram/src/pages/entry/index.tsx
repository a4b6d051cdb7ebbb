import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { REPLY_DAYS } from '@shared/inquiry/states';
import type { FaqPublic } from '@shared/schemas/faq';
import type { FaqBasis } from '@shared/schemas/policy';
import { useState } from 'react';
import { AnswerText } from '../../components/AnswerText';
import { Card } from '../../components/Card';
import { EntryCard } from '../../components/EntryCard';
import { InfoRow } from '../../components/InfoRow';
import { ValidityTag } from '../../components/PolicyCard';
import { Page } from '../../components/Page';
import { Tag } from '../../components/Tag';
import { EmptyState, LoadState } from '../../components/Status';
import { useResource } from '../../hooks/useResource';
import { errorMessage } from '../../services/api';
import { getFaq, searchFaq, sendFeedback } from '../../services/faq';
import { readVote, saveVote } from '../../services/votes';
import { shanghaiDate } from '../../utils/format';
import * as a11y from '../../utils/a11y';
import { go, goTab, param, routes } from '../../utils/nav';
import styles from './index.module.scss';

export default function EntryPage() {
  const { params } = useRouter();
  const id = param(params.id);
  // The resident's own search words, when they came from a search: 没帮助 asks in those.
  const from = param(params.from);
  const entry = useResource(() => getFaq(id), [id]);
  useShareAppMessage(() => ({ title: entry.status === 'ok' ? entry.data.question : '政策问答', path: routes.entry(id) }));

  if (!id) {
    return (
      <Page>
        <EmptyState title="缺少问答编号" hint="请从首页或分类列表进入" action={<BackHome />} />
      </Page>
    );
  }
  return (
    <Page>
      <LoadState
        resource={entry}
        notFound={<EmptyState title="这条问答不存在或已下线" hint="政策可能已更新，请到首页重新搜索" action={<BackHome />} />}
      />
      {entry.status === 'ok' && <EntryView entry={entry.data} from={from} />}
    </Page>
  );
}

function BackHome() {
  return (
    <Button type="primary" onClick={() => goTab(routes.home())}>
      返回首页
    </Button>
  );
}

function EntryView({ entry, from }: { entry: FaqPublic & FaqBasis; from: string }) {
  const [counts, setCounts] = useState({ helpful: entry.helpful, unhelpful: entry.unhelpful });
  const [vote, setVote] = useState<boolean | null>(() => readVote(entry.id));
  const [sending, setSending] = useState<boolean | null>(null);
  // 没帮助 always leads somewhere, even if recording the vote fails.
  const [showInquiry, setShowInquiry] = useState(vote === false);

  const rate = async (helpful: boolean) => {
    if (!helpful) setShowInquiry(true);
    if (sending !== null || vote === helpful) return;
    setSending(helpful);
    try {
      const next = await sendFeedback(entry.id, helpful, from || undefined);
      setCounts(next);
      setVote(helpful);
      if (helpful) setShowInquiry(false);
      saveVote(entry.id, helpful);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setSending(null);
    }
  };

  return (
    <View className="zc-entry">
      {entry.basisNotice && (
        <View className={`${styles.basisNotice} zc-basis-notice`} {...{ role: 'alert' }}>
          <Text className={styles.basisNoticeTitle}>{entry.basisNotice}</Text>
          <Text className={styles.basisNoticeText}>责任单位正在复核这条答复。办理前请以现行文件为准，或直接咨询。</Text>
        </View>
      )}
      <Card>
        <View className={styles.tags}>
          <Tag>{entry.topic}</Tag>
          <Text className={styles.updated}>更新于 {shanghaiDate(entry.updatedAt)}</Text>
        </View>
        <Text className={`${styles.question} zc-entry-question`} {...a11y.heading(1)}>
          {entry.question}
        </Text>
        <AnswerText className={`${styles.answer} zc-entry-answer`} text={entry.answer} />
      </Card>

      <Card>
        <InfoRow label="责任单位" className="zc-entry-unit">
          {entry.unitName}
        </InfoRow>
        {entry.validUntil && (
          <InfoRow label="政策有效期至" className="zc-entry-valid-until">
            {entry.validUntil}
          </InfoRow>
        )}
        <InfoRow label="浏览次数">{entry.views}</InfoRow>
      </Card>

      {entry.basis.length > 0 && (
        <Card title="文件依据" className="zc-entry-basis">
          {entry.basis.map((b) => (
            <View key={b.id} className={`${styles.basis} zc-basis`} hoverClass={styles.pressed} {...a11y.link()} onClick={() => go(routes.policy(b.id))}>
              <View className={styles.basisBody}>
                <Text className={styles.basisTitle}>{b.title}</Text>
                <View className={styles.basisMeta}>
                  {b.docNumber && <Text className={styles.basisNumber}>{b.docNumber}</Text>}
                  <ValidityTag validity={b.validity} />
                </View>
              </View>
              <Text className={styles.chevron} {...a11y.hidden()}>
                ›
              </Text>
            </View>
          ))}
        </Card>
      )}

      {entry.similar.length > 0 && (
        <Card title="也有人这样问">
          {entry.similar.map((s) => (
            <Text key={s} className={styles.similar}>
              {s}
            </Text>
          ))}
        </Card>
      )}

      <Card className={styles.feedback} title="这条回答对您有帮助吗？">
        <View className={styles.feedbackRow}>
          <Button
            className={`${styles.feedbackBtn} zc-helpful`}
            type="primary"
            fill={vote === true ? 'solid' : 'outline'}
            loading={sending === true}
            disabled={sending !== null}
            onClick={() => void rate(true)}
          >
            有帮助<Text className={`${styles.count} zc-helpful-count`}>{counts.helpful}</Text>
          </Button>
          <Button
            className={`${styles.feedbackBtn} ${vote === false ? styles.chosenNo : ''} zc-unhelpful`}
            type="default"
            fill="outline"
            loading={sending === false}
            disabled={sending !== null}
            onClick={() => void rate(false)}
          >
            没帮助<Text className={`${styles.count} zc-unhelpful-count`}>{counts.unhelpful}</Text>
          </Button>
        </View>
        {/* One thanks per vote, said where the resident is looking. */}
        {vote === true && <Text className={`${styles.thanks} zc-thanks`}>感谢反馈，我们会继续完善问答内容。</Text>}
      </Card>

      {showInquiry && (
        <Card className={`${styles.inquiry} zc-ask-cta`}>
          <Text className={styles.inquiryTitle}>没有解决？我要咨询</Text>
          <Text className={styles.inquiryText}>
            直接向责任单位提问，{REPLY_DAYS.normal} 个工作日内答复，答复后在「消息」里通知您。
          </Text>
          <Text className={styles.inquiryText}>
            本条问答的责任单位是<Text className={styles.inquiryUnit}>{entry.unitName}</Text>。
          </Text>
          {from && <Text className={`${styles.inquiryText} zc-ask-words`}>将以「{from}」向责任单位提问，可以再修改。</Text>}
          <Button
            className={`${styles.inquiryBtn} zc-ask-from-entry`}
            type="primary"
            block
            onClick={() => go(routes.ask(from ? { q: from, topic: entry.topic, search: '1' } : { q: entry.question, topic: entry.topic }))}
          >
            {from ? '用我的话咨询' : '我要咨询'}
          </Button>
        </Card>
      )}

      <RelatedEntries entry={entry} />
    </View>
  );
}

const RELATED = 3;

/**
 * Entries the knowledge base finds for this entry's own question, itself left out: what a
 * resident reading about 生育津贴 is likely to ask next. Secondary, so it shows only once found.
 */
function RelatedEntries({ entry }: { entry: FaqPublic }) {
  const related = useResource(() => searchFaq(entry.question, RELATED + 1), [entry.id]);
  const items = related.status === 'ok' ? related.data.items.filter((i) => i.id !== entry.id).slice(0, RELATED) : [];
  if (!items.length) return null;
  return (
    <View className="zc-related">
      <Text className={styles.sectionTitle} {...a11y.heading(2)}>
        相关问答
      </Text>
      {items.map((i) => (
        <EntryCard key={i.id} question={i.question} topic={i.topic} onClick={() => go(routes.entry(i.id))} />
      ))}
    </View>
  );
}
