import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { OPEN, RATINGS, type Rating } from '@shared/inquiry/states';
import type { InquiryView } from '@shared/schemas/inquiry';
import { useState } from 'react';
import { useReloadOnReturn } from '../../hooks/usePageReload';
import { DueSummary } from '../../components/DueSummary';
import { InquiryHead } from '../../components/InquiryHead';
import { ReplyCard } from '../../components/ReplyCard';
import { EmptyState, LoadState } from '../../components/Status';
import { Timeline } from '../../components/Timeline';
import { useResource } from '../../hooks/useResource';
import { useInquiryAction } from '../../hooks/useInquiryAction';
import { askFollowupQuestion } from '../../services/followups';
import { getInquiry, rate, supplement, withdraw } from '../../services/inquiry';
import { dateTime, monthDay } from '../../utils/format';
import { go, param, routes } from '../../utils/nav';
import * as a11y from '../../utils/a11y';
import { Page } from '../../components/Page';
import { PhoneSignIn } from '../../components/PhoneSignIn';
import { SubscribeReply } from '../../components/SubscribeReply';
import { SignInNeeded } from '../../services/session';
import styles from './index.module.scss';

export default function InquiryPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const inquiry = useResource(() => getInquiry(id), [id]);

  // Back from 消息 or elsewhere: the answer may have arrived meanwhile.
  useReloadOnReturn(() => {
    if (inquiry.status === 'ok') inquiry.refresh().catch(() => undefined);
  });

  if (!id) {
    return (
      <Page>
        <EmptyState title="缺少咨询编号" hint="请从「我的咨询」进入" action={<ToList />} />
      </Page>
    );
  }
  if (inquiry.status === 'error' && inquiry.error instanceof SignInNeeded) {
    return (
      <Page>
        <PhoneSignIn title="验证手机号后查看" hint="请使用提问时验证的手机号" onSignedIn={() => inquiry.reload()} />
      </Page>
    );
  }
  return (
    <Page>
      <LoadState
        resource={inquiry}
        notFound={<EmptyState title="没有找到这条咨询" hint="只能查看自己提交的咨询" action={<ToList />} />}
      />
      {inquiry.status === 'ok' && <InquiryDetail inquiry={inquiry.data} refresh={inquiry.refresh} />}
    </Page>
  );
}

function ToList() {
  return (
    <Button type="primary" onClick={() => go(routes.inquiries())}>
      我的咨询
    </Button>
  );
}

function InquiryDetail({ inquiry: i, refresh }: { inquiry: InquiryView; refresh: () => Promise<void> }) {
  const { busy, notice, act } = useInquiryAction(refresh);
  const events = i.events ?? [];
  const lastAsk = [...events].reverse().find((e) => e.type === 'clarification_requested');
  const rated = [...events].reverse().find((e) => e.type === 'rated');
  const ratingComment = typeof rated?.data.comment === 'string' ? rated.data.comment : '';

  const confirmWithdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回这条咨询？',
      content: '撤回后承办单位将不再办理；如仍有疑问，需要重新提交。',
      confirmText: '撤回',
      confirmColor: '#d93026',
      cancelText: '再想想',
    });
    if (confirm && (await act('withdraw', () => withdraw(i.id), '已撤回'))) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  };

  return (
    <View className={`zc-inquiry`} data-status={i.status}>
      <InquiryHead
        inquiry={i}
        notice={notice}
        questionClass="zc-inquiry-question"
        meta={`${dateTime(i.receivedAt)} 提交${i.topic ? ` · ${i.topic}` : ''}`}
      />

      <View className={styles.block}>
        <DueSummary inquiry={i} audience="resident" />
        {OPEN.includes(i.status) && <SubscribeReply />}
      </View>

      {i.reply !== null && (
        <ReplyCard
          reply={i.reply}
          meta={[i.unitName ?? '', i.repliedAt ? `${dateTime(i.repliedAt)} 答复` : ''].filter(Boolean).join(' · ')}
        />
      )}

      {i.status === 'awaiting_resident' && (
        <SupplementForm
          question={typeof lastAsk?.data.message === 'string' ? lastAsk.data.message : ''}
          busy={busy === 'supplement'}
          onSend={(message) => act('supplement', () => supplement(i.id, message), '已补充')}
        />
      )}

      {i.status === 'answered' && (
        <RateForm busy={busy === 'rate'} onRate={(r, comment) => act('rate', () => rate(i.id, r, comment), '感谢评价')} />
      )}

      {/* Sent back after a 追问 or a 回访, the rating was of the earlier reply: the timeline keeps it. */}
      {i.rating && i.status === 'closed' && (
        <View className={`${styles.card} zc-rated`}>
          <Text className={styles.cardTitle}>您的评价</Text>
          <Text className={`${styles.ratedValue} zc-rated-value`}>{i.rating}</Text>
          {ratingComment && <Text className={styles.ratedComment}>{ratingComment}</Text>}
          <Text className={styles.ratedThanks}>感谢您的评价，本次咨询已办结。</Text>
        </View>
      )}

      {i.followupQuestionUntil && (
        <FollowupQuestion
          until={i.followupQuestionUntil}
          busy={busy === 'followup'}
          onSend={async (question) => {
            const sent = await act('followup', () => askFollowupQuestion(i.id, question), '已追问');
            if (sent) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
            return sent;
          }}
        />
      )}

      <View className={styles.card}>
        <Text className={styles.cardTitle}>承办情况</Text>
        <View className={styles.info}>
          <Text className={styles.infoLabel}>承办单位</Text>
          <Text className={`${styles.infoValue} zc-inquiry-unit`}>{i.unitName ?? '待交办'}</Text>
        </View>
        <View className={styles.info}>
          <Text className={styles.infoLabel}>政策解答员</Text>
          <Text className={`${styles.infoValue} zc-inquiry-answerer`}>{i.answererName ?? '待指定'}</Text>
        </View>
        {i.contact && (i.contact.name || i.contact.phone) && (
          <View className={styles.info}>
            <Text className={styles.infoLabel}>您留的联系方式</Text>
            <Text className={styles.infoValue}>{[i.contact.name, i.contact.phone].filter(Boolean).join(' ')}</Text>
          </View>
        )}
        <View className={styles.info}>
          <Text className={styles.infoLabel}>同意匿名公开</Text>
          <Text className={styles.infoValue}>{i.consentPublish ? '同意' : '不同意'}</Text>
        </View>
      </View>

      <View className={styles.card}>
        <Text className={styles.cardTitle}>办理进度</Text>
        {events.length ? <Timeline events={events} audience="resident" /> : <Text className={styles.muted}>暂无记录</Text>}
      </View>

      {OPEN.includes(i.status) && (
        <Button
          className={`${styles.withdraw} zc-withdraw`}
          block
          fill="outline"
          type="danger"
          loading={busy === 'withdraw'}
          disabled={busy !== null}
          onClick={() => void confirmWithdraw()}
        >
          撤回咨询
        </Button>
      )}
    </View>
  );
}

