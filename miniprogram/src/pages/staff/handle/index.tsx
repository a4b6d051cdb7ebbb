import { Input, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FAQ_LIMITS } from '@shared/constants';
import { AWAITING_REPLY, CHANNEL_LABELS, OPEN, REPLY_DAYS } from '@shared/inquiry/states';
import type { Me, Unit } from '@shared/schemas/auth';
import type { SearchItem } from '@shared/schemas/faq';
import type { InquiryView } from '@shared/schemas/inquiry';
import { useState } from 'react';
import { AnswererChips } from '../../../components/AnswererChips';
import { DueSummary } from '../../../components/DueSummary';
import { UrgencyBadge } from '../../../components/InquiryCard';
import { InquiryHead } from '../../../components/InquiryHead';
import { ReplyCard } from '../../../components/ReplyCard';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { Timeline } from '../../../components/Timeline';
import { UnitPicker } from '../../../components/UnitPicker';
import { useResource } from '../../../hooks/useResource';
import { useSuggestions } from '../../../hooks/useSuggestions';
import { useInquiryAction } from '../../../hooks/useInquiryAction';
import { ApiError } from '../../../services/api';
import { assign, clarify, classify, getInquiry, reply, transfer, type Answerer } from '../../../services/inquiry';
import { canManage, isStaff, readUser, ROLE_LABELS } from '../../../services/session';
import { dateTime, excerpt } from '../../../utils/format';
import { go, param, routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const REPLY_MAX = 5000;

export default function HandlePage() {
  const { params } = useRouter();
  const id = param(params.id);
  const user = readUser();
  const inquiry = useResource(() => getInquiry(id), [id]);

  if (!isStaff(user)) {
    return <SignInRequired className={styles.page} hint="以政策解答员、单位编辑或政务公开办身份登录后，才能办理咨询" />;
  }
  return (
    <View className={styles.page}>
      {inquiry.status === 'loading' && <Loading />}
      {inquiry.status === 'error' &&
        (inquiry.error instanceof ApiError && inquiry.error.status === 404 ? (
          <EmptyState
            title="没有找到这条咨询"
            hint="它可能已转给其他单位办理"
            action={
              <Button type="primary" onClick={() => go(routes.inbox())}>
                回到工作台
              </Button>
            }
          />
        ) : (
          <ErrorState error={inquiry.error} onRetry={inquiry.reload} />
        ))}
      {inquiry.status === 'ok' && <Handle inquiry={inquiry.data} user={user} refresh={inquiry.refresh} />}
    </View>
  );
}

type Panel = null | 'clarify' | 'transfer';

function Handle({ inquiry: i, user, refresh }: { inquiry: InquiryView; user: Me; refresh: () => Promise<void> }) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  const [kbOpen, setKbOpen] = useState(false);
  // Transferred out of the unit: this user may no longer see it.
  const [gone, setGone] = useState(false);
  const canAnswer = AWAITING_REPLY.includes(i.status);
  const mine = i.answererId === user.id;

  const { busy, notice, act } = useInquiryAction(refresh, {
    scrollToNotice: true,
    onRefreshError: (err) => {
      if (err instanceof ApiError && err.status === 404) {
        setGone(true);
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      }
    },
  });

  const send = async () => {
    const text = draft.trim();
    if (!text) {
      setDraftError('请填写答复内容');
      return;
    }
    if (await act('reply', () => reply(i.id, text), '已答复')) {
      setDraft('');
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  };

  const confirmAssign = async (a: Answerer) => {
    const { confirm } = await Taro.showModal({ title: `分派给${a.name}？`, content: '答复期限不变；解答员会收到提醒。', confirmText: '分派' });
    if (confirm) await act('assign', () => assign(i.id, a.id), `已分派给${a.name}`);
  };

  const insert = (item: SearchItem) => {
    setDraft((d) => (d.trim() ? `${d.trimEnd()}\n\n${item.answer}` : item.answer).slice(0, REPLY_MAX));
    setDraftError('');
    setKbOpen(false);
    void Taro.showToast({ title: '已插入，可在此基础上修改', icon: 'none', duration: 1800 });
  };

  if (gone) {
    return (
      <EmptyState
        title="已转出本单位"
        hint={`咨询 ${i.ticket} 已交给其他单位办理，答复期限不变。`}
        action={
          <Button className="zc-back-inbox" type="primary" onClick={backToInbox}>
            回到工作台
          </Button>
        }
      />
    );
  }

  return (
    <View className={`zc-handle`} data-status={i.status}>
      <InquiryHead
        inquiry={i}
        notice={notice}
        badge={<UrgencyBadge inquiry={i} />}
        questionClass="zc-handle-question"
        meta={`${dateTime(i.receivedAt)} 收到 · ${CHANNEL_LABELS[i.channel]}${i.topic ? ` · ${i.topic}` : ''}`}
      />

      <View className={styles.block}>
        <DueSummary inquiry={i} audience="staff" />
      </View>

      <View className={styles.card}>
        <Text className={styles.cardTitle}>居民联系方式</Text>
        {i.contact ? (
          <>
            <Info label="称呼" value={i.contact.name ?? '未填写'} cls="zc-contact-name" />
            <Info
              label="电话"
              value={i.contact.phone ?? '未填写'}
              cls="zc-contact-phone"
              onTap={i.contact.phone ? () => void Taro.makePhoneCall({ phoneNumber: i.contact!.phone! }).catch(() => undefined) : undefined}
            />
            <Text className={styles.muted}>仅用于答复本咨询，请勿外传。</Text>
          </>
        ) : (
          <Text className={`${styles.muted} zc-contact-hidden`}>联系方式仅对承办此咨询的解答员和政务公开办可见。</Text>
        )}
        <Info label="同意匿名公开" value={i.consentPublish ? '同意' : '不同意'} />
      </View>

      <View className={styles.card}>
        <Text className={styles.cardTitle}>承办</Text>
        <Info label="承办单位" value={i.unitName ?? '待交办'} cls="zc-handle-unit" />
        <Info label="政策解答员" value={`${i.answererName ?? '待指定'}${mine ? '（我）' : ''}`} cls="zc-handle-answerer" />
        {canManage(user) && canAnswer && i.unitId && (
          <View className={`${styles.assign} zc-assign`}>
            <Text className={styles.switchLabel}>{i.answererId ? '改派给' : '分派给'}</Text>
            <Text className={styles.switchHint}>本单位的政策解答员</Text>
            <View className={styles.assignChips}>
              <AnswererChips
                unitId={i.unitId}
                exclude={i.answererId}
                disabled={busy !== null}
                onPick={(a) => void confirmAssign(a)}
              />
            </View>
          </View>
        )}
        {OPEN.includes(i.status) && (
          <View className={styles.switchRow}>
            <View className={styles.switchText}>
              <Text className={styles.switchLabel}>简单问题</Text>
              <Text className={styles.switchHint}>
                {REPLY_DAYS.simple} 个工作日内答复（一般问题 {REPLY_DAYS.normal} 个）
              </Text>
            </View>
            <Switch
              className="zc-simple"
              checked={i.simple}
              disabled={busy !== null}
              onChange={(simple) => void act('classify', () => classify(i.id, simple), simple ? '已标记为简单问题' : '已取消标记')}
            />
          </View>
        )}
      </View>

      {canAnswer && (
        <View className={`${styles.card} ${styles.compose} zc-compose`}>
          <View className={styles.composeHead}>
            <Text className={styles.cardTitle}>答复居民</Text>
            <Text className={`${styles.link} zc-kb-insert`} onClick={() => setKbOpen(true)}>
              从问答库插入
            </Text>
          </View>
          <TextArea
            className={`${styles.textarea} ${draftError ? styles.textareaError : ''} zc-reply-input`}
            value={draft}
            placeholder="写清楚政策依据、条件、标准和办理渠道"
            maxLength={REPLY_MAX}
            onChange={(v) => {
              setDraft(v);
              setDraftError('');
            }}
          />
          {draftError && <Text className={styles.error}>{draftError}</Text>}
          <Button
            className={`${styles.sendBtn} zc-reply-send`}
            type="primary"
            size="large"
            block
            loading={busy === 'reply'}
            disabled={busy !== null}
            onClick={() => void send()}
          >
            发送答复
          </Button>
          <View className={styles.secondary}>
            <Button
              className={`${styles.secondaryBtn} zc-open-clarify`}
              fill="outline"
              disabled={busy !== null}
              onClick={() => setPanel(panel === 'clarify' ? null : 'clarify')}
            >
              请居民补充
            </Button>
            <Button
              className={`${styles.secondaryBtn} zc-open-transfer`}
              fill="outline"
              disabled={busy !== null}
              onClick={() => setPanel(panel === 'transfer' ? null : 'transfer')}
            >
              转办
            </Button>
          </View>
          {panel === 'clarify' && (
            <ClarifyPanel
              busy={busy === 'clarify'}
              onCancel={() => setPanel(null)}
              onSend={async (message) => {
                if (await act('clarify', () => clarify(i.id, message), '已请居民补充')) {
                  setPanel(null);
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
                }
              }}
            />
          )}
          {panel === 'transfer' && (
            <TransferPanel
              busy={busy === 'transfer'}
              currentUnitId={i.unitId}
              onCancel={() => setPanel(null)}
              onSend={async (unit, reason) => {
                if (await act('transfer', () => transfer(i.id, unit.id, reason), `已转给${unit.name}`)) setPanel(null);
              }}
            />
          )}
        </View>
      )}

      {i.status === 'awaiting_resident' && (
        <View className={`${styles.card} ${styles.waiting}`}>
          <Text className={styles.waitingText}>已请居民补充说明，居民补充后可继续答复。</Text>
        </View>
      )}

      {i.reply !== null && (
        <ReplyCard
          reply={i.reply}
          meta={[repliedBy(i), i.repliedAt ? `${dateTime(i.repliedAt)} 答复` : '', i.rating ? `居民评价「${i.rating}」` : '']
            .filter(Boolean)
            .join(' · ')}
        />
      )}

      <View className={styles.card}>
        <Text className={styles.cardTitle}>办理记录</Text>
        <Timeline events={i.events ?? []} audience="staff" />
      </View>

      <Popup
        visible={kbOpen}
        position="bottom"
        round
        closeable
        title="从问答库插入"
        onClose={() => setKbOpen(false)}
        destroyOnClose
      >
        {kbOpen && <KbSearch initial={i.question.slice(0, FAQ_LIMITS.searchQuery)} onPick={insert} />}
      </Popup>
    </View>
  );
}

/** Who sent the reply, as far as the ledger says (the API gives the replier's role, not their name). */
function repliedBy(i: InquiryView): string {
  const event = [...(i.events ?? [])].reverse().find((e) => e.type === 'replied');
  return event?.actorRole && event.actorRole in ROLE_LABELS ? ROLE_LABELS[event.actorRole as Me['role']] : '';
}

function backToInbox() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.inbox() });
}

