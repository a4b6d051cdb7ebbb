import { Input, Picker, Text, View } from '@tarojs/components';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import { POLICY_TYPES, type PolicyType } from '@shared/policy/constants';
import { needsInterpretation, type Validity } from '@shared/policy/rules';
import type { PolicySection } from '@shared/schemas/policy';
import { useState, type ReactNode } from 'react';
import { Tag, type Tone } from '../../../../components/Tag';
import type { Issue } from '../../../../services/api';
import * as a11y from '../../../../utils/a11y';
import styles from './index.module.scss';

const VALIDITY_TONE: Record<Validity, Tone> = { 现行有效: 'success', 已修改: 'warn', 已废止: 'danger', 已失效: 'danger' };

/** 现行有效 / 已修改 / 已废止 / 已失效, in the colour that says whether it still holds. */
export function ValidityTag({ validity }: { validity: Validity }) {
  return (
    <Tag tone={VALIDITY_TONE[validity]} className="zc-policy-validity">
      {validity}
    </Tag>
  );
}

export function PolicyStatusTag({ status }: { status: 'draft' | 'published' }) {
  return (
    <Tag tone={status === 'draft' ? 'warn' : 'primary'} className="zc-policy-status">
      {status === 'draft' ? '草稿' : '已发布'}
    </Tag>
  );
}

/** The fields an editor checks and corrects: as typed, before they are turned into the API's input. */
export type PolicyForm = {
  title: string;
  docNumber: string;
  issuer: string;
  signedDate: string;
  publishedDate: string;
  effectiveDate: string;
  type: PolicyType;
  topics: Topic[];
};

export type DateKey = 'signedDate' | 'publishedDate' | 'effectiveDate';
const DATE_LABELS: Record<DateKey, string> = { signedDate: '成文日期', publishedDate: '发布日期', effectiveDate: '施行日期' };

export function toForm(p: {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  signedDate: string | null;
  publishedDate?: string | null;
  effectiveDate?: string | null;
  type: PolicyType;
  topics?: Topic[];
}): PolicyForm {
  return {
    title: p.title,
    docNumber: p.docNumber ?? '',
    issuer: p.issuer ?? '',
    signedDate: p.signedDate ?? '',
    publishedDate: p.publishedDate ?? '',
    effectiveDate: p.effectiveDate ?? '',
    type: p.type,
    topics: p.topics ?? [],
  };
}

/** The form as the API's fields: blanks are null (a document may have no 文号). */
export function formFields(f: PolicyForm, dates: readonly DateKey[]) {
  // A date the screen does not show is left out, so an edit keeps it as saved.
  const date = (d: DateKey) => (dates.includes(d) ? f[d] || null : undefined);
  return {
    title: f.title.trim(),
    docNumber: f.docNumber.trim() || null,
    issuer: f.issuer.trim() || null,
    signedDate: date('signedDate'),
    publishedDate: date('publishedDate'),
    effectiveDate: date('effectiveDate'),
    type: f.type,
    topics: f.topics,
  };
}

