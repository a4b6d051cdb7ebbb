import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FAQ_LIMITS, TOPICS, type Topic } from '@shared/constants';
import type { Me, Unit } from '@shared/schemas/auth';
import { faqCreateInput, faqUpdateInput, type FaqManaged } from '@shared/schemas/faq';
import type { PolicyRef } from '@shared/schemas/policy';
import { useEffect, useMemo, useState } from 'react';
import { Card } from '../../../components/Card';
import { DraftNotice } from '../../../components/DraftNotice';
import { ValidityTag } from '../../../components/PolicyCard';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { UnitPicker } from '../../../components/UnitPicker';
import { readDraft, useDraft } from '../../../hooks/useDraft';
import { useSuggestions } from '../../../hooks/useSuggestions';
import { useResource } from '../../../hooks/useResource';
import { ApiError, errorMessage, type Issue } from '../../../services/api';
import { createFaq, getManaged, setFaqStatus, STATUS_LABELS, updateFaq } from '../../../services/manage';
import { getFaqBasis, setFaqBasis, type FaqBasisManaged } from '../../../services/policies';
import { canManage, readUser } from '../../../services/session';
import { takeEntryPrefill, type EntryPrefill } from '../../../stores/entry-prefill';
import { splitWords } from '../../../utils/format';
import { go, param, routes } from '../../../utils/nav';
import { PolicyChooser } from '../components/PolicyChooser';
import { SignInRequired } from '../components/SignInRequired';
import * as a11y from '../../../utils/a11y';
import styles from './index.module.scss';

type Form = {
  question: string;
  answer: string;
  topic: Topic | '';
  similar: string[];
  keywords: string;
  validFrom: string;
  validUntil: string;
  unit: Unit | null;
};

const EMPTY: Form = {
  question: '',
  answer: '',
  topic: '',
  similar: [''],
  keywords: '',
  validFrom: '',
  validUntil: '',
  unit: null,
};

function fromEntry(entry: FaqManaged): Form {
  return {
    question: entry.question,
    answer: entry.answer,
    topic: (TOPICS as readonly string[]).includes(entry.topic) ? (entry.topic as Topic) : '',
    similar: entry.similar.length ? [...entry.similar] : [''],
    keywords: entry.keywords.join('，'),
    validFrom: entry.validFrom ?? '',
    validUntil: entry.validUntil ?? '',
    unit: null,
  };
}

function fromPrefill(p: EntryPrefill): Form {
  return { ...EMPTY, question: p.question, answer: p.answer, topic: p.topic, similar: p.similar.length ? [...p.similar] : [''], unit: p.unit };
}


export default function EditPage() {
  const { params } = useRouter();
  const id = param(params.id) || null;
  const user = readUser();
  // A new entry started from 高频问题 (the handoff is taken once).
  const [prefill] = useState(() => (!id && param(params.from) === 'gap' ? takeEntryPrefill() : null));

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑问答' : '新建问答' });
  }, [id]);

  if (!canManage(user)) {
    return <SignInRequired className={styles.page} hint="以单位编辑或政务公开办身份登录后，才能编辑问答" />;
  }
  return id ? <EditExisting id={id} user={user} /> : <Editor user={user} entry={null} prefill={prefill} />;
}

function EditExisting({ id, user }: { id: string; user: Me }) {
  const entry = useResource(() => getManaged(id), [id]);
  if (entry.status === 'loading') return <Loading />;
  if (entry.status === 'error') {
    return (
      <View className={styles.page}>
        {entry.error instanceof ApiError && entry.error.status === 404 ? (
          <EmptyState title="这条问答不存在" hint="可能已被删除，或不属于您的单位" />
        ) : (
          <ErrorState error={entry.error} onRetry={entry.reload} />
        )}
      </View>
    );
  }
  return <Editor user={user} entry={entry.data} />;
}

