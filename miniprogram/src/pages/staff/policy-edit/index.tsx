import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { INTERPRETATION_FORMS, VALIDITIES, type InterpretationForm, type Validity } from '@shared/policy/rules';
import { interpretationInput, policyUpdateInput, type Interpretation, type Policy, type PolicyAttachment, type PolicyRef, type ValidityEvent } from '@shared/schemas/policy';
import { useMemo, useState } from 'react';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { Page } from '../../../components/Page';
import { EmptyState, LoadState } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { pickDocFile } from '../../../services/doc-file';
import { pickImage } from '../../../services/image-file';
import { addInterpretation, changeValidity, fileType, getManagedPolicy, publishPolicy, updatePolicy, uploadAttachment } from '../../../services/policies';
import { canManage } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { fileSize, shanghaiDate } from '../../../utils/format';
import { go, param, routes } from '../../../utils/nav';
import { Chips, Field, fieldErrors, formFields, Outline, PolicyFields, PolicyStatusTag, toForm, ValidityTag, type PolicyForm } from '../components/PolicyForm';
import { PolicyChooser } from '../components/PolicyChooser';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const DATES = ['signedDate', 'publishedDate', 'effectiveDate'] as const;

export default function PolicyEditPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能编辑政策文件" />
      </Page>
    );
  }
  return <PolicyEditor id={id} />;
}

function PolicyEditor({ id }: { id: string }) {
  const policy = useResource(() => getManagedPolicy(id), [id]);
  if (policy.status !== 'ok') {
    return (
      <Page>
        <LoadState resource={policy} notFound={<EmptyState title="这份文件不存在" hint="可能不属于您的单位" />} />
      </Page>
    );
  }
  return <Editor policy={policy.data} refresh={policy.refresh} />;
}

function Editor({ policy: p, refresh }: { policy: Policy; refresh: () => Promise<void> }) {
  const draft = p.status === 'draft';
  const [editing, setEditing] = useState(false);
  const reload = () => refresh().catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 }));
  return (
    <Page bar={draft} className="zc-policy-editor">
      <View data-status={p.status} data-validity={p.validity} className="zc-policy-editor-state">
        {draft && editing ? (
          <DraftForm
            key={p.updatedAt}
            policy={p}
            onCancel={() => setEditing(false)}
            onLatest={reload}
            onSaved={async () => {
              setEditing(false);
              await reload();
            }}
          />
        ) : (
          <Head policy={p} onEdit={draft ? () => setEditing(true) : undefined} />
        )}
        <Interpretations policy={p} onAdded={reload} />
        <Attachments policy={p} onUploaded={reload} />
        {!draft && <ValidityCard policy={p} onChanged={reload} />}
        {draft && <Publish policy={p} onPublished={reload} />}
        {/* The text as read comes last: the work on this screen is above it. */}
        <Card title="正文结构" className="zc-policy-structure">
          <InfoRow label="表格">{p.tables.length ? `${p.tables.length} 个` : '无'}</InfoRow>
          <InfoRow label="附件说明">{p.attachmentNames.length ? p.attachmentNames.join('；') : '无'}</InfoRow>
          <Text className={styles.subTitle}>提纲</Text>
          <Outline sections={p.sections} />
        </Card>
      </View>
    </Page>
  );
}

function Head({ policy: p, onEdit }: { policy: Policy; onEdit?: () => void }) {
  return (
    <Card className="zc-policy-head">
      <View className={styles.tags}>
        <PolicyStatusTag status={p.status} />
        {p.status === 'published' && <ValidityTag validity={p.validity} />}
        <Tag tone="plain">{p.type}</Tag>
      </View>
      <Text className={`${styles.title} zc-policy-title`} {...a11y.heading(1)}>
        {p.title}
      </Text>
      <InfoRow label="文号" className="zc-policy-head-doc-number">{p.docNumber ?? '无'}</InfoRow>
      <InfoRow label="发文机关">{p.issuer ?? p.unitName}</InfoRow>
      <InfoRow label="发布单位">{p.unitName}</InfoRow>
      {p.signedDate && <InfoRow label="成文日期">{p.signedDate}</InfoRow>}
      {p.publishedDate && <InfoRow label="发布日期">{p.publishedDate}</InfoRow>}
      {p.effectiveDate && <InfoRow label="施行日期">{p.effectiveDate}</InfoRow>}
      <InfoRow label="类目">{p.topics.length ? p.topics.join('、') : '未选'}</InfoRow>
      {p.exemption && (
        <InfoRow label="免于解读" className="zc-policy-exemption">
          {p.exemption.reason}
        </InfoRow>
      )}
      {onEdit && (
        <Text className={`${styles.action} zc-policy-edit-fields`} {...a11y.button('修改文件信息')} onClick={onEdit}>
          修改文件信息
        </Text>
      )}
      {p.status === 'published' && (
        <Text className={`${styles.action} zc-policy-public`} {...a11y.link('查看居民看到的页面')} onClick={() => go(routes.policy(p.id))}>
          查看居民看到的页面 ›
        </Text>
      )}
    </Card>
  );
}