function SupplementForm({ question, busy, onSend }: { question: string; busy: boolean; onSend: (message: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const send = async () => {
    if (!text.trim()) {
      setError('请填写补充说明');
      return;
    }
    if (await onSend(text.trim())) setText('');
  };
  return (
    <View className={`${styles.card} ${styles.actionCard} zc-supplement`}>
      <Text className={styles.cardTitle}>请补充说明</Text>
      {question && <Text className={`${styles.asked} zc-clarify-question`}>解答员：{question}</Text>}
      <TextArea
        className={`${styles.textarea} ${error ? styles.textareaError : ''} zc-supplement-input`}
        value={text}
        placeholder="补充您的具体情况，补充后继续办理"
        maxLength={1000}
        onChange={(v) => {
          setText(v);
          setError('');
        }}
      />
      {error && <Text className={styles.error}>{error}</Text>}
      <Button className={`${styles.sendBtn} zc-supplement-send`} type="primary" block loading={busy} disabled={busy} onClick={() => void send()}>
        提交补充
      </Button>
    </View>
  );
}

/** 追问: one follow-up question on the reply, while the window is open; the unit answers on the same ticket. */
function FollowupQuestion({ until, busy, onSend }: { until: string; busy: boolean; onSend: (question: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const send = async () => {
    if (!text.trim()) {
      setError('请填写追问内容');
      return;
    }
    if (await onSend(text.trim())) setText('');
  };
  return (
    <View className={`${styles.card} zc-followup-question`}>
      <View className={styles.askHead}>
        <View className={styles.askText}>
          <Text className={styles.cardTitle}>对答复还有疑问？</Text>
          <Text className={`${styles.askHint} zc-followup-until`}>可追问一次，{monthDay(until)}前有效；承办单位 5 个工作日内答复</Text>
        </View>
        {!open && (
          <Button className="zc-open-followup" type="primary" fill="outline" onClick={() => setOpen(true)}>
            追问
          </Button>
        )}
      </View>
      {open && (
        <>
          <TextArea
            className={`${styles.textarea} ${error ? styles.textareaError : ''} zc-followup-input`}
            value={text}
            placeholder="写下您对答复还不清楚的地方"
            maxLength={1000}
            onChange={(v) => {
              setText(v);
              setError('');
            }}
          />
          {error && <Text className={styles.error}>{error}</Text>}
          <View className={styles.askActions}>
            <Button className={styles.askBtn} fill="outline" disabled={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button className={`${styles.askBtn} zc-followup-send`} type="primary" loading={busy} disabled={busy} onClick={() => void send()}>
              提交追问
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

function RateForm({ busy, onRate }: { busy: boolean; onRate: (rating: Rating, comment?: string) => Promise<boolean> }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const send = () => {
    if (!rating) {
      setError('请选择一个评价');
      return;
    }
    void onRate(rating, comment.trim() || undefined);
  };
  return (
    <View className={`${styles.card} ${styles.actionCard} zc-rate`}>
      <Text className={styles.cardTitle}>这次答复您满意吗？</Text>
      <View className={styles.ratings}>
        {RATINGS.map((r, idx) => (
          <View
            key={r}
            className={`${styles.rating} ${rating === r ? (idx >= 3 ? styles.ratingLow : styles.ratingActive) : ''} zc-rating`}
            data-rating={r}
            {...a11y.choice(rating === r)}
            onClick={() => {
              setRating(r);
              setError('');
            }}
          >
            {r}
          </View>
        ))}
      </View>
      {rating && (
        <TextArea
          className={`${styles.textarea} ${styles.comment} zc-rate-comment`}
          value={comment}
          placeholder={rating === '不满意' || rating === '非常不满意' ? '哪里不满意？政务公开办会回访了解（选填）' : '还想说点什么（选填）'}
          maxLength={500}
          onChange={setComment}
        />
      )}
      {error && <Text className={styles.error}>{error}</Text>}
      <Button className={`${styles.sendBtn} zc-rate-send`} type="primary" block loading={busy} disabled={busy} onClick={send}>
        提交评价
      </Button>
    </View>
  );
}
