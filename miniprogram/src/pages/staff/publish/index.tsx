import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FAQ_LIMITS, TOPICS, type Topic } from '@shared/constants';
import { blockedPersonalData, REDACT_LABELS, type RedactSpan } from '@shared/redact';
import type { PublicationDraft, PublicationTarget } from '@shared/schemas/publication';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, LoadState } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { useResource } from '../../../hooks/useResource';
import { ApiError, errorMessage } from '../../../services/api';
import { getPublicationDraft, publishAnswer } from '../../../services/publication';
import { canManage, readUser } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { go, param, routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

export default function PublishPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const user = readUser();
  const draft = useResource(() => getPublicationDraft(id), [id]);

  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能公开答复" />
      </Page>
    );
  }
  // 409: not answered, or the resident did not consent: the API's message says which.
  if (draft.status === 'error' && draft.error instanceof ApiError && draft.error.status === 409) {
    return (
      <Page>
        <EmptyState title="这条咨询不能公开" hint={draft.error.message} action={<Button onClick={() => go(routes.handle(id))}>回到咨询</Button>} />
      </Page>
    );
  }
  return (
    <Page bar>
      <LoadState resource={draft} notFound={<EmptyState title="没有找到这条咨询" hint="它可能已转给其他单位办理" />} />
      {draft.status === 'ok' && <Publish draft={draft.data} refresh={draft.refresh} />}
    </Page>
  );
}

/** The masked text with what was masked marked, so the editor sees each place at a glance. */
function Marked({ text, spans, className }: { text: string; spans: RedactSpan[]; className: string }) {
  const parts: { text: string; span?: RedactSpan }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) parts.push({ text: text.slice(at, s.start) });
    parts.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <Text className={`${styles.marked} ${className}`}>
      {parts.map((p, k) =>
        p.span ? (
          <Text key={k} className={`${styles.mark} zc-mark`} data-kind={p.span.kind} {...{ 'aria-label': `已隐去的${REDACT_LABELS[p.span.kind]}` }}>
            {p.text}
          </Text>
        ) : (
          <Text key={k}>{p.text}</Text>
        ),
      )}
    </Text>
  );
}

type Field = 'question' | 'answer';

