import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import type { Answerer, Me, StaffMember } from '@shared/schemas/auth';
import { useState, type ReactNode } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, LoadState } from '../../../components/Status';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { canManage, isStaff } from '../../../services/session';
import { listRoster, listStaff, STAFF_ROLE_LABELS, updateProfile } from '../../../services/staff';
import * as a11y from '../../../utils/a11y';
import { go, param, routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Person = Answerer & { role?: StaffMember['role']; status?: StaffMember['status'] };
type Form = { name: string; title: string; workPhone: string; officeHours: string; topics: Topic[]; intro: string };
const INTRO_MAX = 300;

const notFound = () => new ApiError(404, 'not_found', '没有找到这位工作人员');

/**
 * The person to edit. Editors and the office read it from their staff list; an answerer editing
 * their own reads the public roster (or starts blank before their name is on it).
 */
async function loadPerson(id: string, user: Me): Promise<Person> {
  if (canManage(user)) {
    const found = (await listStaff()).items.find((p) => p.id === id);
    if (found) return found;
    if (id !== user.id) throw notFound();
  }
  if (id !== user.id || !user.unitId) throw notFound();
  const listed = (await listRoster({ unitId: user.unitId })).items.find((a) => a.id === id);
  return (
    listed ?? {
      id,
      name: user.name ?? '',
      title: null,
      unitId: user.unitId,
      unitName: user.unitName ?? '',
      workPhone: null,
      officeHours: null,
      topics: [],
      intro: null,
      role: user.role === 'resident' ? undefined : user.role,
    }
  );
}

export default function ProfilePage() {
  const { params } = useRouter();
  const [user] = useStoredUser();
  const id = param(params.id) || user?.id || '';
  if (!isStaff(user)) {
    return (
      <Page>
        <SignInRequired hint="以工作人员身份登录后，才能编辑政策解答员资料" />
      </Page>
    );
  }
  return <ProfileLoader id={id} user={user} />;
}

function ProfileLoader({ id, user }: { id: string; user: Me }) {
  const person = useResource(() => loadPerson(id, user), [id, user.id]);
  return (
    <Page bar={person.status === 'ok'} className="zc-profile">
      <LoadState
        resource={person}
        notFound={
          <EmptyState
            title="没有找到这位工作人员"
            hint={canManage(user) ? '可能已调到其他单位' : '只能编辑本人的资料'}
            action={
              canManage(user) ? (
                <Button type="primary" onClick={() => go(routes.people())}>
                  查看工作人员
                </Button>
              ) : undefined
            }
          />
        }
      />
      {person.status === 'ok' && <ProfileForm person={person.data} self={person.data.id === user.id} />}
    </Page>
  );
}

const asTopics = (topics: string[]) => TOPICS.filter((t) => topics.includes(t));

function ProfileForm({ person, self }: { person: Person; self: boolean }) {
  const [form, setForm] = useState<Form>(() => ({
    name: person.name,
    title: person.title ?? '',
    workPhone: person.workPhone ?? '',
    officeHours: person.officeHours ?? '',
    topics: asTopics(person.topics),
    intro: person.intro ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '', _: '' }));
  };
  const toggle = (t: Topic) => set('topics', form.topics.includes(t) ? form.topics.filter((x) => x !== t) : asTopics([...form.topics, t]));
  // Only active answerers with a name are on the roster; say why someone is not.
  const offRoster =
    person.status === 'disabled'
      ? '账号已停用，目前不在名录中。'
      : person.role && person.role !== 'answerer'
        ? `${STAFF_ROLE_LABELS[person.role]}不在名录中；以下资料仅供本区工作人员查看。`
        : null;

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setErrors({});
    const blank = (s: string) => s.trim() || null;
    try {
      await updateProfile(person.id, {
        name: form.name.trim(),
        title: blank(form.title),
        workPhone: blank(form.workPhone),
        officeHours: blank(form.officeHours),
        topics: form.topics,
        intro: blank(form.intro),
      });
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      }, 600);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const byField: Record<string, string> = {};
        for (const issue of err.issues) {
          const key = issue.path.split('.')[0] || '_';
          byField[key] ??= issue.message;
        }
        setErrors(byField);
        void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      } else {
        setErrors({ _: errorMessage(err) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="zc-profile-form">
      <View className={`${styles.notice} zc-profile-public`}>
        <Text className={styles.noticeTitle}>哪些内容公开</Text>
        <Text className={styles.noticeText}>
          姓名、职务、所属单位、办公电话、办公时间、擅长领域和简介公开在「政策解答员名录」，居民可以直接拨打办公电话或在线提问。
        </Text>
        <Text className={styles.noticeText}>个人手机号和微信信息不会公开，也不会显示给居民。</Text>
        {offRoster && <Text className={`${styles.noticeWarn} zc-profile-off-roster`}>{offRoster}</Text>}
      </View>

      <Card title={self ? '我的资料' : `${person.name || '未填写姓名'}的资料`} extra={<Text className={styles.unit}>{person.unitName}</Text>}>
        <Field label="姓名" required error={errors.name}>
          <Input
            className={`${styles.input} ${errors.name ? styles.inputError : ''} zc-profile-name`}
            value={form.name}
            maxlength={40}
            placeholder="真实姓名"
            onInput={(e) => set('name', e.detail.value)}
          />
        </Field>
        <Field label="职务" hint="选填" error={errors.title}>
          <Input
            className={`${styles.input} ${errors.title ? styles.inputError : ''} zc-profile-title`}
            value={form.title}
            maxlength={40}
            placeholder="如：就业促进科科员"
            onInput={(e) => set('title', e.detail.value)}
          />
        </Field>
        <Field label="办公电话" hint="居民点按即可拨打" error={errors.workPhone}>
          <Input
            className={`${styles.input} ${errors.workPhone ? styles.inputError : ''} zc-profile-phone`}
            value={form.workPhone}
            maxlength={30}
            type="text"
            placeholder="如：0000-86101201"
            onInput={(e) => set('workPhone', e.detail.value)}
          />
        </Field>
        <Field label="办公时间" hint="选填" error={errors.officeHours}>
          <Input
            className={`${styles.input} ${errors.officeHours ? styles.inputError : ''} zc-profile-hours`}
            value={form.officeHours}
            maxlength={60}
            placeholder="如：工作日 9:00–12:00，13:30–17:30"
            onInput={(e) => set('officeHours', e.detail.value)}
          />
        </Field>
        <Field label="擅长领域" hint="居民按领域查找解答员" error={errors.topics}>
          <View className={styles.chips}>
            {TOPICS.map((t) => {
              const on = form.topics.includes(t);
              return (
                <View
                  key={t}
                  className={`${styles.chip} ${on ? styles.chipOn : ''} zc-profile-topic`}
                  data-topic={t}
                  {...a11y.choice(on)}
                  onClick={() => toggle(t)}
                >
                  {t}
                </View>
              );
            })}
          </View>
        </Field>
        <Field label="简介" hint={`选填，${INTRO_MAX} 字以内`} error={errors.intro}>
          <TextArea
            className={`${styles.textarea} ${errors.intro ? styles.textareaError : ''} zc-profile-intro`}
            value={form.intro}
            maxLength={INTRO_MAX}
            showCount
            placeholder="如：负责创业担保贷款、就业补贴等政策的解答"
            onChange={(v) => set('intro', v)}
          />
        </Field>
      </Card>

      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

      <View className={styles.bar}>
        <Button className="zc-profile-save" type="primary" size="large" block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}

function Field({ label, hint, required, error, children }: { label: string; hint?: string; required?: boolean; error?: string; children: ReactNode }) {
  return (
    <View className={styles.field}>
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
