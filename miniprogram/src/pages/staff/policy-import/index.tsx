import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { Me, Unit } from '@shared/schemas/auth';
import { policyCreateInput, type PolicyDraft } from '@shared/schemas/policy';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { Page } from '../../../components/Page';
import { Loading } from '../../../components/Status';
import { UnitPicker } from '../../../components/UnitPicker';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { pickDocFile } from '../../../services/doc-file';
import { createPolicy, importPolicy } from '../../../services/policies';
import { canManage } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { param, routes } from '../../../utils/nav';
import { Field, fieldErrors, formFields, Outline, PolicyFields, toForm, type PolicyForm } from '../components/PolicyForm';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

/** Nothing is saved until 保存为草稿: the draft is the importer's reading, for the editor to check. */
type Step =
  | { at: 'start' }
  | { at: 'reading'; source: string }
  | { at: 'review'; source: string; draft: PolicyDraft };

const BLANK: PolicyDraft = {
  title: '',
  docNumber: null,
  issuer: null,
  signedDate: null,
  type: '其他',
  recipients: [],
  sections: [],
  tables: [],
  attachments: [],
};

const DATES = ['signedDate'] as const;

export default function PolicyImportPage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能导入政策文件" />
      </Page>
    );
  }
  return <Importer user={user} />;
}

function Importer({ user }: { user: Me }) {
  const { params } = useRouter();
  // 新建 on the list: the same review form, empty, without a document to read.
  const blank = param(params.blank) === '1';
  const [step, setStep] = useState<Step>(blank ? { at: 'review', source: '', draft: BLANK } : { at: 'start' });
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (blank) void Taro.setNavigationBarTitle({ title: '新建政策文件' });
  }, [blank]);

  // The draft opens at its title, not where the paste box was.
  useEffect(() => {
    if (step.at === 'review') void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }, [step.at]);

  const read = async (body: string | ArrayBuffer, source: string) => {
    setError('');
    setStep({ at: 'reading', source });
    try {
      const { draft } = await importPolicy(body);
      setStep({ at: 'review', source, draft });
    } catch (err) {
      // 415 (a .doc, a scan), 413 (too large), 400 (empty, unreadable): the API says what to do.
      setError(errorMessage(err));
      setStep({ at: 'start' });
    }
  };

  const choose = async () => {
    try {
      const file = await pickDocFile();
      if (file) await read(file.bytes, file.name);
    } catch (err) {
      setError(`读取文件失败：${errorMessage(err)}`);
    }
  };

  if (step.at === 'review') {
    return <Review user={user} source={step.source} draft={step.draft} blank={blank} onAgain={() => setStep({ at: 'start' })} />;
  }
  return (
    <Page className="zc-policy-import">
      <View data-step={step.at} className="zc-policy-import-step">
        <Card title="导入政策文件">
          <Text className={styles.text}>
            粘贴文件全文，或选择 Word（.docx）、带文字的 PDF、文本文件。系统按公文格式读出标题、文号、发文机关、成文日期、各级标题、表格和附件，您核对改正后再保存为草稿，保存前不会写入任何内容。
          </Text>
          <Text className={styles.hint}>.doc、.wps 文件请先在 Word 或 WPS 中「另存为 .docx」或「导出为 PDF」；扫描件没有文字，请粘贴文字。</Text>
        </Card>

        {error && (
          <View className={`${styles.notice} zc-policy-import-error`}>
            <Text className={styles.noticeTitle}>没能读取</Text>
            <Text className={styles.noticeText}>{error}</Text>
          </View>
        )}

        {step.at === 'reading' ? (
          <Card>
            <Loading compact text={step.source ? `正在读取「${step.source}」…` : '正在读取粘贴的内容…'} />
          </Card>
        ) : (
          <>
            <Card title="粘贴全文">
              <TextArea
                className={`${styles.paste} zc-policy-paste`}
                value={pasted}
                // NutUI stops a textarea at 140 characters unless told otherwise; a document runs to thousands.
                maxLength={-1}
                placeholder="从网页或文档中复制整份文件，粘贴到这里"
                onChange={setPasted}
              />
              <Button
                className={`${styles.action} zc-policy-read`}
                type="primary"
                block
                disabled={!pasted.trim()}
                onClick={() => void read(pasted, '')}
              >
                读取粘贴的内容
              </Button>
            </Card>
            <Card title="或选择文件">
              <Text className={styles.hint}>在手机上，先把文件发到微信（如「文件传输助手」），再从聊天中选择。</Text>
              <Button className={`${styles.action} zc-policy-pick`} type="primary" fill="outline" block onClick={() => void choose()}>
                选择文件
              </Button>
            </Card>
            <Text
              className={`${styles.blankLink} zc-policy-blank`}
              {...a11y.button('不导入，直接填写')}
              onClick={() => setStep({ at: 'review', source: '', draft: BLANK })}
            >
              不导入，直接填写
            </Text>
          </>
        )}
      </View>
    </Page>
  );
}

