import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { REOPEN_REPLY_DAYS } from '@shared/inquiry/followup';
import type { FollowupDetail } from '@shared/schemas/followup';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { InquiryHead } from '../../../components/InquiryHead';
import { Page } from '../../../components/Page';
import { ReplyCard } from '../../../components/ReplyCard';
import { EmptyState, LoadState } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { Timeline } from '../../../components/Timeline';
import { useInquiryAction } from '../../../hooks/useInquiryAction';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { closeFollowup, getFollowup, recordCall, reopenFollowup } from '../../../services/followups';
import * as a11y from '../../../utils/a11y';
import { dateTime } from '../../../utils/format';
import { go, param, routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

export default function FollowupPage() {
  const { params } = useRouter();
  const id = Number(param(params.id));
  const [user] = useStoredUser();
  const followup = useResource(() => getFollowup(id), [id]);

  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能回访" />
      </Page>
    );
  }
  return (
    <Page>
      <LoadState
        resource={followup}
        notFound={
          <EmptyState
            title="没有找到这条回访"
            hint="它可能不在本辖区"
            action={
              <Button type="primary" onClick={() => go(routes.followups())}>
                回访列表
              </Button>
            }
          />
        }
      />
      {followup.status === 'ok' && <Followup f={followup.data} refresh={followup.refresh} />}
    </Page>
  );
}

type Panel = null | 'close' | 'reopen';

function Followup({ f, refresh }: { f: FollowupDetail; refresh: () => Promise<void> }) {
  const i = f.inquiry;
  const { busy, notice, act } = useInquiryAction(refresh, { scrollToNotice: true });
  const [panel, setPanel] = useState<Panel>(null);
  const open = f.status === 'open';
  const rated = [...(i.events ?? [])].reverse().find((e) => e.type === 'rated');
  const comment = typeof rated?.data.comment === 'string' ? rated.data.comment : '';

  return (
    <View className="zc-followup" data-status={f.status}>
      <InquiryHead
        inquiry={i}
        notice={notice}
        questionClass="zc-followup-question"
        meta={`${dateTime(i.receivedAt)} 收到 · ${i.unitName ?? '待交办'}`}
      />

      <Card title="居民评价" className="zc-followup-rating">
        <View className={styles.ratingRow}>
          <Tag tone={f.rating === '非常不满意' ? 'danger' : 'warn'}>{f.rating}</Tag>
          <Text className={styles.since}>{open ? (f.waitingDays === 0 ? '今天转来' : `已等 ${f.waitingDays} 天`) : ''}</Text>
        </View>
        {comment && <Text className={styles.comment}>「{comment}」</Text>}
      </Card>

      {i.reply !== null && (
        <ReplyCard reply={i.reply} meta={[i.unitName ?? '', i.repliedAt ? `${dateTime(i.repliedAt)} 答复` : ''].filter(Boolean).join(' · ')} />
      )}

      <Card title="居民联系方式">
        {i.contact && (i.contact.name || i.contact.phone) ? (
          <>
            <InfoRow label="称呼" className="zc-contact-name">
              {i.contact.name ?? '未填写'}
            </InfoRow>
            <InfoRow label="电话" className="zc-contact-phone">
              {i.contact.phone ? <PhoneLink phone={i.contact.phone} /> : '未填写'}
            </InfoRow>
            <Text className={styles.muted}>仅用于回访，请勿外传。</Text>
          </>
        ) : (
          <Text className={styles.muted}>居民没有留联系方式，或已按保存期限清除。</Text>
        )}
      </Card>

      <Card title={`回访记录${f.callLog.length ? ` · ${f.callLog.length} 次` : ''}`} className="zc-call-log">
        {f.callLog.length === 0 && <Text className={styles.muted}>还没有回访记录</Text>}
        {f.callLog.map((c) => (
          <View key={c.id} className={`${styles.call} zc-call`}>
            <View className={styles.callHead}>
              <Tag tone={c.reached ? 'success' : 'plain'}>{c.reached ? '已接通' : '未接通'}</Tag>
              <Text className={styles.callTime}>
                {dateTime(c.at)}
                {c.byName ? ` · ${c.byName}` : ''}
              </Text>
            </View>
            <Text className={styles.callText}>{c.outcome}</Text>
          </View>
        ))}
        {open && <CallForm busy={busy === 'call'} onSend={(reached, outcome) => act('call', () => recordCall(f.id, reached, outcome), '已记录')} />}
      </Card>

      {open ? (
        <Card title="回访结果" className="zc-followup-actions">
          <View className={styles.actions}>
            <Button
              className={`${styles.actionBtn} zc-open-close`}
              type={panel === 'close' ? 'primary' : 'default'}
              fill="outline"
              disabled={busy !== null}
              onClick={() => setPanel(panel === 'close' ? null : 'close')}
            >
              结束回访
            </Button>
            <Button
              className={`${styles.actionBtn} zc-open-reopen`}
              type="danger"
              fill="outline"
              disabled={busy !== null}
              onClick={() => setPanel(panel === 'reopen' ? null : 'reopen')}
            >
              退回重办
            </Button>
          </View>
          {panel === 'close' && (
            <ReasonPanel
              cls="zc-close"
              title="回访结论"
              hint="结束后这条回访移入「已结束」，咨询保持办结。"
              placeholder="例如：已向居民说明申领材料，居民表示理解"
              confirm="结束回访"
              busy={busy === 'close'}
              onCancel={() => setPanel(null)}
              onSend={async (note) => {
                if (await act('close', () => closeFollowup(f.id, note), '已结束回访')) setPanel(null);
              }}
            />
          )}
          {panel === 'reopen' && (
            <ReasonPanel
              cls="zc-reopen"
              title={`退回${i.unitName ?? '承办单位'}重新答复`}
              hint={`自退回起 ${REOPEN_REPLY_DAYS} 个工作日内重新答复；单位会收到提醒，居民能看到重新办理。`}
              placeholder="退回理由，例如：答复未说明申领材料，请补充"
              confirm="确认退回"
              danger
              busy={busy === 'reopen'}
              onCancel={() => setPanel(null)}
              onSend={async (reason) => {
                if (await act('reopen', () => reopenFollowup(f.id, reason), '已退回重办')) setPanel(null);
              }}
            />
          )}
        </Card>
      ) : (
        <Card title="回访结果" className="zc-followup-result">
          <InfoRow label="结果" className="zc-followup-outcome">
            {f.outcome === 'reopened' ? '已退回重办' : '已结束回访'}
          </InfoRow>
          {f.note && <InfoRow label={f.outcome === 'reopened' ? '退回理由' : '结论'}>{f.note}</InfoRow>}
          {f.closedAt && <InfoRow label="时间">{`${dateTime(f.closedAt)}${f.closedByName ? ` · ${f.closedByName}` : ''}`}</InfoRow>}
        </Card>
      )}

      <Card title="办理记录">
        <Timeline events={i.events ?? []} audience="staff" />
      </Card>
    </View>
  );
}

