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
import Dialog from '@nutui/nutui-react-taro/dist/es/packages/dialog';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import { FAQ_LIMITS } from '@shared/constants';
import { AWAITING_REPLY, CHANNEL_LABELS, OPEN, REPLY_DAYS } from '@shared/inquiry/states';
import type { Me, Unit } from '@shared/schemas/auth';
import type { SearchItem } from '@shared/schemas/faq';
import { replyInput, type InquiryView } from '@shared/schemas/inquiry';
import { useEffect, useState } from 'react';
import { AnswererChips } from '../../../components/AnswererChips';
import { Card } from '../../../components/Card';
import { DraftNotice } from '../../../components/DraftNotice';
import { DueSummary } from '../../../components/DueSummary';
import { InfoRow } from '../../../components/InfoRow';
import { UrgencyBadge } from '../../../components/InquiryCard';
import { InquiryHead } from '../../../components/InquiryHead';
import { Page } from '../../../components/Page';
import { ReplyCard } from '../../../components/ReplyCard';
import { EmptyState, ErrorState, LoadState, Loading } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { Timeline } from '../../../components/Timeline';
import { UnitPicker } from '../../../components/UnitPicker';
import { readDraft, useDraft } from '../../../hooks/useDraft';
import { useEscape } from '../../../hooks/useEscape';
import { useResource } from '../../../hooks/useResource';
import { useSuggestions } from '../../../hooks/useSuggestions';
import { useInquiryAction } from '../../../hooks/useInquiryAction';
import { ApiError } from '../../../services/api';
import { assign, clarify, classify, getInquiry, reply, transfer, type Answerer } from '../../../services/inquiry';
import { canManage, isStaff, readUser, ROLE_LABELS } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
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
    return (
      <Page>
        <SignInRequired hint="以政策解答员、单位编辑或政务公开办身份登录后，才能办理咨询" />
      </Page>
    );
  }
  return (
    <Page>
      <LoadState
        resource={inquiry}
        notFound={
          <EmptyState
            title="没有找到这条咨询"
            hint="它可能已转给其他单位办理"
            action={
              <Button type="primary" onClick={() => go(routes.inbox())}>
                回到工作台
              </Button>
            }
          />
        }
      />
      {inquiry.status === 'ok' && <Handle inquiry={inquiry.data} user={user} refresh={inquiry.refresh} />}
    </Page>
  );
}

type Panel = null | 'clarify' | 'transfer';

/**
 * Where a reply and a request for detail are kept until sent, per staff member and inquiry.
 * Only what staff typed is kept: never the resident's contact details or the inquiry itself.
 */
const draftKeys = (userId: string, inquiryId: string) => ({ reply: `reply.${userId}.${inquiryId}`, clarify: `clarify.${userId}.${inquiryId}` });

