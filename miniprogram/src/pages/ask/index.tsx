import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FAQ_LIMITS, MOBILE_PHONE, TOPICS, type Topic } from '@shared/constants';
import { CHANNEL_LABELS, REPLY_DAYS, type Channel } from '@shared/inquiry/states';
import type { Me, Unit } from '@shared/schemas/auth';
import type { DueAnswer } from '@shared/schemas/calendar';
import type { SearchItem } from '@shared/schemas/faq';
import { inquiryCreateInput, type InquiryCreateInput } from '@shared/schemas/inquiry';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AnswererChips } from '../../components/AnswererChips';
import { DraftNotice } from '../../components/DraftNotice';
import { PROVISIONAL_NOTE } from '../../components/DueSummary';
import { ErrorState, Loading } from '../../components/Status';
import { UnitPicker } from '../../components/UnitPicker';
import { readDraft, useDraft } from '../../hooks/useDraft';
import { useResource } from '../../hooks/useResource';
import { useSuggestions } from '../../hooks/useSuggestions';
import { ApiError, errorMessage } from '../../services/api';
import { createInquiry, expectedReply, listAnswerers, resolvedByEntry, type Answerer, type InquiryCreated } from '../../services/inquiry';
import { isStaff, readPhone, readUser, SIGNS_IN_BY_PHONE, signInWithPhone } from '../../services/session';
import { readToken } from '../../services/token';
import { CodeField } from '../../components/PhoneSignIn';
import { WechatPhone } from '../../components/WechatPhone';
import { SubscribeReply } from '../../components/SubscribeReply';
import { monthDay, weekday } from '../../utils/format';
import { go, goTab, param, routes } from '../../utils/nav';
import { randomKey } from '../../utils/random';
import * as a11y from '../../utils/a11y';
import { Page } from '../../components/Page';
import { SuggestedQuestion } from '../../components/SuggestedQuestion';
import styles from './index.module.scss';

type Form = {
  /** Where a question logged by staff came from; residents ask in the mini-program. */
  channel: StaffChannel;
  question: string;
  topic: Topic | '';
  unit: Unit | null;
  answerer: Answerer | null;
  name: string;
  phone: string;
  consent: boolean;
};
/** What is kept on the device until the question is sent, with the key its first attempt used. */
type AskDraft = { form: Form; idempotencyKey: string | null };
type Phase = { kind: 'form' } | { kind: 'resolved'; entry: SearchItem } | { kind: 'submitted'; inquiry: InquiryCreated };

/** The sources from which staff log a question on a resident's behalf. */
type StaffChannel = Exclude<Channel, 'miniprogram'>;
const STAFF_CHANNELS: StaffChannel[] = ['hotline', 'phone', 'mailbox', 'window'];

const QUESTION_MAX = 1000;
const SHOWN_SUGGESTIONS = 3;
const asTopic = (t: string): Topic | '' => ((TOPICS as readonly string[]).includes(t) ? (t as Topic) : '');

export default function AskPage() {
  const { params } = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  // A new form fill (再问一个) is a new form, with a new Idempotency-Key.
  const [fill, setFill] = useState(0);
  const user = readUser();
  // Staff use the same form to log a hotline, phone, mailbox or walk-in question for a resident.
  const staff = isStaff(user) ? user : null;
  const staffMode = staff !== null;

  useEffect(() => {
    const titles = staffMode
      ? { form: '登记咨询', resolved: '已按问答库答复', submitted: '咨询已登记' }
      : { form: '我要咨询', resolved: '问题已解决', submitted: '咨询已提交' };
    void Taro.setNavigationBarTitle({ title: titles[phase.kind] });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }, [phase.kind, staffMode]);

  const again = () => {
    setPhase({ kind: 'form' });
    setFill((n) => n + 1);
  };

  if (phase.kind === 'resolved') return <Resolved entry={phase.entry} staff={staff} onAgain={again} />;
  if (phase.kind === 'submitted') return <Ticket inquiry={phase.inquiry} staff={staff} onAgain={again} />;
  return (
    <AskForm
      key={fill}
      staff={staffMode}
      draftKey={staff ? `ask.staff.${staff.id}` : 'ask.resident'}
      initialQuestion={fill === 0 ? param(params.q).slice(0, QUESTION_MAX) : ''}
      initialTopic={fill === 0 ? asTopic(param(params.topic)) : ''}
      initialAnswererId={fill === 0 ? param(params.answererId) : ''}
      fromSearch={fill === 0 && param(params.search) === '1'}
      onResolved={(entry) => setPhase({ kind: 'resolved', entry })}
      onSubmitted={(inquiry) => setPhase({ kind: 'submitted', inquiry })}
    />
  );
}