function Review({
  user,
  source,
  draft,
  blank,
  onAgain,
}: {
  user: Me;
  source: string;
  draft: PolicyDraft;
  /** Opened as 新建: there is no document to read again. */
  blank: boolean;
  onAgain: () => void;
}) {
  const [form, setForm] = useState<PolicyForm>(() => toForm({ ...draft, topics: [] }));
  const [unit, setUnit] = useState<Unit | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const imported = draft !== BLANK;

  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _removed, _: _form, ...rest }) => rest);
  };

  const save = async () => {
    if (saving) return;
    const input = {
      ...formFields(form, DATES),
      recipients: draft.recipients,
      sections: draft.sections,
      tables: draft.tables,
      attachments: draft.attachments,
      preface: draft.preface ?? null,
      ...(user.role === 'office' && unit ? { unitId: unit.id } : {}),
    };
    // The API's own schema: a missing title is marked before a round trip.
    const check = policyCreateInput.safeParse(input);
    if (!check.success) {
      setErrors(fieldErrors(check.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const saved = await createPolicy(input);
      void Taro.redirectTo({ url: routes.editPolicy(saved.id) });
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? fieldErrors(err.issues) : { _: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page bar className="zc-policy-review">
      {imported && (
        <Text className={`${styles.intro} zc-policy-review-source`}>
          {source ? `已读取「${source}」` : '已读取粘贴的内容'}：请逐项核对，读错的直接改正。
        </Text>
      )}
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

      <Card title="文件信息">
        <PolicyFields form={form} onChange={set} errors={errors} dates={DATES} />
        {user.role === 'office' && (
          <Field label="发布单位" hint="不选则为本人所属单位" error={errors.unitId}>
            <UnitPicker value={unit} onChange={setUnit} placeholder="选择发布单位" />
          </Field>
        )}
      </Card>

      {imported && (
        <Card title="读出的结构" extra={<Text className={styles.hint}>保存后在文件页查看全文</Text>} className="zc-policy-structure">
          {draft.preface && <InfoRow label="印发通知">{draft.preface.title || '（作为前言保留）'}</InfoRow>}
          {draft.recipients.length > 0 && <InfoRow label="主送机关">{draft.recipients.join('、')}</InfoRow>}
          <InfoRow label="章节">{`${draft.sections.filter((s) => s.level > 0).length} 个标题`}</InfoRow>
          <InfoRow label="表格" className="zc-policy-tables">
            {draft.tables.length ? draft.tables.map((t) => `${Math.max(t.rows.length - 1, 0)} 行`).join('、') : '无'}
          </InfoRow>
          <InfoRow label="附件" className="zc-policy-attachments">
            {draft.attachments.length ? draft.attachments.join('；') : '无'}
          </InfoRow>
          <Text className={styles.outlineTitle}>提纲</Text>
          <Outline sections={draft.sections} />
        </Card>
      )}

      <View className={styles.bar}>
        {!blank && (
          <Button className={`${styles.barSide} zc-policy-again`} fill="outline" type="primary" disabled={saving} onClick={onAgain}>
            重新导入
          </Button>
        )}
        <Button className={`${styles.barMain} zc-policy-save`} type="primary" size="large" loading={saving} disabled={saving} onClick={() => void save()}>
          保存为草稿
        </Button>
      </View>
    </Page>
  );
}