function Info({ label, value, cls = '', onTap }: { label: string; value: string; cls?: string; onTap?: () => void }) {
  return (
    <View className={styles.info}>
      <Text className={styles.infoLabel}>{label}</Text>
      <Text className={`${styles.infoValue} ${onTap ? styles.tappable : ''} ${cls}`} onClick={onTap}>
        {value}
      </Text>
    </View>
  );
}

function ClarifyPanel({ busy, onSend, onCancel }: { busy: boolean; onSend: (message: string) => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  return (
    <View className={`${styles.panel} zc-clarify`}>
      <Text className={styles.panelTitle}>请居民补充什么？</Text>
      <Text className={styles.panelHint}>发出后答复期限暂停计算，居民补充后继续，期限相应顺延。</Text>
      <TextArea
        className={`${styles.textarea} ${styles.small} ${error ? styles.textareaError : ''} zc-clarify-input`}
        value={text}
        placeholder="例如：请说明网店的经营主体是个人还是个体工商户"
        maxLength={1000}
        onChange={(v) => {
          setText(v);
          setError('');
        }}
      />
      {error && <Text className={styles.error}>{error}</Text>}
      <View className={styles.panelActions}>
        <Button className={styles.panelBtn} fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`${styles.panelBtn} zc-clarify-send`}
          type="primary"
          loading={busy}
          disabled={busy}
          onClick={() => (text.trim() ? void onSend(text.trim()) : setError('请写明需要补充的内容'))}
        >
          发给居民
        </Button>
      </View>
    </View>
  );
}