/** A question addressed to one answerer (「问TA」): their unit and name fill the form once the roster answers. */
function useAnswerer(id: string, onFound: (unit: Unit, answerer: Answerer) => void) {
  const found = useRef(onFound);
  found.current = onFound;
  useEffect(() => {
    if (!id) return;
    let live = true;
    listAnswerers().then(
      (res) => {
        const a = res.items.find((x) => x.id === id);
        if (live && a) found.current({ id: a.unitId, name: a.unitName, kind: 'department' }, a);
      },
      () => undefined, // the form still works; the resident may pick a unit
    );
    return () => {
      live = false;
    };
  }, [id]);
}

const blankForm = (question: string, topic: Topic | ''): Form => ({
  channel: 'hotline',
  question,
  topic,
  unit: null,
  answerer: null,
  name: '',
  phone: '',
  consent: false,
});

function AskForm({
  staff,
  draftKey,
  initialQuestion,
  initialTopic,
  initialAnswererId,
  fromSearch,
  onResolved,
  onSubmitted,
}: {
  staff: boolean;
  draftKey: string;
  initialQuestion: string;
  initialTopic: Topic | '';
  /** 「问TA」 on the roster: the question goes to this answerer. */
  initialAnswererId: string;
  /** The words came from a search that found no answer: the API logs the question for 高频问题. */
  fromSearch: boolean;
  onResolved: (entry: SearchItem) => void;
  onSubmitted: (inquiry: InquiryCreated) => void;
}) {
  // A question brought from a search or an entry starts a new form; otherwise one left unsent comes back.
  const [restored] = useState(() => (initialQuestion ? null : readDraft<AskDraft>(draftKey)));
  const [form, setForm] = useState<Form>(() => {
    const start = restored?.form ?? blankForm(initialQuestion, initialTopic);
    return !staff && !start.phone && readPhone() ? { ...start, phone: readPhone()! } : start;
  });
  // In H5 a question is asked from a verified phone: the first time, with a code sent to it.
  const [needsCode, setNeedsCode] = useState(() => !staff && SIGNS_IN_BY_PHONE && !readToken());
  const [code, setCode] = useState('');
  useAnswerer(initialAnswererId, (unit, answerer) => setForm((f) => ({ ...f, unit, answerer })));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  // State updates land a render later; a ref stops a second tap in the same instant.
  const busy = useRef(false);
  // Made at the first attempt and kept for every retry of this form fill, also after the app was
  // closed mid-request: the API then answers with the inquiry it already created.
  const idempotencyKey = useRef<string | null>(restored?.idempotencyKey ?? null);
  // Staff do not keep a caller's name and phone on their device.
  const kept = useMemo(() => (staff ? { ...form, name: '', phone: '' } : form), [form, staff]);
  const draft = useDraft<AskDraft>(
    draftKey,
    useMemo(() => ({ form: kept, idempotencyKey: idempotencyKey.current }), [kept]),
    form.question.trim() !== '',
  );

  const discardDraft = () => {
    setForm(blankForm('', ''));
    setErrors({});
    idempotencyKey.current = null;
    setShowRestored(false);
  };
  const due = useResource(() => expectedReply(REPLY_DAYS.normal), []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    const field =
      key === 'name' ? 'contactName' : key === 'phone' ? 'contactPhone' : key === 'unit' ? 'unitId' : key === 'answerer' ? 'answererId' : key;
    if (errors[field] || errors._) setErrors((e) => ({ ...e, [field]: '', _: '' }));
  };

  const submit = async () => {
    if (busy.current) return;
    const body: InquiryCreateInput = {
      question: form.question,
      consentPublish: form.consent,
      ...(form.topic ? { topic: form.topic } : {}),
      ...(form.unit ? { unitId: form.unit.id } : {}),
      ...(form.answerer ? { answererId: form.answerer.id } : {}),
      ...(form.name.trim() ? { contactName: form.name.trim() } : {}),
      ...(form.phone.trim() ? { contactPhone: form.phone.trim() } : {}),
      ...(staff ? { channel: form.channel } : {}),
      ...(fromSearch && !staff ? { fromSearch: true } : {}),
    };
    // The same schema the API checks with: mistakes show at once, next to their field.
    const checked = inquiryCreateInput.safeParse(body);
    // The API also wants a way back to a resident whose question staff log.
    const noContact = staff && !body.contactName && !body.contactPhone;
    const codeProblem = needsCode && (!MOBILE_PHONE.test(form.phone.replace(/[\s-]/g, '')) ? 'phone' : !/^\d{6}$/.test(code) ? 'code' : null);
    if (!checked.success || noContact || codeProblem) {
      const fields: Record<string, string> = {};
      for (const issue of checked.error?.issues ?? []) {
        const key = issue.path.join('.') || '_';
        fields[key] ??= issue.message;
      }
      if (noContact) fields.contactPhone ??= '请填写居民的姓名或电话';
      if (codeProblem === 'phone') fields.contactPhone ??= '请填写 11 位手机号，用于验证';
      if (codeProblem === 'code') fields.code = '请填写短信验证码';
      setErrors(fields);
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      // After the messages render: bring the first one into view, clear of the title bar.
      setTimeout(() => void Taro.pageScrollTo({ selector: '.zc-ask .zc-field-error', offsetTop: -140, duration: 200 }).catch(() => undefined), 50);
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    try {
      idempotencyKey.current ??= await randomKey();
      draft.saveNow({ form: kept, idempotencyKey: idempotencyKey.current });
      if (needsCode) {
        try {
          await signInWithPhone(form.phone, code);
        } catch (err) {
          // A wrong or expired code belongs next to the code; the question stays as typed.
          if (err instanceof ApiError && err.issues.length) {
            const f = err.fieldMessages();
            setErrors({ ...(f.phone ? { contactPhone: f.phone } : {}), ...(f.code ? { code: f.code } : {}), ...(f._ ? { _: f._ } : {}) });
          } else setErrors({ _: errorMessage(err) });
          return;
        }
        setNeedsCode(false);
      }
      const created = await createInquiry(body, idempotencyKey.current);
      draft.clear();
      onSubmitted(created);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setErrors(err.fieldMessages());
      else setErrors({ _: errorMessage(err) });
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  return (
    <Page bar className={`zc-ask zc-ask-${staff ? 'staff' : 'resident'}`}>
      {showRestored && <DraftNotice text="已恢复您上次未提交的内容" discardLabel="清空重填" onDiscard={discardDraft} />}
      {staff && (
        <View className={styles.card}>
          <View className={styles.labelRow}>
            <Text className={styles.label}>
              来源渠道<Text className={styles.required}> *</Text>
            </Text>
            <Text className={styles.hint}>代居民登记</Text>
          </View>
          <View className={styles.chips}>
            {STAFF_CHANNELS.map((c) => (
              <View
                key={c}
                className={`${styles.chip} ${form.channel === c ? styles.chipActive : ''} zc-ask-channel`}
                data-channel={c}
                {...a11y.choice(form.channel === c)}
                onClick={() => set('channel', c)}
              >
                {CHANNEL_LABELS[c]}
              </View>
            ))}
          </View>
        </View>
      )}
      <View className={styles.card}>
        <View className={styles.labelRow}>
          <Text className={styles.label}>
            {staff ? '居民的问题' : '您的问题'}
            <Text className={styles.required}> *</Text>
          </Text>
          <Text className={styles.hint}>{staff ? '尽量按居民原话记录' : '用自己的话说清楚即可'}</Text>
        </View>
        <TextArea
          className={`${styles.textarea} ${errors.question ? styles.textareaError : ''} zc-ask-question`}
          value={form.question}
          placeholder="例如：我是退役军人，在本区开网店能享受哪些税费减免？"
          maxLength={QUESTION_MAX}
          onChange={(v) => set('question', v)}
        />
        {errors.question && <Text className={`${styles.error} zc-field-error`}>{errors.question}</Text>}
      </View>

      <AskSuggestions
        question={form.question}
        channel={staff ? form.channel : undefined}
        onResolved={(entry) => {
          draft.clear();
          onResolved(entry);
        }}
      />

      <View className={styles.card}>
        <View className={styles.labelRow}>
          <Text className={styles.label}>问题类别（选填）</Text>
          <Text className={styles.hint}>用于交给对口单位</Text>
        </View>
        <View className={styles.chips}>
          {TOPICS.map((t) => (
            <View
              key={t}
              className={`${styles.chip} ${form.topic === t ? styles.chipActive : ''} zc-ask-topic`}
              data-topic={t}
              {...a11y.choice(form.topic === t)}
              onClick={() => set('topic', form.topic === t ? '' : t)}
            >
              {t}
            </View>
          ))}
        </View>
        {errors.topic && <Text className={`${styles.error} zc-field-error`}>{errors.topic}</Text>}

        <View className={`${styles.labelRow} ${styles.spaced}`}>
          <Text className={styles.label}>承办单位（选填）</Text>
          {form.unit ? (
            <Text
              className={`${styles.link} zc-ask-unit-clear`}
              {...a11y.button()}
              onClick={() => {
                set('unit', null);
                set('answerer', null);
              }}
            >
              不指定
            </Text>
          ) : (
            <Text className={styles.hint}>不清楚就不选</Text>
          )}
        </View>
        <UnitPicker
          value={form.unit}
          onChange={(u) => {
            set('unit', u);
            set('answerer', null);
          }}
          placeholder="按问题类别自动交办"
          error={errors.unitId}
        />
        {form.unit && (
          <>
            <View className={`${styles.labelRow} ${styles.spaced}`}>
              <Text className={styles.label}>政策解答员（选填）</Text>
              <Text className={styles.hint}>不选由单位安排</Text>
            </View>
            <AnswererChips
              unitId={form.unit.id}
              selected={form.answerer?.id ?? null}
              onPick={(a) => set('answerer', form.answerer?.id === a.id ? null : a)}
            />
            {errors.answererId && <Text className={`${styles.error} zc-field-error`}>{errors.answererId}</Text>}
          </>
        )}
      </View>

      <View className={styles.card}>
        <View className={styles.labelRow}>
          {staff || needsCode ? (
            <Text className={styles.label}>
              {staff ? '居民联系方式' : '联系方式'}
              <Text className={styles.required}> *</Text>
            </Text>
          ) : (
            <Text className={styles.label}>联系方式（选填）</Text>
          )}
          <Text className={styles.hint}>{staff ? '姓名、电话至少一项' : '仅承办人员可见'}</Text>
        </View>
        <Input
          className={`${styles.input} ${errors.contactName ? styles.inputError : ''} zc-ask-name`}
          value={form.name}
          maxlength={20}
          placeholder={staff ? '居民怎么称呼，例如：李女士' : '怎么称呼您，例如：李女士'}
          onInput={(e) => set('name', e.detail.value)}
        />
        {errors.contactName && <Text className={`${styles.error} zc-field-error`}>{errors.contactName}</Text>}
        <Input
          className={`${styles.input} ${styles.spacedInput} ${errors.contactPhone ? styles.inputError : ''} zc-ask-phone`}
          value={form.phone}
          maxlength={20}
          type="text"
          placeholder={staff ? '居民的手机或座机号码' : needsCode ? '手机号，用于验证和接收答复' : '手机或座机号码，便于解答员联系您'}
          onInput={(e) => set('phone', e.detail.value)}
        />
        {errors.contactPhone && <Text className={`${styles.error} zc-field-error`}>{errors.contactPhone}</Text>}
        {!staff && <WechatPhone onPhone={(p) => set('phone', p)} onError={(m) => setErrors((e) => ({ ...e, contactPhone: m }))} />}
        {needsCode && (
          <CodeField
            phone={form.phone}
            value={code}
            onChange={(v) => {
              setCode(v);
              if (errors.code) setErrors((e) => ({ ...e, code: '' }));
            }}
            error={errors.code}
          />
        )}
        <View
          className={`${styles.consent} zc-ask-consent`}
          data-checked={form.consent ? '1' : '0'}
          {...a11y.checkbox(form.consent)}
          onClick={() => set('consent', !form.consent)}
        >
          <View className={`${styles.box} ${form.consent ? styles.boxOn : ''}`} {...a11y.hidden()}>{form.consent ? '✓' : ''}</View>
          <Text className={styles.consentText}>
            {staff ? '居民同意' : '同意'}在隐去姓名、电话等个人信息后，公开本问答和答复，帮助有同样问题的人（选填）
          </Text>
        </View>
        {!staff && (
          <Text className={`${styles.privacy} zc-ask-privacy`}>
            您留下的姓名和电话只有您本人、办理本咨询的政策解答员（尚未分派时为承办单位的编辑）和政务公开办能看到，仅用于答复和回访；咨询办结后按政务公开办规定的期限（默认 3 年）自动清除。您可以随时在「我的」中注销账号。
          </Text>
        )}
      </View>

      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

      {/* The expected reply date stays in sight, next to the button that starts the clock. */}
      <View className={styles.bar}>
        <ExpectedReply due={due} />
        <Button
          className={`${styles.barBtn} zc-ask-submit`}
          type="primary"
          loading={submitting}
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '提交中' : staff ? '登记咨询' : '提交咨询'}
        </Button>
      </View>
    </Page>
  );
}

/** Knowledge-base answers to the question as it is being typed; one of them may settle it. */
function AskSuggestions({
  question,
  channel,
  onResolved,
}: {
  question: string;
  /** Where the question came from, when staff log it for a resident. */
  channel?: StaffChannel;
  onResolved: (entry: SearchItem) => void;
}) {
  const staff = channel !== undefined;
  const suggestions = useSuggestions(question.slice(0, FAQ_LIMITS.searchQuery), 5);
  const [open, setOpen] = useState<string | null>(null);
  const [resolving, setResolving] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  if (suggestions.status === 'idle') return null;
  const found = suggestions.status === 'ok' || suggestions.status === 'loading' ? suggestions.items : [];
  // Three are enough to judge by; the rest on request, so the form stays close.
  const items = all ? found : found.slice(0, SHOWN_SUGGESTIONS);

  const resolve = async (item: SearchItem) => {
    if (resolving) return;
    setResolving(item.id);
    try {
      await resolvedByEntry(question.trim(), item.id, channel);
      onResolved(item);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setResolving(null);
    }
  };

  return (
    <View
      className={`${styles.card} ${styles.suggest} zc-ask-suggestions`}
      data-status={suggestions.status}
      data-query={suggestions.query}
    >
      <Text className={styles.suggestTitle}>问答库里的相关问答</Text>
      <Text className={styles.suggestHint}>
        {staff ? '问答库能答的，照答案答复居民并记一笔，不必登记。' : '先看看能否解决；没解决就继续填写提交。'}
      </Text>
      {suggestions.status === 'loading' && found.length === 0 && <Loading compact text="正在查找相近的问题…" />}
      {suggestions.status === 'error' && (
        <ErrorState compact title="查询失败" error={suggestions.error} onRetry={suggestions.retry} />
      )}
      {suggestions.status === 'ok' && found.length === 0 && (
        <Text className={`${styles.suggestNone} zc-ask-no-match`}>问答库里还没有相近的问题，请继续填写并提交。</Text>
      )}
      {items.length > 0 && (
        <View className={suggestions.status === 'loading' ? styles.stale : ''}>
          {items.map((item) => (
            <View key={item.id} className={`${styles.sItem} zc-ask-suggestion`} data-id={item.id}>
              <View
                className={styles.sHead}
                hoverClass={styles.pressed}
                {...a11y.button()}
                aria-expanded={open === item.id ? 'true' : 'false'}
                onClick={() => setOpen(open === item.id ? null : item.id)}
              >
                <SuggestedQuestion question={item.question} matched={item.matched} questionClass="zc-ask-suggestion-question" />
                <Text className={styles.sToggle}>{open === item.id ? '收起' : '看答案'}</Text>
              </View>
              {open === item.id && (
                <View className={styles.sBody}>
                  <Text className={`${styles.sAnswer} zc-ask-suggestion-answer`}>{item.answer}</Text>
                  <View className={styles.sActions}>
                    <Button
                      className={`${styles.sBtn} zc-ask-open-entry`}
                      size="small"
                      fill="outline"
                      onClick={() => go(routes.entry(item.id))}
                    >
                      查看详情
                    </Button>
                    <Button
                      className={`${styles.sBtn} zc-resolved`}
                      size="small"
                      type="primary"
                      loading={resolving === item.id}
                      disabled={resolving !== null}
                      onClick={() => void resolve(item)}
                    >
                      {staff ? '已按此答复居民' : '这解决了我的问题'}
                    </Button>
                  </View>
                </View>
              )}
            </View>
          ))}
          {found.length > items.length && (
            <Text className={`${styles.sMore} zc-ask-more-suggestions`} {...a11y.button()} onClick={() => setAll(true)}>
              还有 {found.length - items.length} 条相关问答 ›
            </Text>
          )}
        </View>
      )}
    </View>
  );
}

/** The date a question asked now is due, before the resident submits it. Tap: the days counted. */
function ExpectedReply({ due }: { due: ReturnType<typeof useResource<DueAnswer>> }) {
  const [showDays, setShowDays] = useState(false);
  if (due.status === 'loading') {
    return (
      <View className={`${styles.due} zc-expected`}>
        <Text className={styles.dueHint}>正在计算预计答复日期…</Text>
      </View>
    );
  }
  if (due.status === 'error') {
    return (
      <View className={`${styles.due} zc-expected`}>
        <View data-state="error">
          <View className={styles.dueErrorRow}>
            <Text className={styles.dueErrorTitle}>答复日期暂未算出</Text>
            <Text className={`${styles.dueRetry} zc-retry`} {...a11y.button()} onClick={due.reload}>
              重试
            </Text>
          </View>
          <Text className={styles.dueHint}>{errorMessage(due.error)}</Text>
        </View>
      </View>
    );
  }
  const { dueAt, provisional, counted } = due.data;
  return (
    <View
      className={`${styles.due} zc-expected`}
      data-due={dueAt}
      {...a11y.button()}
      aria-expanded={showDays ? 'true' : 'false'}
      onClick={() => setShowDays((v) => !v)}
    >
      {showDays && (
        <View className={`${styles.days} zc-expected-days`}>
          <Text className={styles.daysTitle}>今天不计，从下一个工作日数起：</Text>
          {counted.map((d, i) => (
            <Text key={d} className={styles.day}>
              第{i + 1}天 {monthDay(d)} {weekday(d)}
            </Text>
          ))}
        </View>
      )}
      <Text className={`${styles.dueMain} zc-expected-main`}>
        预计 <Text className={`${styles.dueDate} zc-expected-date`}>{monthDay(dueAt)}</Text> 前答复
      </Text>
      <Text className={styles.dueHint}>
        {REPLY_DAYS.normal} 个工作日 · 节假日顺延 <Text className={styles.dueMore}>{showDays ? '收起' : '怎么算'}</Text>
      </Text>
      {provisional && <Text className={`${styles.dueNote} zc-provisional`}>{PROVISIONAL_NOTE}</Text>}
    </View>
  );
}

function Ticket({ inquiry: i, staff, onAgain }: { inquiry: InquiryCreated; staff: Me | null; onAgain: () => void }) {
  // Staff may open what they logged when their own unit handles it (the office handles all).
  const canHandle = staff !== null && (staff.role === 'office' || (i.unitId !== null && i.unitId === staff.unitId));
  return (
    <Page className="zc-ticket-view">
      <View className={styles.done}>
        <View className={styles.doneIcon}>✓</View>
        <Text className={styles.doneTitle}>{staff ? '咨询已登记' : '咨询已提交'}</Text>
        <Text className={styles.doneHint}>
          {staff
            ? '请把咨询编号和答复期限告诉居民；承办单位答复后会按留下的联系方式联系居民。'
            : '承办单位会在期限内答复，答复后会在「消息」里通知您。'}
        </Text>
        {!staff && <SubscribeReply />}
      </View>
      <View className={styles.card}>
        <TicketRow label="咨询编号" value={i.ticket} cls="zc-ticket-number" strong />
        <TicketRow label="承办单位" value={i.unitName ?? '待交办（政务公开办会尽快交办）'} cls="zc-ticket-unit" />
        <TicketRow label="政策解答员" value={i.answererName ?? '待指定'} cls="zc-ticket-answerer" />
        <TicketRow label="答复期限" value={`${monthDay(i.dueAt)}（${weekday(i.dueAt)}）前`} cls="zc-ticket-due" strong />
        {i.dueProvisional && <Text className={`${styles.dueNote} zc-provisional`}>{PROVISIONAL_NOTE}</Text>}
      </View>
      <View className={styles.doneActions}>
        {staff ? (
          <>
            <Button className="zc-log-again" type="primary" size="large" block onClick={onAgain}>
              继续登记
            </Button>
            {canHandle && (
              <Button
                className={`${styles.secondBtn} zc-open-handle`}
                size="large"
                block
                fill="outline"
                onClick={() => void Taro.redirectTo({ url: routes.handle(i.id) })}
              >
                去办理
              </Button>
            )}
          </>
        ) : (
          <>
            <Button
              className="zc-open-inquiry"
              type="primary"
              size="large"
              block
              onClick={() => void Taro.redirectTo({ url: routes.inquiry(i.id) })}
            >
              查看咨询进度
            </Button>
            <Button className={styles.secondBtn} size="large" block fill="outline" onClick={() => goTab(routes.home())}>
              返回首页
            </Button>
          </>
        )}
      </View>
    </Page>
  );
}

function TicketRow({ label, value, cls, strong }: { label: string; value: string; cls: string; strong?: boolean }) {
  return (
    <View className={styles.row}>
      <Text className={styles.rowLabel}>{label}</Text>
      <Text className={`${styles.rowValue} ${strong ? styles.rowStrong : ''} ${cls}`} userSelect>
        {value}
      </Text>
    </View>
  );
}

function Resolved({ entry, staff, onAgain }: { entry: SearchItem; staff: Me | null; onAgain: () => void }) {
  return (
    <Page className="zc-resolved-view">
      <View className={styles.done}>
        <View className={styles.doneIcon}>✓</View>
        <Text className={styles.doneTitle}>{staff ? '已记为由问答库答复' : '很高兴问题已经解决'}</Text>
        <Text className={styles.doneHint}>{staff ? '这次咨询无需登记交办。' : '已记为由问答库解答，无需再提交咨询。'}</Text>
      </View>
      <View className={styles.card} hoverClass={styles.pressed} onClick={() => go(routes.entry(entry.id))}>
        <Text className={styles.rowLabel}>{staff ? '答复所依据的问答' : '解决您问题的问答'}</Text>
        <Text className={`${styles.resolvedQuestion} zc-resolved-question`}>{entry.question}</Text>
        <Text className={styles.link}>查看全文 ›</Text>
      </View>
      <View className={styles.doneActions}>
        {staff ? (
          <Button className="zc-ask-again" type="primary" size="large" block onClick={onAgain}>
            继续登记
          </Button>
        ) : (
          <>
            <Button type="primary" size="large" block onClick={() => goTab(routes.home())}>
              返回首页
            </Button>
            <Button className={`${styles.secondBtn} zc-ask-again`} size="large" block fill="outline" onClick={onAgain}>
              还有别的问题
            </Button>
          </>
        )}
      </View>
    </Page>
  );
}