/** Issues keyed by field (`topics.2` is the topics field), first message wins. */
export function fieldErrors(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of issues) {
    const key = path.split('.')[0] || '_';
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export function Field({ label, hint, required, error, children }: { label: string; hint?: string; required?: boolean; error?: string; children: ReactNode }) {
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

export function Chips<T extends string>({
  options,
  selected,
  onToggle,
  cls,
}: {
  options: readonly T[];
  selected: (o: T) => boolean;
  onToggle: (o: T) => void;
  cls: string;
}) {
  return (
    <View className={styles.chips}>
      {options.map((o) => (
        <View key={o} className={`${styles.chip} ${selected(o) ? styles.chipOn : ''} ${cls}`} data-value={o} {...a11y.choice(selected(o))} onClick={() => onToggle(o)}>
          {o}
        </View>
      ))}
    </View>
  );
}

export function DateField({ label, value, onChange, cls }: { label: string; value: string; onChange: (v: string) => void; cls: string }) {
  return (
    <View className={`${styles.date} ${cls}`}>
      <Picker mode="date" value={value || ''} onChange={(e) => onChange(String(e.detail.value))}>
        <Text className={value ? styles.dateValue : styles.datePlaceholder}>{value || `选择${label}`}</Text>
      </Picker>
      {value && (
        <Text className={styles.dateClear} {...a11y.button(`清除${label}`)} onClick={() => onChange('')}>
          ×
        </Text>
      )}
    </View>
  );
}

/** Title, 文号, 发文机关, the dates asked for, type and topics: what the importer read, for the editor to correct. */
export function PolicyFields({
  form,
  onChange,
  errors,
  dates,
}: {
  form: PolicyForm;
  onChange: <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => void;
  errors: Record<string, string>;
  dates: readonly DateKey[];
}) {
  return (
    <>
      <Field label="标题" required error={errors.title}>
        <TextArea className={`${styles.textarea} zc-policy-title-input`} value={form.title} maxLength={300} onChange={(v) => onChange('title', v)} />
      </Field>
      <Field label="文号" hint="没有文号的文件留空" error={errors.docNumber}>
        <Input
          className={`${styles.input} zc-policy-doc-number`}
          value={form.docNumber}
          maxlength={60}
          placeholder="如：清府办发〔2024〕12号"
          onInput={(e) => onChange('docNumber', e.detail.value)}
        />
      </Field>
      <Field label="发文机关" hint="按文件落款填写" error={errors.issuer}>
        <Input
          className={`${styles.input} zc-policy-issuer`}
          value={form.issuer}
          maxlength={100}
          placeholder="如：清河区人民政府办公室"
          onInput={(e) => onChange('issuer', e.detail.value)}
        />
      </Field>
      {dates.map((d) => (
        <Field key={d} label={DATE_LABELS[d]} error={errors[d]}>
          <DateField label={DATE_LABELS[d]} value={form[d]} cls={`zc-policy-${d}`} onChange={(v) => onChange(d, v)} />
        </Field>
      ))}
      <Field
        label="文件类型"
        required
        hint={needsInterpretation(form.type) ? '须与政策解读同步发布' : undefined}
        error={errors.type}
      >
        <Chips options={POLICY_TYPES} selected={(t) => form.type === t} onToggle={(t) => onChange('type', t)} cls="zc-policy-type" />
      </Field>
      <Field label="类目" hint="可多选，居民按类目找到文件" error={errors.topics}>
        <Chips
          options={TOPICS}
          selected={(t) => form.topics.includes(t)}
          onToggle={(t) => onChange('topics', form.topics.includes(t) ? form.topics.filter((x) => x !== t) : [...form.topics, t])}
          cls="zc-policy-topic"
        />
      </Field>
    </>
  );
}

// A long outline opens on its first headings; the rest are one tap away.
const OUTLINE_SHOWN = 12;

const excerpt = (text: string) => {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
};

/** The sections as read, one line each, indented by level (一、/（一）/1./（1）), read-only. */
export function Outline({ sections }: { sections: PolicySection[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? sections : sections.slice(0, OUTLINE_SHOWN);
  if (!sections.length) return <Text className={styles.hint}>没有读出正文</Text>;
  return (
    <View className="zc-policy-outline">
      {shown.map((s, i) => (
        <View key={i} className={`${styles.section} ${styles[`level${Math.min(s.level, 4)}`] ?? ''} zc-policy-section`} data-level={s.level}>
          <Text className={s.level ? styles.sectionHeading : styles.sectionText}>{s.level ? s.heading : excerpt(s.text) || '（正文）'}</Text>
        </View>
      ))}
      {sections.length > OUTLINE_SHOWN && (
        <Text className={`${styles.more} zc-policy-outline-toggle`} {...a11y.button()} onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${sections.length} 节`}
        </Text>
      )}
    </View>
  );
}