function Publish({ draft, refresh }: { draft: PublicationDraft; refresh: () => Promise<void> }) {
  const [text, setText] = useState<Record<Field, string>>({ question: draft.question.text, answer: draft.answer.text });
  const [editing, setEditing] = useState<Record<Field, boolean>>({ question: false, answer: false });
  const [topic, setTopic] = useState<Topic | null>(draft.topic);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState<PublicationTarget | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Checked as the editor types, with the rule the server applies again on sending.
  const left = (f: Field) => blockedPersonalData(text[f]);
  const found = [...draft.question.spans.map((s) => ({ ...s, field: '问题' })), ...draft.answer.spans.map((s) => ({ ...s, field: '答复' }))];

  const send = async (target: PublicationTarget) => {
    const problems: Record<string, string> = {};
    for (const f of ['question', 'answer'] as const) {
      const l = left(f);
      if (l.length) problems[f] = `仍有${REDACT_LABELS[l[0]!.kind]}，请隐去后再发布`;
      else if (!text[f].trim()) problems[f] = '不能为空';
    }
    if (target === 'faq' && !topic) problems.topic = '写入问答库需要选择类目';
    if (target === 'faq' && text.question.trim().length > FAQ_LIMITS.question) problems.question = `问答库的问题不能超过 ${FAQ_LIMITS.question} 字`;
    if (!confirmed) problems.confirmed = '请先确认已核对个人信息';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(target);
    try {
      const result = await publishAnswer(draft.inquiryId, { question: text.question, answer: text.answer, target, confirmed: true, ...(topic ? { topic } : {}) });
      void Taro.showToast({ title: target === 'list' ? '已发布到咨询公开' : '已写入问答库（草稿）', icon: 'none' });
      await refresh().catch(() => {});
      if (target === 'faq') go(routes.edit(result.id));
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setErrors(err.fieldMessages());
      else setErrors({ _: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const field = (f: Field, title: string) => (
    <Card
      title={title}
      extra={
        !editing[f] ? (
          <Text className={`${styles.link} zc-edit-${f}`} {...a11y.button(`修改${title}`)} onClick={() => setEditing((e) => ({ ...e, [f]: true }))}>
            修改
          </Text>
        ) : undefined
      }
    >
      {editing[f] ? (
        <TextArea
          className={`${styles.textarea} ${errors[f] ? styles.textareaError : ''} zc-publish-${f}`}
          value={text[f]}
          maxLength={f === 'question' ? 1000 : FAQ_LIMITS.answer}
          onChange={(v) => {
            setText((t) => ({ ...t, [f]: v }));
            setErrors(({ [f]: _, ...rest }) => rest);
          }}
        />
      ) : (
        <Marked text={text[f]} spans={draft[f].spans} className={`zc-publish-${f}-text`} />
      )}
      {left(f).length > 0 && (
        <Text className={`${styles.error} zc-publish-left`}>仍有{[...new Set(left(f).map((s) => REDACT_LABELS[s.kind]))].join('、')}，发布时会被拒绝</Text>
      )}
      {errors[f] && !left(f).length && <Text className={`${styles.error} zc-field-error`}>{errors[f]}</Text>}
    </Card>
  );

  return (
    <View className="zc-publish">
      <Card title="已隐去的个人信息">
        {found.length ? (
          <View className={`${styles.found} zc-found`}>
            {found.map((s, k) => (
              <View key={k} className={`${styles.foundRow} zc-found-item`} data-kind={s.kind}>
                <Tag tone="warn">{REDACT_LABELS[s.kind]}</Tag>
                <Text className={styles.foundText}>
                  {s.field}：{s.original}
                </Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className={`${styles.muted} zc-found-none`}>没有发现电话、身份证号、姓名或地址。请仍逐字核对。</Text>
        )}
        <Text className={styles.muted}>以上原文只在此处供您核对，不会公开。</Text>
      </Card>

      {field('question', '问题')}
      {field('answer', '答复')}

      <Card title="类目">
        <View className={styles.chips}>
          {TOPICS.map((t) => (
            <View key={t} className={`${styles.chip} ${topic === t ? styles.chipOn : ''} zc-publish-topic`} {...a11y.choice(topic === t)} onClick={() => setTopic(t)}>
              <Text>{t}</Text>
            </View>
          ))}
        </View>
        {errors.topic && <Text className={`${styles.error} zc-field-error`}>{errors.topic}</Text>}
        <Text className={styles.muted}>咨询公开只显示类目、承办单位和发布日期{draft.unitName ? `（${draft.unitName}）` : ''}。</Text>
      </Card>

      <View className={`${styles.check} zc-publish-confirm`} data-checked={confirmed ? '1' : '0'} {...a11y.checkbox(confirmed)} onClick={() => setConfirmed(!confirmed)}>
        <View className={`${styles.box} ${confirmed ? styles.boxOn : ''}`} {...a11y.hidden()}>
          {confirmed ? '✓' : ''}
        </View>
        <Text className={styles.checkText}>我已逐字核对，以上内容不含居民的姓名、电话、身份证号、住址等个人信息</Text>
      </View>
      {errors.confirmed && <Text className={`${styles.error} ${styles.pad} zc-field-error`}>{errors.confirmed}</Text>}
      {errors._ && <Text className={`${styles.error} ${styles.pad} zc-publish-error`}>{errors._}</Text>}

      <View className={styles.bar}>
        <Button
          className="zc-publish-faq"
          size="large"
          disabled={busy !== null || !!draft.publishedTo.faq}
          loading={busy === 'faq'}
          onClick={() => void send('faq')}
        >
          {draft.publishedTo.faq ? '已写入问答库' : '发布到问答库'}
        </Button>
        <Button
          className="zc-publish-list"
          type="primary"
          size="large"
          disabled={busy !== null || !!draft.publishedTo.list}
          loading={busy === 'list'}
          onClick={() => void send('list')}
        >
          {draft.publishedTo.list ? '已公开' : '发布到咨询公开'}
        </Button>
      </View>
    </View>
  );
}