/** Issue paths such as `similar.2` refer to the rows actually sent; map them back to form rows. */
function toFieldErrors(issues: Issue[], similarRows: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of issues) {
    let key = path || '_';
    const m = /^similar\.(\d+)/.exec(key);
    if (m) key = `similar.${similarRows[Number(m[1])] ?? 0}`;
    if (/^keywords(\.|$)/.test(key)) key = 'keywords';
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** Unsaved changes kept on the device; `base` is the version of the entry they were made to. */
type EditDraft = { base: string | null; form: Form };

function Editor({ user, entry, prefill = null }: { user: Me; entry: FaqManaged | null; prefill?: EntryPrefill | null }) {
  const start = useMemo(() => (entry ? fromEntry(entry) : prefill ? fromPrefill(prefill) : EMPTY), [entry, prefill]);
  const draftKey = `faq.${user.id}.${entry?.id ?? 'new'}`;
  // Changes left unsaved come back, with the version they were made to; a prefilled entry starts from what it was given.
  const [restored] = useState(() => (prefill ? null : readDraft<EditDraft>(draftKey)));
  const [form, setForm] = useState<Form>(() => restored?.form ?? start);
  // The version this edit started from: saving is refused (409) if someone has saved since.
  const base = restored ? restored.base : (entry?.updatedAt ?? null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [conflict, setConflict] = useState(entry !== null && restored !== null && restored.base !== entry.updatedAt);
  const changed = useMemo(() => JSON.stringify(form) !== JSON.stringify(start), [form, start]);
  const draft = useDraft<EditDraft>(draftKey, useMemo(() => ({ base, form }), [base, form]), changed);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<'draft' | 'publish' | null>(null);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _removed, ...rest } = e;
      return rest;
    });
  };

  const setSimilar = (index: number, value: string) => {
    setForm((f) => ({ ...f, similar: f.similar.map((s, i) => (i === index ? value : s)) }));
    setErrors(({ [`similar.${index}`]: _removed, ...rest }) => rest);
  };

  /** Drops this edit and opens the entry as it is saved now. */
  const showLatest = () => {
    draft.clear();
    void Taro.redirectTo({ url: routes.edit(entry!.id) });
  };

  /** `overwrite`: save over a version someone else saved since, knowingly. */
  const save = async (publish: boolean, overwrite = false) => {
    if (saving) return;
    const similarRows: number[] = [];
    const similar: string[] = [];
    form.similar.forEach((s, i) => {
      if (s.trim()) {
        similarRows.push(i);
        similar.push(s.trim());
      }
    });
    const fields = {
      question: form.question.trim(),
      answer: form.answer.trim(),
      topic: form.topic,
      similar,
      keywords: splitWords(form.keywords),
      validFrom: form.validFrom || null,
      validUntil: form.validUntil || null,
    };

    // The same schema the API applies: most mistakes are caught before a round trip.
    const check = entry
      ? faqUpdateInput.safeParse(fields)
      : faqCreateInput.safeParse({ ...fields, publish, ...(user.role === 'office' && form.unit ? { unitId: form.unit.id } : {}) });
    if (!check.success) {
      setErrors(
        toFieldErrors(
          check.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
          similarRows,
        ),
      );
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }

    setSaving(publish ? 'publish' : 'draft');
    setErrors({});
    try {
      let saved: FaqManaged;
      if (entry) {
        const guard = overwrite || !base ? {} : { baseUpdatedAt: base };
        saved = await updateFaq(entry.id, { ...faqUpdateInput.parse(fields), ...guard });
        if (publish && saved.status !== 'published') saved = await setFaqStatus(entry.id, 'published');
      } else {
        saved = await createFaq({
          ...fields,
          topic: fields.topic as Topic,
          publish,
          ...(user.role === 'office' && form.unit ? { unitId: form.unit.id } : {}),
        });
      }
      draft.clear();
      void Taro.showToast({ title: saved.status === 'published' ? '已发布' : '已保存', icon: 'success', duration: 1200 });
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
        else void Taro.redirectTo({ url: routes.manage() });
      }, 600);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        setConflict(true);
        void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      } else if (err instanceof ApiError && err.issues.length) {
        setErrors(toFieldErrors(err.issues, similarRows));
        void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      } else {
        setErrors({ _: errorMessage(err) });
      }
    } finally {
      setSaving(null);
    }
  };

  return (
    <View className={`${styles.page} zc-editor`}>
      {entry && (
        <Text className={styles.statusLine}>
          当前状态：{STATUS_LABELS[entry.status]} · {entry.unitName}
        </Text>
      )}
      {conflict && entry && (
        <View className={`${styles.conflict} zc-edit-conflict`}>
          <Text className={styles.conflictText}>这条问答已被他人修改并保存。您的修改还在下方，尚未保存。</Text>
          <View className={styles.conflictActions}>
            <Button className="zc-show-latest" size="small" fill="outline" onClick={showLatest}>
              查看最新内容
            </Button>
            <Button
              className="zc-overwrite"
              size="small"
              type="danger"
              loading={saving !== null}
              disabled={saving !== null}
              onClick={() => void save(entry.status === 'published', true)}
            >
              用我的修改覆盖
            </Button>
          </View>
        </View>
      )}
      {showRestored && !conflict && (
        <DraftNotice
          text="已恢复上次未保存的内容"
          discardLabel={entry ? '放弃修改' : '清空重填'}
          onDiscard={() => {
            setForm(start);
            setErrors({});
            setShowRestored(false);
          }}
        />
      )}
      {prefill && (
        <Text className={`${styles.statusLine} zc-edit-prefilled`}>
          已按高频问题填入问题、相似问法{prefill.answer ? '和答复' : ''}，请核对修改后保存
        </Text>
      )}
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

      <View className={styles.card}>
        <Field label="标准问题" required error={errors.question}>
          <TextArea
            className={`${styles.textarea} zc-field-question`}
            value={form.question}
            placeholder="用居民常问的方式写，例如：灵活就业人员怎么缴纳社保？"
            maxLength={FAQ_LIMITS.question}
            onChange={(v) => set('question', v)}
          />
          {!entry && <SimilarExisting question={form.question} />}
        </Field>

        <Field label="答案" required error={errors.answer}>
          <TextArea
            className={`${styles.textarea} ${styles.answer} zc-field-answer`}
            value={form.answer}
            placeholder="写清楚条件、标准、办理渠道和所需材料"
            maxLength={FAQ_LIMITS.answer}
            showCount
            onChange={(v) => set('answer', v)}
          />
        </Field>

        <Field label="类目" required error={errors.topic && (form.topic ? errors.topic : '请选择一个类目')}>
          <View className={styles.chips}>
            {TOPICS.map((t) => (
              <View
                key={t}
                className={`${styles.chip} ${form.topic === t ? styles.chipActive : ''} zc-topic-chip`}
                data-topic={t}
                {...a11y.choice(form.topic === t)}
                onClick={() => set('topic', t)}
              >
                {t}
              </View>
            ))}
          </View>
        </Field>

        {user.role === 'office' && !entry && (
          <Field label="责任单位" hint="不选则为本人所属单位" error={errors.unitId}>
            <UnitPicker value={form.unit} onChange={(u) => set('unit', u)} placeholder="选择责任单位" />
          </Field>
        )}
      </View>

      <View className={styles.card}>
        <Field label="相似问法" hint="居民可能的其他说法，帮助搜索匹配" error={errors.similar}>
          {form.similar.map((s, i) => (
            <View key={i} className={styles.row}>
              <View className={styles.rowMain}>
                <Input
                  className={`${styles.input} ${errors[`similar.${i}`] ? styles.inputError : ''} zc-field-similar`}
                  value={s}
                  maxlength={FAQ_LIMITS.question}
                  placeholder={i === 0 ? '例如：打零工的怎么交社保' : '再写一种说法'}
                  onInput={(e) => setSimilar(i, e.detail.value)}
                />
                {errors[`similar.${i}`] && <Text className={styles.error}>{errors[`similar.${i}`]}</Text>}
              </View>
              <Text
                className={`${styles.remove} zc-remove-similar`}
                {...a11y.button(`删除第 ${i + 1} 种问法`)}
                onClick={() => set('similar', form.similar.length > 1 ? form.similar.filter((_, j) => j !== i) : [''])}
              >
                删除
              </Text>
            </View>
          ))}
          {form.similar.length < FAQ_LIMITS.similar && (
            <Text className={`${styles.add} zc-add-similar`} {...a11y.button()} onClick={() => set('similar', [...form.similar, ''])}>
              ＋ 添加一种问法
            </Text>
          )}
        </Field>

        <Field label="关键字" hint="用空格或逗号分隔" error={errors.keywords}>
          <Input
            className={`${styles.input} zc-field-keywords`}
            value={form.keywords}
            placeholder="例如：灵活就业 养老保险"
            onInput={(e) => set('keywords', e.detail.value)}
          />
        </Field>

        <Field label="有效期（选填）" hint="不填表示长期有效" error={errors.validFrom ?? errors.validUntil}>
          <View className={styles.dates}>
            <DateField label="开始" value={form.validFrom} onChange={(v) => set('validFrom', v)} />
            <Text className={styles.dateSep}>至</Text>
            <DateField label="结束" value={form.validUntil} onChange={(v) => set('validUntil', v)} />
          </View>
        </Field>
      </View>

      {entry && <BasisCard entryId={entry.id} />}

      <View className={styles.bar}>
        {entry?.status === 'published' ? (
          // Already public: saving keeps it published, so one button says all.
          <Button
            className={`${styles.barBtn} zc-save`}
            type="primary"
            size="large"
            loading={saving !== null}
            disabled={saving !== null}
            onClick={() => void save(false)}
          >
            保存修改
          </Button>
        ) : (
          <>
            <Button
              className={`${styles.barBtn} zc-save-draft`}
              fill="outline"
              type="primary"
              size="large"
              loading={saving === 'draft'}
              disabled={saving !== null}
              onClick={() => void save(false)}
            >
              {entry?.status === 'retired' ? '保存' : '保存草稿'}
            </Button>
            <Button
              className={`${styles.barBtn} zc-save-publish`}
              type="primary"
              size="large"
              loading={saving === 'publish'}
              disabled={saving !== null}
              onClick={() => void save(true)}
            >
              保存并发布
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

function Field({
  label,
  hint,
  required,
  error,
  children,
}: {
  label: string;
  hint?: string;
  required?: boolean;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <View className={`${styles.field} ${error ? styles.fieldHasError : ''}`}>
      <View className={styles.labelRow}>
        <Text className={styles.label}>
          {label}
          {required && <Text className={styles.required}> *</Text>}
        </Text>
        {hint && <Text className={styles.hint}>{hint}</Text>}
      </View>
      {children}
      {error && <Text className={`${styles.error} zc-field-error`}>{error}</Text>}
    </View>
  );
}

function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <View className={styles.date}>
      <Picker mode="date" value={value || ''} onChange={(e) => onChange(String(e.detail.value))}>
        <Text className={value ? styles.dateValue : styles.datePlaceholder}>{value || `${label}日期`}</Text>
      </Picker>
      {value && (
        <Text className={styles.dateClear} {...a11y.button()} onClick={() => onChange('')}>
          ×
        </Text>
      )}
    </View>
  );
}

// From this score on, a published entry asks the same thing in other words (measured on the
// demo base: paraphrases score 0.65–1.0, entries merely on the same topic 0.58 or less).
const SAME_QUESTION_SCORE = 0.6;

/** While a new question is typed: published entries that already answer it, to edit instead. */
function SimilarExisting({ question }: { question: string }) {
  const found = useSuggestions(question, 3);
  const same = found.status === 'ok' ? found.items.filter((i) => i.score >= SAME_QUESTION_SCORE) : [];
  if (!same.length) return null;
  return (
    <View className={`${styles.similarExisting} zc-similar-existing`}>
      <Text className={styles.similarExistingTitle}>库里已有相近的问答，确认不是重复再新建：</Text>
      {same.map((i) => (
        <Text key={i.id} className={`${styles.similarExistingItem} zc-similar-existing-item`} {...a11y.link()} onClick={() => go(routes.entry(i.id))}>
          {i.question}
        </Text>
      ))}
    </View>
  );
}

/**
 * 文件依据: the policies the entry rests on. Saved on each change, apart from the entry's own
 * fields (PUT …/basis), so adding one never waits for, or conflicts with, an edit of the answer.
 */
function BasisCard({ entryId }: { entryId: string }) {
  const loaded = useResource(() => getFaqBasis(entryId), [entryId]);
  // What the server last answered; shown from here once a change was saved.
  const [saved, setSaved] = useState<FaqBasisManaged | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const current = saved ?? (loaded.status === 'ok' ? loaded.data : null);

  const save = async (policyIds: string[], done: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      setSaved(await setFaqBasis(entryId, policyIds));
      void Taro.showToast({ title: done, icon: 'success', duration: 1200 });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const ids = current?.basis.map((b) => b.id) ?? [];
  return (
    <Card
      title="文件依据"
      className="zc-faq-basis"
      extra={
        current && (
          <Text className={`${styles.basisAdd} zc-basis-add`} {...a11y.button('添加依据文件')} onClick={() => !busy && setChoosing(true)}>
            ＋ 添加依据文件
          </Text>
        )
      }
    >
      {loaded.status === 'loading' && !saved && <Loading compact />}
      {loaded.status === 'error' && !saved && <ErrorState compact error={loaded.error} onRetry={loaded.reload} />}
      {current?.review && (
        <Text className={`${styles.basisReview} zc-basis-review`}>依据文件有变化：{current.review.reason}。请核对答复，再到「需复核的问答」标记已复核。</Text>
      )}
      {current && current.basis.length === 0 && (
        <Text className={styles.hint}>还没有依据文件。写明答复依据的政策，文件修改、废止或失效时这条问答会提醒复核。</Text>
      )}
      {current?.basis.map((b) => (
        <BasisRow key={b.id} policy={b} disabled={busy} onRemove={() => void save(ids.filter((id) => id !== b.id), '已移除')} />
      ))}
      {error && <Text className={`${styles.basisError} zc-basis-error`}>{error}</Text>}
      <PolicyChooser
        visible={choosing}
        title="添加依据文件"
        exclude={ids}
        onClose={() => setChoosing(false)}
        onPick={(p) => {
          setChoosing(false);
          void save([...ids, p.id], '已添加依据');
        }}
      />
    </Card>
  );
}

function BasisRow({ policy: b, disabled, onRemove }: { policy: PolicyRef; disabled: boolean; onRemove: () => void }) {
  return (
    <View className={`${styles.basis} zc-basis-item`} data-id={b.id}>
      <View className={styles.basisMain}>
        <Text className={`${styles.basisTitle} zc-basis-title`}>{b.title}</Text>
        <View className={styles.basisMeta}>
          <ValidityTag validity={b.validity} />
          {b.docNumber && <Text className={styles.basisDoc}>{b.docNumber}</Text>}
        </View>
      </View>
      <Text className={`${styles.basisRemove} zc-basis-remove`} {...a11y.button(`移除依据 ${b.title}`)} onClick={() => !disabled && onRemove()}>
        ×
      </Text>
    </View>
  );
}