/** A draft's fields; saved with the version it started from, so another editor's save is not overwritten. */
function DraftForm({
  policy: p,
  onSaved,
  onLatest,
  onCancel,
}: {
  policy: Policy;
  onSaved: () => Promise<unknown>;
  /** Drops this edit and shows the policy as saved now. */
  onLatest: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const start = useMemo(() => toForm(p), [p]);
  const [form, setForm] = useState<PolicyForm>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const changed = JSON.stringify(form) !== JSON.stringify(start);

  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _removed, _: _form, ...rest }) => rest);
  };

  const save = async () => {
    if (saving) return;
    if (!changed) {
      void Taro.showToast({ title: '没有修改', icon: 'none' });
      return;
    }
    const input = { ...formFields(form, DATES), baseUpdatedAt: p.updatedAt };
    const check = policyUpdateInput.safeParse(input);
    if (!check.success) {
      setErrors(fieldErrors(check.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await updatePolicy(p.id, input);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        setConflict(true);
        setTimeout(() => void Taro.pageScrollTo({ selector: '.zc-edit-conflict', duration: 200 }), 50);
      } else setErrors(err instanceof ApiError && err.issues.length ? fieldErrors(err.issues) : { _: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="修改文件信息" extra={<PolicyStatusTag status={p.status} />} className="zc-policy-form">
      {conflict && (
        <View className={`${styles.conflict} zc-edit-conflict`}>
          <Text className={styles.conflictText}>这份文件已被他人修改并保存，您的修改尚未保存。请先查看最新内容，再重新修改。</Text>
          <Button className="zc-show-latest" size="small" fill="outline" onClick={() => void onLatest()}>
            查看最新内容
          </Button>
        </View>
      )}
      <PolicyFields form={form} onChange={set} errors={errors} dates={DATES} />
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
      <View className={styles.buttons}>
        <Button className={`${styles.buttonSide} zc-policy-edit-cancel`} fill="outline" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button className={`${styles.buttonMain} zc-policy-save`} type="primary" loading={saving} disabled={saving || !changed} onClick={() => void save()}>
          保存修改
        </Button>
      </View>
    </Card>
  );
}

/** A refusal names the Content-Type it got for other systems; people need only the types it takes. */
const withoutMediaType = (message: string) => message.replace(/（Content-Type[^）]*）/, '');

/** 附件: the files uploaded (residents open them on the policy's page), and 上传附件. */
function Attachments({ policy: p, onUploaded }: { policy: Policy; onUploaded: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const upload = async () => {
    if (busy) return;
    setError('');
    let file;
    try {
      file = await pickDocFile('attachment');
    } catch {
      setError('文件读取失败，请重新选择');
      return;
    }
    if (!file) return;
    setBusy(true);
    try {
      await uploadAttachment(p.id, file.name, file.bytes, fileType(file.name));
      void Taro.showToast({ title: '附件已上传', icon: 'success' });
      await onUploaded();
    } catch (err) {
      setError(withoutMediaType(errorMessage(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={`附件（${p.attachments.length}）`} className="zc-policy-edit-attachments">
      {p.attachments.map((a) => (
        <AttachmentRow key={a.id} attachment={a} />
      ))}
      {p.attachments.length === 0 && <Text className={styles.hint}>没有附件。可上传 PDF、Word、Excel、OFD 或文本文件，不超过 20 MB。</Text>}
      {error && <Text className={`${styles.formError} ${styles.uploadError} zc-attachment-error`}>{error}</Text>}
      <Button className={`${styles.button} zc-attachment-upload`} fill="outline" type="primary" block loading={busy} disabled={busy} onClick={() => void upload()}>
        上传附件
      </Button>
    </Card>
  );
}

function AttachmentRow({ attachment: a }: { attachment: PolicyAttachment }) {
  return (
    <View className={`${styles.fileRow} zc-policy-edit-attachment`}>
      <Text className={styles.fileName}>{a.name}</Text>
      <Text className={styles.fileSize}>{fileSize(a.size)}</Text>
    </View>
  );
}

function Interpretations({ policy: p, onAdded }: { policy: Policy; onAdded: () => Promise<unknown> }) {
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={`政策解读（${p.interpretations.length}）`}
      className="zc-interpretations"
      extra={
        !adding && (
          <Text className={`${styles.action} zc-add-interpretation`} {...a11y.button('添加解读')} onClick={() => setAdding(true)}>
            ＋ 添加解读
          </Text>
        )
      }
    >
      {p.interpretations.length === 0 && !adding && (
        <Text className={styles.hint}>
          {p.status === 'draft' ? '解读与文件同时发布（三同步）。行政规范性文件、政策性文件和规划须有解读，或登记免于解读的理由。' : '还没有解读'}
        </Text>
      )}
      {p.interpretations.map((i) => (
        <InterpretationRow key={i.id} interpretation={i} />
      ))}
      {adding && (
        <InterpretationEditor
          policy={p}
          onCancel={() => setAdding(false)}
          onSaved={async () => {
            setAdding(false);
            await onAdded();
          }}
        />
      )}
    </Card>
  );
}

function InterpretationRow({ interpretation: i }: { interpretation: Interpretation }) {
  const who = [i.unitName, i.interpreterName, i.interpreterTitle].filter(Boolean).join(' · ');
  return (
    <View className={`${styles.item} zc-interpretation`} data-status={i.status}>
      <View className={styles.tags}>
        <Tag tone="primary">{i.form}</Tag>
        <Tag tone={i.status === 'published' ? 'success' : 'warn'}>{i.status === 'published' ? '已发布' : '随文件发布'}</Tag>
      </View>
      <Text className={`${styles.itemTitle} zc-interpretation-title`}>{i.title}</Text>
      {i.body[0] && <Text className={styles.itemText}>{i.body[0].length > 60 ? `${i.body[0].slice(0, 60)}…` : i.body[0]}</Text>}
      {i.image && <Text className={`${styles.itemText} zc-interpretation-image-name`}>图片：{i.image.name}</Text>}
      <Text className={styles.hint}>
        {who}
        {i.contactPhone ? ` · ${i.contactPhone}` : ''}
      </Text>
    </View>
  );
}

type InterpretationDraft = {
  form: InterpretationForm;
  title: string;
  body: string;
  videoUrl: string;
  interpreterName: string;
  interpreterTitle: string;
  contactPhone: string;
};

/** Paragraphs as typed: one per line, blank lines between them or not. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function InterpretationEditor({ policy: p, onCancel, onSaved }: { policy: Policy; onCancel: () => void; onSaved: () => Promise<void> }) {
  const [d, setD] = useState<InterpretationDraft>({
    form: '文字解读',
    title: '',
    body: '',
    videoUrl: '',
    interpreterName: '',
    interpreterTitle: '',
    contactPhone: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // A 图解's image, uploaded as soon as it is chosen so a wrong file is refused before the form is saved.
  const [image, setImage] = useState<{ id: string; name: string; preview: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const set = <K extends keyof InterpretationDraft>(key: K, value: InterpretationDraft[K]) => {
    setD((x) => ({ ...x, [key]: value }));
    setErrors(({ [key]: _removed, _: _form, ...rest }) => rest);
  };
  const optional = (v: string) => v.trim() || undefined;
  const withImage = d.form === '图解';

  const chooseImage = async () => {
    if (uploading) return;
    let picked;
    try {
      picked = await pickImage();
    } catch {
      setErrors((e) => ({ ...e, imageId: '图片读取失败，请重新选择' }));
      return;
    }
    if (!picked) return;
    setUploading(true);
    setErrors(({ imageId: _i, body: _b, ...rest }) => rest);
    try {
      const saved = await uploadAttachment(p.id, picked.name, picked.bytes, picked.type || fileType(picked.name), 'media');
      setImage({ id: saved.id, name: saved.name, preview: picked.preview });
    } catch (err) {
      setErrors((e) => ({ ...e, imageId: withoutMediaType(errorMessage(err)) }));
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    if (saving) return;
    const input = {
      form: d.form,
      title: d.title.trim(),
      body: paragraphs(d.body),
      videoUrl: d.form === '视频' ? optional(d.videoUrl) : undefined,
      imageId: withImage ? image?.id : undefined,
      interpreterName: optional(d.interpreterName),
      interpreterTitle: optional(d.interpreterTitle),
      contactPhone: optional(d.contactPhone),
      // On a published policy it goes out at once; on a draft it waits for the policy (三同步).
      publish: p.status === 'published',
    };
    const check = interpretationInput.safeParse(input);
    if (!check.success) {
      setErrors(fieldErrors(check.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await addInterpretation(p.id, input);
      void Taro.showToast({ title: p.status === 'published' ? '解读已发布' : '已添加', icon: 'success' });
      await onSaved();
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? fieldErrors(err.issues) : { _: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`${styles.subForm} zc-interpretation-form`}>
      <Field label="解读形式" required error={errors.form}>
        <Chips options={INTERPRETATION_FORMS} selected={(f) => d.form === f} onToggle={(f) => set('form', f)} cls="zc-interpretation-form-chip" />
      </Field>
      <Field label="解读标题" required error={errors.title}>
        <Input
          className={`${styles.input} zc-interpretation-title-input`}
          value={d.title}
          maxlength={300}
          placeholder="如：一图读懂……"
          onInput={(e) => set('title', e.detail.value)}
        />
      </Field>
      {withImage && (
        <Field label="图片" hint="PNG 或 JPEG，不超过 20 MB" required error={errors.imageId}>
          {image && (
            <View className={`${styles.imagePreview} zc-interpretation-image-preview`}>
              <Image className={styles.image} src={image.preview} mode="widthFix" ariaLabel={`已选图片：${image.name}`} />
              <Text className={styles.hint}>{image.name}</Text>
            </View>
          )}
          <Button className={`${styles.button} zc-interpretation-image-pick`} fill="outline" type="primary" block loading={uploading} disabled={uploading} onClick={() => void chooseImage()}>
            {image ? '更换图片' : '选择图片'}
          </Button>
        </Field>
      )}
      <Field label="解读正文" hint={withImage ? '选填，每段一行' : '每段一行'} required={d.form !== '视频' && !withImage} error={errors.body}>
        <TextArea
          className={`${styles.textarea} zc-interpretation-body`}
          value={d.body}
          maxLength={-1}
          placeholder="用居民看得懂的话说清楚：谁能享受、标准多少、怎么办理"
          onChange={(v) => set('body', v)}
        />
      </Field>
      {d.form === '视频' && (
        <Field label="视频链接" hint="https 地址" error={errors.videoUrl}>
          <Input className={`${styles.input} zc-interpretation-video`} value={d.videoUrl} placeholder="https://" onInput={(e) => set('videoUrl', e.detail.value)} />
        </Field>
      )}
      <Field label="解读人" hint="选填" error={errors.interpreterName ?? errors.interpreterTitle}>
        <View className={styles.pair}>
          <Input
            className={`${styles.input} ${styles.pairItem} zc-interpreter-name`}
            value={d.interpreterName}
            maxlength={40}
            placeholder="姓名"
            onInput={(e) => set('interpreterName', e.detail.value)}
          />
          <Input
            className={`${styles.input} ${styles.pairItem} zc-interpreter-title`}
            value={d.interpreterTitle}
            maxlength={60}
            placeholder="职务"
            onInput={(e) => set('interpreterTitle', e.detail.value)}
          />
        </View>
      </Field>
      <Field label="咨询电话" hint="选填，办公电话" error={errors.contactPhone}>
        <Input
          className={`${styles.input} zc-interpretation-phone`}
          type="text"
          value={d.contactPhone}
          maxlength={25}
          placeholder="如：0000-86000100"
          onInput={(e) => set('contactPhone', e.detail.value)}
        />
      </Field>
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
      <View className={styles.buttons}>
        <Button className={`${styles.buttonSide} zc-interpretation-cancel`} fill="outline" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button className={`${styles.buttonMain} zc-interpretation-save`} type="primary" loading={saving} disabled={saving || uploading} onClick={() => void save()}>
          {p.status === 'published' ? '保存并发布解读' : '保存解读'}
        </Button>
      </View>
    </View>
  );
}

/** 发布, and when 三同步 refuses it (409), the refusal's words and 记录免于解读 with a reason. */
function Publish({ policy: p, onPublished }: { policy: Policy; onPublished: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; exemptable: boolean } | null>(null);
  const [exempting, setExempting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');

  const publish = async (exemption?: { reason: string }) => {
    if (busy) return;
    if (exemption && !exemption.reason) {
      setReasonError('请写明免于解读的理由');
      return;
    }
    setBusy(true);
    try {
      await publishPolicy(p.id, exemption);
      void Taro.showToast({ title: '已发布', icon: 'success' });
      await onPublished();
    } catch (err) {
      // The server says what is missing; an interpretation or a recorded exemption lets it through.
      const missing = err instanceof ApiError && err.status === 409 && err.issues.some((i) => i.path === 'interpretations');
      // The message names the API's field for other systems (（exemption.reason）); people need only the words.
      setRefusal({ message: errorMessage(err).replace(/（[A-Za-z.]+）/g, ''), exemptable: missing });
      setTimeout(() => void Taro.pageScrollTo({ selector: '.zc-publish-refusal', duration: 200 }), 50);
      if (exemption && err instanceof ApiError && err.issues.length) setReasonError(err.issues[0]!.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {refusal && (
        <View className={`${styles.refusal} zc-publish-refusal`}>
          <Text className={styles.refusalTitle}>未能发布</Text>
          <Text className={`${styles.refusalText} zc-publish-refusal-message`}>{refusal.message}</Text>
          {refusal.exemptable && !exempting && (
            <Button className={`${styles.button} zc-exempt-open`} fill="outline" type="primary" block onClick={() => setExempting(true)}>
              记录免于解读
            </Button>
          )}
          {exempting && (
            <View className={`${styles.subForm} zc-exempt-form`}>
              <Field label="免于解读的理由" hint="随文件一同公开" required error={reasonError}>
                <TextArea
                  className={`${styles.textarea} zc-exempt-reason`}
                  value={reason}
                  maxLength={500}
                  placeholder="如：本文件仅调整内部工作程序，不涉及群众权利义务"
                  onChange={(v) => {
                    setReason(v);
                    setReasonError('');
                  }}
                />
              </Field>
              <Button
                className={`${styles.button} zc-exempt-publish`}
                type="primary"
                block
                loading={busy}
                disabled={busy}
                onClick={() => void publish({ reason: reason.trim() })}
              >
                登记理由并发布
              </Button>
            </View>
          )}
        </View>
      )}
      <View className={styles.bar}>
        <Button className="zc-policy-publish" type="primary" size="large" block loading={busy && !exempting} disabled={busy} onClick={() => void publish()}>
          {p.interpretations.length ? `发布文件和 ${p.interpretations.length} 篇解读` : '发布'}
        </Button>
      </View>
    </>
  );
}

/** 变更有效性 with its reason, and the history of every change. */
function ValidityCard({ policy: p, onChanged }: { policy: Policy; onChanged: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<Validity | null>(null);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState<PolicyRef | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const options = VALIDITIES.filter((v) => v !== p.validity);

  const submit = async () => {
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!to) problems.validity = '请选择新的有效性';
    if (!reason.trim()) problems.reason = '请写明变更理由';
    if (Object.keys(problems).length) return setErrors(problems);
    setBusy(true);
    setErrors({});
    try {
      await changeValidity(p.id, { validity: to!, reason: reason.trim(), ...(by && to !== '现行有效' ? { replacedBy: by.id } : {}) });
      void Taro.showToast({ title: `已变更为${to}`, icon: 'success' });
      setOpen(false);
      setTo(null);
      setReason('');
      setBy(null);
      await onChanged();
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? fieldErrors(err.issues) : { _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title="有效性"
      className="zc-validity-card"
      extra={<ValidityTag validity={p.validity} />}
    >
      {p.replaces.length > 0 && (
        <View className={styles.replaces}>
          {p.replaces.map((r) => (
            <Text key={r.id} className={styles.hint}>
              本文件{r.relation}了《{r.title}》{r.docNumber ? `（${r.docNumber}）` : ''}
            </Text>
          ))}
        </View>
      )}
      {p.history.length > 0 && (
        <View className="zc-validity-history">
          {[...p.history].reverse().map((e, i) => (
            <HistoryRow key={i} event={e} />
          ))}
        </View>
      )}
      {p.history.length === 0 && !open && <Text className={styles.hint}>发布以来没有变更。修改、废止或失效时在这里登记，依据它的问答会标记为需复核。</Text>}

      {!open ? (
        <Button className={`${styles.button} zc-validity-open`} fill="outline" type="primary" block onClick={() => setOpen(true)}>
          变更有效性
        </Button>
      ) : (
        <View className={`${styles.subForm} zc-validity-form`}>
          <Field label="变更为" required error={errors.validity}>
            <Chips options={options} selected={(v) => to === v} onToggle={(v) => { setTo(v); setErrors(({ validity: _v, ...rest }) => rest); }} cls="zc-validity-choice" />
          </Field>
          <Field label="变更理由" required error={errors.reason}>
            <TextArea
              className={`${styles.textarea} zc-validity-reason`}
              value={reason}
              maxLength={500}
              placeholder="如：已被《……》替代"
              onChange={(v) => {
                setReason(v);
                setErrors(({ reason: _r, ...rest }) => rest);
              }}
            />
          </Field>
          {to && to !== '现行有效' && (
            <Field label={to === '已修改' ? '修改它的文件' : '替代它的文件'} hint="选填，须已发布" error={errors.replacedBy}>
              <View className={`${styles.picker} zc-replaced-by`} hoverClass={styles.pressed} {...a11y.button(by ? `已选：${by.title}，点此更换` : '选择文件')} onClick={() => setChoosing(true)}>
                <Text className={by ? styles.pickerValue : styles.pickerPlaceholder}>{by ? by.title : '选择已发布的文件'}</Text>
                {by ? (
                  <Text
                    className={styles.pickerClear}
                    {...a11y.button('不选')}
                    onClick={(e) => {
                      e.stopPropagation();
                      setBy(null);
                    }}
                  >
                    ×
                  </Text>
                ) : (
                  <Text className={styles.chevron} {...a11y.hidden()}>
                    ›
                  </Text>
                )}
              </View>
            </Field>
          )}
          {to && to !== '现行有效' && <Text className={`${styles.warnNote} zc-validity-note`}>依据这份文件的问答将标记为需复核，居民会看到「答复可能已过时」的提示，直到编辑复核。</Text>}
          {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
          <View className={styles.buttons}>
            <Button className={`${styles.buttonSide} zc-validity-cancel`} fill="outline" disabled={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button className={`${styles.buttonMain} zc-validity-submit`} type={to && to !== '现行有效' ? 'danger' : 'primary'} loading={busy} disabled={busy} onClick={() => void submit()}>
              {to ? `确认变更为${to}` : '确认变更'}
            </Button>
          </View>
        </View>
      )}
      <PolicyChooser visible={choosing} title="选择已发布的文件" exclude={[p.id]} onClose={() => setChoosing(false)} onPick={(ref) => { setBy(ref); setChoosing(false); }} />
    </Card>
  );
}

function HistoryRow({ event: e }: { event: ValidityEvent }) {
  const other = e.replacedBy ?? e.amendedBy;
  return (
    <View className={`${styles.item} zc-validity-event`}>
      <View className={styles.eventHead}>
        <Text className={styles.eventChange}>
          {e.from} → {e.to}
        </Text>
        <Text className={styles.hint}>{shanghaiDate(e.at)}</Text>
      </View>
      <Text className={`${styles.itemText} zc-validity-event-reason`}>{e.reason}</Text>
      {other && (
        <Text className={`${styles.action} zc-validity-event-by`} {...a11y.link()} onClick={() => go(routes.policy(other.id))}>
          {e.amendedBy ? '修改文件' : '替代文件'}：《{other.title}》
        </Text>
      )}
    </View>
  );
}