function TransferPanel({
  busy,
  currentUnitId,
  onSend,
  onCancel,
}: {
  busy: boolean;
  currentUnitId: string | null;
  onSend: (unit: Unit, reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [unit, setUnit] = useState<Unit | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ unit?: string; reason?: string }>({});
  const submit = () => {
    const next = {
      unit: !unit ? '请选择转办单位' : unit.id === currentUnitId ? '已在该单位办理，请选择其他单位' : undefined,
      reason: reason.trim() ? undefined : '请填写转办理由',
    };
    setErrors(next);
    if (!next.unit && !next.reason && unit) void onSend(unit, reason.trim());
  };
  return (
    <View className={`${styles.panel} zc-transfer`}>
      <Text className={styles.panelTitle}>转给哪个单位？</Text>
      <Text className={styles.panelHint}>答复期限不因转办重新计算。</Text>
      <UnitPicker
        value={unit}
        onChange={(u) => {
          setUnit(u);
          setErrors((e) => ({ ...e, unit: undefined }));
        }}
        placeholder="选择转办单位"
        error={errors.unit}
      />
      <Input
        className={`${styles.input} ${errors.reason ? styles.inputError : ''} zc-transfer-reason`}
        value={reason}
        maxlength={200}
        placeholder="转办理由，例如：属于税收优惠，由税务局答复"
        onInput={(e) => {
          setReason(e.detail.value);
          setErrors((x) => ({ ...x, reason: undefined }));
        }}
      />
      {errors.reason && <Text className={styles.error}>{errors.reason}</Text>}
      <View className={styles.panelActions}>
        <Button className={styles.panelBtn} fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button className={`${styles.panelBtn} zc-transfer-send`} type="primary" loading={busy} disabled={busy} onClick={submit}>
          确认转办
        </Button>
      </View>
    </View>
  );
}

/** Searches the knowledge base (the question itself to begin with); a chosen answer becomes the reply's starting point. */
function KbSearch({ initial, onPick }: { initial: string; onPick: (item: SearchItem) => void }) {
  const [text, setText] = useState(initial);
  const results = useSuggestions(text, 8);
  const items = results.status === 'ok' || results.status === 'loading' ? results.items : [];
  return (
    <View className={`${styles.kb} zc-kb`}>
      <Input
        className={`${styles.kbSearch} zc-kb-search`}
        value={text}
        maxlength={FAQ_LIMITS.searchQuery}
        placeholder="输入关键词查找问答"
        confirmType="search"
        onInput={(e) => setText(e.detail.value)}
      />
      <ScrollView scrollY className={styles.kbList}>
        {results.status === 'idle' && <Text className={styles.kbHint}>输入关键词，查找可参考的已发布问答。</Text>}
        {results.status === 'loading' && items.length === 0 && <Loading compact text="正在查找…" />}
        {results.status === 'error' && <ErrorState compact error={results.error} onRetry={results.retry} />}
        {results.status === 'ok' && items.length === 0 && <EmptyState compact title="没有找到相关问答" hint="换个关键词试试" />}
        {items.map((item) => (
          <View key={item.id} className={`${styles.kbItem} zc-kb-item`}>
            <Text className={styles.kbQuestion}>{item.question}</Text>
            <Text className={styles.kbAnswer}>{excerpt(item.answer, 90)}</Text>
            <View className={styles.kbActions}>
              <Text className={styles.kbTopic}>{item.topic}</Text>
              <Button className="zc-kb-pick" size="small" type="primary" fill="outline" onClick={() => onPick(item)}>
                插入答案
              </Button>
            </View>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
