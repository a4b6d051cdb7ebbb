import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me, Unit } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { AnswererChips } from '../../components/AnswererChips';
import { ElderSwitch } from '../../components/ElderSwitch';
import { Page } from '../../components/Page';
import { useStoredUser } from '../../hooks/useStoredUser';
import { UnitPicker } from '../../components/UnitPicker';
import { ApiError, errorMessage } from '../../services/api';
import { getMe, listUnits } from '../../services/manage';
import { refreshUnread } from '../../services/notifications';
import { canManage, devSignIn, isStaff, ROLE_LABELS, signOut, type StaffRole } from '../../services/session';
import { go, param, routes } from '../../utils/nav';
import styles from './index.module.scss';

const STAFF_CHOICES: { role: StaffRole; label: string; hint: string }[] = [
  { role: 'answerer', label: '政策解答员', hint: '答复咨询' },
  { role: 'editor', label: '单位编辑', hint: '维护本单位问答' },
  { role: 'office', label: '政务公开办', hint: '管理全区问答' },
];

// The screen changes length when signing in or out; start the new one from its top.
const toTop = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });

export default function Mine() {
  const [user, setUser] = useStoredUser();
  const [expired, setExpired] = useState(false);
  useDidShow(refreshUnread);

  // A stored staff session may have expired on the server: check it once when shown.
  const staffId = isStaff(user) ? user.id : null;
  useEffect(() => {
    if (!staffId) return;
    let live = true;
    getMe().then(
      (me) => live && setUser(me),
      (err: unknown) => {
        if (live && err instanceof ApiError && err.status === 401) {
          signOut();
          setUser(null);
          setExpired(true);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [staffId]);

  return (
    <Page>
      <ElderSwitch />
      {isStaff(user) ? (
        <StaffCard
          user={user}
          onSignOut={() => {
            signOut();
            setUser(null);
            refreshUnread();
            toTop();
          }}
        />
      ) : (
        <>
          <View className={`${styles.card} zc-resident-card`}>
            <Text className={styles.cardTitle}>居民朋友</Text>
            <Text className={styles.text}>查询政策问答、评价回答都不需要登录；提问后可在这里查看办理进度。</Text>
            <View className={styles.links}>
              <View className={`${styles.linkRow} zc-go-inquiries`} hoverClass={styles.pressed} onClick={() => go(routes.inquiries())}>
                <Text className={styles.linkText}>我的咨询</Text>
                <Text className={styles.linkHint}>进度、答复和评价</Text>
                <Text className={styles.chevron}>›</Text>
              </View>
              <View className={`${styles.linkRow} zc-go-ask`} hoverClass={styles.pressed} onClick={() => go(routes.ask())}>
                <Text className={styles.linkText}>我要咨询</Text>
                <Text className={styles.linkHint}>5 个工作日内答复</Text>
                <Text className={styles.chevron}>›</Text>
              </View>
            </View>
          </View>
          <StaffSignIn
            expired={expired}
            onSignedIn={(me) => {
              setExpired(false);
              setUser(me);
              refreshUnread();
              toTop();
            }}
          />
        </>
      )}
    </Page>
  );
}

function StaffCard({ user, onSignOut }: { user: Me; onSignOut: () => void }) {
  return (
    <View className={`${styles.card} zc-staff-card`}>
      <View className={styles.profile}>
        <View className={styles.avatar}>{(user.name ?? ROLE_LABELS[user.role]).slice(0, 1)}</View>
        <View className={styles.profileText}>
          <Text className={styles.name}>{user.name ?? '未填写姓名'}</Text>
          <Text className={`${styles.role} zc-staff-role`}>
            {ROLE_LABELS[user.role]} · {user.unitName ?? '未绑定单位'}
          </Text>
        </View>
      </View>
      <Button className="zc-go-inbox" type="primary" block size="large" onClick={() => go(routes.inbox())}>
        咨询工作台
      </Button>
      {canManage(user) && (
        <Button className={`${styles.second} zc-go-manage`} type="primary" fill="outline" block size="large" onClick={() => go(routes.manage())}>
          管理问答
        </Button>
      )}
      {user.role === 'office' && (
        <Button className={`${styles.second} zc-go-synonyms`} type="primary" fill="outline" block size="large" onClick={() => go(routes.synonyms())}>
          维护同义词
        </Button>
      )}
      <Button className={`${styles.signOut} zc-sign-out`} block fill="outline" onClick={onSignOut}>
        退出登录
      </Button>
    </View>
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

function StaffSignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn: (me: Me) => void }) {
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
      const session = await devSignIn({ role, unitId: unit.id, ...(name.trim() ? { name: name.trim() } : {}) });
      Taro.setStorageSync(LAST_SIGN_IN, { role, unit, name: name.trim() } satisfies LastSignIn);
      void Taro.showToast({ title: '已登录', icon: 'success', duration: 1200 });
      onSignedIn(session.user);
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
        <Text className={styles.cardTitle}>工作人员登录</Text>
        <Text className={styles.devTag}>开发环境</Text>
      </View>
      {expired && <Text className={styles.formError}>登录已过期，请重新登录。</Text>}

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
      <Text className={styles.note}>正式版本使用微信登录，工作人员账号由政务公开办邀请开通。</Text>
    </View>
  );
}