/** The resident's number; a tap calls it. */
function PhoneLink({ phone }: { phone: string }) {
  return (
    <Text
      className={`${styles.tappable} zc-call-phone`}
      {...a11y.button(`拨打 ${phone}`)}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
    >
      {phone}
    </Text>
  );
}

function CallForm({ busy, onSend }: { busy: boolean; onSend: (reached: boolean, outcome: string) => Promise<boolean> }) {
  const [reached, setReached] = useState<boolean | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const send = async () => {
    if (reached === null) return setError('请选择是否接通');
    if (!text.trim()) return setError('请填写回访情况');
    if (await onSend(reached, text.trim())) {
      setText('');
      setReached(null);
    }
  };
  return (
    <View className={`${styles.form} zc-call-form`}>
      <Text className={styles.formTitle}>记录回访</Text>
      <View className={styles.choices}>
        {[true, false].map((v) => (
          <View
            key={String(v)}
            className={`${styles.choice} ${reached === v ? styles.choiceOn : ''} zc-reached-${v ? 'yes' : 'no'}`}
            {...a11y.choice(reached === v)}
            onClick={() => {
              setReached(v);
              setError('');
            }}
          >
            {v ? '已接通' : '未接通'}
          </View>
        ))}
      </View>
      <TextArea
        className={`${styles.textarea} ${error && !text.trim() ? styles.textareaError : ''} zc-call-input`}
        value={text}
        placeholder="回访情况：居民的意见、已作的说明"
        maxLength={500}
        onChange={(v) => {
          setText(v);
          setError('');
        }}
      />
      {error && <Text className={`${styles.error} zc-call-error`}>{error}</Text>}
      <Button className={`${styles.sendBtn} zc-call-send`} type="primary" block loading={busy} disabled={busy} onClick={() => void send()}>
        记录回访
      </Button>
    </View>
  );
}

function ReasonPanel(p: {
  cls: string;
  title: string;
  hint: string;
  placeholder: string;
  confirm: string;
  danger?: boolean;
  busy: boolean;
  onSend: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  return (
    <View className={`${styles.panel} ${p.cls}`}>
      <Text className={styles.formTitle}>{p.title}</Text>
      <Text className={styles.panelHint}>{p.hint}</Text>
      <TextArea
        className={`${styles.textarea} ${error ? styles.textareaError : ''} ${p.cls}-input`}
        value={text}
        placeholder={p.placeholder}
        maxLength={500}
        onChange={(v) => {
          setText(v);
          setError('');
        }}
      />
      {error && <Text className={styles.error}>{error}</Text>}
      <View className={styles.panelActions}>
        <Button className={styles.panelBtn} fill="outline" onClick={p.onCancel}>
          取消
        </Button>
        <Button
          className={`${styles.panelBtn} ${p.cls}-send`}
          type={p.danger ? 'danger' : 'primary'}
          loading={p.busy}
          disabled={p.busy}
          onClick={() => (text.trim() ? void p.onSend(text.trim()) : setError(p.danger ? '请填写退回理由' : '请填写回访结论'))}
        >
          {p.confirm}
        </Button>
      </View>
    </View>
  );
}