function Handle({ inquiry: i, user, refresh }: { inquiry: InquiryView; user: Me; refresh: () => Promise<void> }) {
  const keys = draftKeys(user.id, i.id);
  // Typed but not sent (the page was closed, reloaded, or the phone slept): it comes back.
  const [restored] = useState(() => (OPEN.includes(i.status) ? { reply: readDraft<string>(keys.reply), clarify: readDraft<string>(keys.clarify) } : null));
  const [draft, setDraft] = useState(restored?.reply ?? '');
  const [showRestored, setShowRestored] = useState(!!restored?.reply);
  const [clarifyText, setClarifyText] = useState(restored?.clarify ?? '');
  useDraft(keys.reply, draft, draft.trim() !== '');
  useDraft(keys.clarify, clarifyText, clarifyText.trim() !== '');
  const [draftError, setDraftError] = useState('');
  const [panel, setPanel] = useState<Panel>(restored?.clarify ? 'clarify' : null);
  const [previewing, setPreviewing] = useState(false);
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

  // Answered (by anyone), withdrawn or handed to another unit: what was kept can never be sent.
  const stillOpen = OPEN.includes(i.status) && !gone;
  useEffect(() => {
    if (stillOpen) return;
    setDraft('');
    setClarifyText('');
    setShowRestored(false);
  }, [stillOpen]);

  /** 发送答复 shows the reply as the resident will read it; only 确认发送 sends it. */
  const preview = () => {
    const checked = replyInput.safeParse({ reply: draft });
    if (!checked.success) {
      setDraftError(checked.error.issues[0]?.message ?? '请填写答复内容');
      return;
    }
    setPreviewing(true);
  };
  const closePreview = () => {
    if (busy !== 'reply') setPreviewing(false);
  };
  useEscape(previewing, closePreview);
  useEscape(kbOpen, () => setKbOpen(false));

  const send = async () => {
    const sent = await act('reply', () => reply(i.id, draft.trim()), '已答复');
    setPreviewing(false);
    if (sent) {
      setDraft('');
      setShowRestored(false);
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
    <View className="zc-handle" data-status={i.status}>
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

      <Card title="居民联系方式">
        {i.contact ? (
          <>
            <InfoRow label="称呼" className="zc-contact-name">
              {i.contact.name ?? '未填写'}
            </InfoRow>
            <InfoRow label="电话" className="zc-contact-phone">
              {i.contact.phone ? <PhoneLink phone={i.contact.phone} /> : '未填写'}
            </InfoRow>
            <Text className={styles.muted}>仅用于答复本咨询，请勿外传。</Text>
          </>
        ) : (
          <Text className={`${styles.muted} zc-contact-hidden`}>联系方式仅对承办此咨询的解答员和政务公开办可见。</Text>
        )}
        <InfoRow label="同意匿名公开">{i.consentPublish ? '同意' : '不同意'}</InfoRow>
      </Card>

      <Card title="承办">
        <InfoRow label="承办单位" className="zc-handle-unit">
          {i.unitName ?? '待交办'}
        </InfoRow>
        <InfoRow label="政策解答员" className="zc-handle-answerer">
          {`${i.answererName ?? '待指定'}${mine ? '（我）' : ''}`}
        </InfoRow>
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
      </Card>

      {canAnswer && (
        <Card
          title="答复居民"
          extra={
            <Text className={`${styles.link} zc-kb-insert`} {...a11y.button('从问答库插入')} onClick={() => setKbOpen(true)}>
              从问答库插入
            </Text>
          }
          className={`${styles.compose} zc-compose`}
        >
          {showRestored && (
            <DraftNotice
              text="已恢复上次未发送的答复"
              discardLabel="清空"
              onDiscard={() => {
                setDraft('');
                setShowRestored(false);
              }}
            />
          )}
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
          {draftError && <Text className={`${styles.error} zc-reply-error`}>{draftError}</Text>}
          <Button
            className={`${styles.sendBtn} zc-reply-send`}
            type="primary"
            size="large"
            block
            disabled={busy !== null}
            onClick={preview}
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
              text={clarifyText}
              onChange={setClarifyText}
              busy={busy === 'clarify'}
              onCancel={() => {
                setClarifyText('');
                setPanel(null);
              }}
              onSend={async (message) => {
                if (await act('clarify', () => clarify(i.id, message), '已请居民补充')) {
                  setClarifyText('');
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
        </Card>
      )}

      {i.status === 'awaiting_resident' && (
        <Card className={styles.waiting}>
          <Text className={styles.waitingText}>已请居民补充说明，居民补充后可继续答复。</Text>
        </Card>
      )}

      {i.reply !== null && (
        <ReplyCard
          reply={i.reply}
          meta={[repliedBy(i), i.repliedAt ? `${dateTime(i.repliedAt)} 答复` : '', i.rating ? `居民评价「${i.rating}」` : '']
            .filter(Boolean)
            .join(' · ')}
        />
      )}
      {canManage(user) && i.consentPublish && (i.status === 'answered' || i.status === 'closed') && i.reply !== null && (
        <View className={styles.block}>
          <Button className="zc-go-publish" block size="large" onClick={() => go(routes.publish(i.id))}>
            公开此答复
          </Button>
        </View>
      )}

      <Card title="办理记录">
        <Timeline events={i.events ?? []} audience="staff" />
      </Card>

      <Dialog
        className={`${styles.preview} zc-reply-preview`}
        visible={previewing}
        title="发送前请确认"
        closeOnOverlayClick={busy === null}
        onCancel={closePreview}
        onClose={closePreview}
        footer={
          <View className={styles.previewActions}>
            <Button
              className={`${styles.previewBtn} zc-preview-back`}
              fill="outline"
              disabled={busy === 'reply'}
              onClick={closePreview}
            >
              返回修改
            </Button>
            <Button
              className={`${styles.previewBtn} zc-preview-confirm`}
              type="primary"
              loading={busy === 'reply'}
              disabled={busy !== null}
              onClick={() => void send()}
            >
              确认发送
            </Button>
          </View>
        }
      >
        {previewing && (
          <View className={styles.previewBody}>
            <Text className={styles.previewHint}>居民将在「我的咨询」中看到以下答复，发送后不能修改。</Text>
            {/* The resident's 咨询详情 shows the same card, signed with the unit and the time. */}
            <ReplyCard reply={draft.trim()} meta={[i.unitName ?? '', `${dateTime(new Date().toISOString())} 答复`].filter(Boolean).join(' · ')} />
          </View>
        )}
      </Dialog>

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

/** A phone number that calls when tapped. */
function PhoneLink({ phone }: { phone: string }) {
  return (
    <Text
      className={styles.tappable}
      {...a11y.button(`拨打 ${phone}`)}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
    >
      {phone}
    </Text>
  );
}

function ClarifyPanel({
  text,
  onChange,
  busy,
  onSend,
  onCancel,
}: {
  text: string;
  onChange: (text: string) => void;
  busy: boolean;
  onSend: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
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
          onChange(v);
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
              <Tag>{item.topic}</Tag>
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
