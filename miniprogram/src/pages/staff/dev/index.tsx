import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Unit } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { AnswererChips } from '../../../components/AnswererChips';
import { Page } from '../../../components/Page';
import { UnitPicker } from '../../../components/UnitPicker';
import { ApiError, errorMessage } from '../../../services/api';
import { listUnits } from '../../../services/manage';
import { refreshUnread } from '../../../services/notifications';
import { devSignIn, type StaffRole } from '../../../services/session';
import { goTab, param, routes } from '../../../utils/nav';
import styles from './index.module.scss';

// Development sign-in lives in the staff package: a developer's tool has no place in what every resident downloads.
const STAFF_CHOICES: { role: StaffRole; label: string; hint: string }[] = [
  { role: 'answerer', label: '政策解答员', hint: '答复咨询' },
  { role: 'editor', label: '单位编辑', hint: '维护本单位问答' },
  { role: 'office', label: '政务公开办', hint: '管理本辖区' },
];

export default function DevSignInPage() {
  return (
    <Page>
      <DevSignIn
        onSignedIn={() => {
          refreshUnread();
          goTab(routes.mine());
        }}
      />
    </Page>
  );
}

const LAST_SIGN_IN = 'zc.devSignIn';
type LastSignIn = { role: StaffRole; unit: Unit | null; name: string };
const isRole = (v: string): v is StaffRole => STAFF_CHOICES.some((c) => c.role === v);

/** Prefill: `?role=answerer&unitId=u_rsj&name=张明` (a dev link), else the last sign-in on this device. */
function usePrefill(): LastSignIn {
  const { params } = useRouter();
  const [last] = useState<LastSignIn | null>(() => {
    try {
      const v: unknown = Taro.getStorageSync(LAST_SIGN_IN);
      return v && typeof v === 'object' && 'role' in v ? (v as LastSignIn) : null;
    } catch {
      return null;
    }
  });
  const role = param(params.role);
  if (isRole(role)) {
    const unitId = param(params.unitId);
    return { role, unit: unitId ? { id: unitId, name: '', kind: 'department' } : null, name: param(params.name) };
  }
  return last ?? { role: 'editor', unit: null, name: '' };
}

/** Only where the API offers development sign-in (a developer's machine): any role and unit, to try every screen. */
function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const prefill = usePrefill();
  const [role, setRole] = useState<StaffRole>(prefill.role);
  const [unit, setUnit] = useState<Unit | null>(prefill.unit);
  const [name, setName] = useState(prefill.name);

  // A unit given by id only (a dev link): look up its name so the field reads right.
  const unitNeedsName = unit !== null && !unit.name;
  useEffect(() => {
    if (!unitNeedsName || !unit) return;
    let live = true;
    listUnits().then(
      (res) => {
        const found = res.items.find((u) => u.id === unit.id);
        if (live) setUnit(found ?? null);
      },
      () => live && setUnit(null),
    );
    return () => {
      live = false;
    };
  }, [unitNeedsName, unit]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    if (!unit) {
      setErrors({ unitId: '请选择所属单位' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await devSignIn({ role, unitId: unit.id, ...(name.trim() ? { name: name.trim() } : {}) });
      Taro.setStorageSync(LAST_SIGN_IN, { role, unit, name: name.trim() } satisfies LastSignIn);
      void Taro.showToast({ title: '已登录', icon: 'success', duration: 1200 });
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setErrors(err.fieldMessages());
      else setErrors({ _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`${styles.card} zc-sign-in`}>
      <View className={styles.titleRow}>
        <Text className={styles.cardTitle}>开发环境登录</Text>
        <Text className={styles.devTag}>仅本机</Text>
      </View>

      <Text className={styles.label}>身份</Text>
      <View className={styles.roles}>
        {STAFF_CHOICES.map((choice) => (
          <View
            key={choice.role}
            className={`${styles.roleOption} ${role === choice.role ? styles.roleActive : ''} zc-role-${choice.role}`}
            onClick={() => setRole(choice.role)}
          >
            <Text className={styles.roleLabel}>{choice.label}</Text>
            <Text className={styles.roleHint}>{choice.hint}</Text>
          </View>
        ))}
      </View>
      {errors.role && <Text className={styles.fieldError}>{errors.role}</Text>}

      <Text className={styles.label}>所属单位</Text>
      <UnitPicker value={unit} onChange={setUnit} error={errors.unitId} />

      <Text className={styles.label}>姓名{role === 'answerer' ? '（选填，与解答员名册一致）' : '（选填）'}</Text>
      <Input
        className={`${styles.input} zc-name-input`}
        value={name}
        maxlength={40}
        placeholder={role === 'answerer' ? '名册上的姓名，例如：张明' : '用于在工作记录中显示'}
        onInput={(e) => setName(e.detail.value)}
      />
      {role === 'answerer' && unit?.name && (
        <View className={styles.roster}>
          <Text className={styles.fieldHint}>{unit.name}的政策解答员（点选填入；同一姓名总是同一个账号）：</Text>
          <AnswererChips unitId={unit.id} selected={name.trim()} onPick={(a) => setName(a.name)} />
        </View>
      )}
      {errors.name && <Text className={styles.fieldError}>{errors.name}</Text>}
      {errors._ && <Text className={styles.formError}>{errors._}</Text>}

      <Button
        className={`${styles.submit} zc-sign-in-submit`}
        type="primary"
        block
        size="large"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
      >
        登录
      </Button>
      <Text className={styles.note}>正式环境没有这一项：工作人员凭邀请码加入。</Text>
    </View>
  );
}
