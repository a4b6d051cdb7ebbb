import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Invitation, Me, NewInvitation, Unit } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { Tag, type Tone } from '../../../components/Tag';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { canManage, type StaffRole } from '../../../services/session';
import { createInvitation, formatCode, listDistrictUnits, listInvitations, revokeInvitation, STAFF_ROLE_LABELS } from '../../../services/staff';
import * as a11y from '../../../utils/a11y';
import { dateTime } from '../../../utils/format';
import { param } from '../../../utils/nav';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DistrictUnitPicker } from '../components/DistrictUnitPicker';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const ROLE_HINTS: Record<StaffRole, string> = {
  answerer: '答复分派给本单位的咨询，姓名和办公电话公开在政策解答员名录',
  editor: '维护本单位的问答，管理本单位的政策解答员',
  office: '管理全区的单位、人员、问答和咨询',
};
const ROLES: StaffRole[] = ['answerer', 'editor', 'office'];
const isRole = (v: string): v is StaffRole => (ROLES as string[]).includes(v);

const STATUS: Record<Invitation['status'], { label: string; tone: Tone }> = {
  open: { label: '待使用', tone: 'primary' },
  used: { label: '已使用', tone: 'success' },
  expired: { label: '已过期', tone: 'plain' },
  revoked: { label: '已作废', tone: 'plain' },
};

/** The QR code comes as SVG text; an image shows it on both platforms. */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const QR_LABEL = { role: 'img', 'aria-label': '邀请二维码' };

export default function InvitePage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能邀请工作人员" />
      </Page>
    );
  }
  return <Invite user={user} />;
}

function Invite({ user }: { user: Me & { role: 'editor' | 'office' } }) {
  const { params } = useRouter();
  const office = user.role === 'office';
  // An editor invites answerers of their own unit only; the office anyone, to any unit of its district.
  const own: Unit | null = user.unitId ? { id: user.unitId, name: user.unitName ?? '', kind: 'department' } : null;
  const units = useResource(() => (office ? listDistrictUnits() : Promise.resolve({ items: own ? [own] : [] })), [office]);
  const [unit, setUnit] = useState<Unit | null>(office ? null : own);
  const asked = param(params.role);
  const [role, setRole] = useState<StaffRole>(office && isRole(asked) ? asked : 'answerer');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const list = useResource(listInvitations, []);

  // ?unitId= (from 名录缺口 or 工作人员): the office's unit, once the district has loaded.
  const wanted = param(params.unitId);
  useEffect(() => {
    if (!office || !wanted || units.status !== 'ok') return;
    const found = units.data.items.find((u) => u.id === wanted && !u.retired);
    if (found) setUnit(found);
  }, [office, wanted, units.status, units.data]);

  const submit = async () => {
    if (busy) return;
    if (!unit) {
      setErrors({ unitId: '请选择所属单位' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const invitation = await createInvitation({ unitId: unit.id, role, ...(name.trim() ? { name: name.trim() } : {}) });
      setCreated(invitation);
      setName('');
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      list.refresh().catch(() => undefined);
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? err.fieldMessages() : { _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="zc-invite">
      {created && <NewCode invitation={created} onDone={() => setCreated(null)} />}

      <Card title={created ? '再邀请一位' : '邀请工作人员'} className="zc-invite-form">
        <Text className={styles.intro}>
          生成一次性的邀请码和二维码，对方登录后扫码或输入邀请码，即成为{office ? '所选单位的工作人员' : `${user.unitName ?? '本单位'}的政策解答员`}。
        </Text>

        <Text className={styles.label}>所属单位</Text>
        <View className="zc-invite-unit">
          {office ? (
            units.status === 'ok' ? (
              <DistrictUnitPicker
                units={units.data.items}
                value={unit}
                onChange={(u) => {
                  setUnit(u);
                  setErrors((e) => ({ ...e, unitId: '' }));
                }}
                placeholder="选择本区的单位"
                error={errors.unitId}
              />
            ) : units.status === 'loading' ? (
              <Loading compact text="正在读取本区单位…" />
            ) : (
              <ListError error={units.error} onRetry={units.reload} />
            )
          ) : (
            <Text className={styles.fixed}>{user.unitName ?? '未绑定单位'}</Text>
          )}
        </View>

        <Text className={`${styles.label} ${styles.spaced}`}>身份</Text>
        <View className={styles.roles}>
          {(office ? ROLES : (['answerer'] as StaffRole[])).map((r) => (
            <View
              key={r}
              className={`${styles.role} ${role === r ? styles.roleOn : ''} zc-invite-role-${r}`}
              {...a11y.choice(role === r)}
              onClick={() => setRole(r)}
            >
              <Text className={styles.roleName}>{STAFF_ROLE_LABELS[r]}</Text>
              <Text className={styles.roleHint}>{ROLE_HINTS[r]}</Text>
            </View>
          ))}
        </View>
        {!office && <Text className={styles.hint}>单位编辑只能邀请本单位的政策解答员；其他身份请联系政务公开办。</Text>}
        {errors.role && <Text className={`${styles.error} zc-field-error`}>{errors.role}</Text>}

        <Text className={`${styles.label} ${styles.spaced}`}>对方姓名（选填）</Text>
        <Input
          className={`${styles.input} ${errors.name ? styles.inputError : ''} zc-invite-name`}
          value={name}
          maxlength={40}
          placeholder="便于在邀请记录中认出是给谁的"
          onInput={(e) => {
            setName(e.detail.value);
            setErrors((x) => ({ ...x, name: '' }));
          }}
        />
        {errors.name && <Text className={`${styles.error} zc-field-error`}>{errors.name}</Text>}
        {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

        <Button
          className={`${styles.submit} zc-invite-submit`}
          type="primary"
          size="large"
          block
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          生成邀请
        </Button>
      </Card>

      <Invitations list={list} />
    </Page>
  );
}

/** The code, shown this once: the server keeps only its hash. */
function NewCode({ invitation: inv, onDone }: { invitation: NewInvitation; onDone: () => void }) {
  const copy = (data: string, what: string) =>
    void Taro.setClipboardData({ data }).then(
      () => Taro.showToast({ title: `已复制${what}`, icon: 'none' }),
      () => Taro.showToast({ title: `复制失败，请长按${what}手动复制`, icon: 'none', duration: 2500 }),
    );
  return (
    <Card title="邀请已生成" className={`${styles.result} zc-invite-result`}>
      <Text className={styles.howTo}>让对方登录后扫码或输入邀请码</Text>
      <View className={styles.codeBox}>
        <Text className={styles.codeLabel}>邀请码</Text>
        <Text className={`${styles.code} zc-invite-code`} userSelect>
          {formatCode(inv.code)}
        </Text>
      </View>
      <View className={styles.qrBox}>
        <Image className={`${styles.qr} zc-invite-qr`} src={svgSource(inv.qrSvg)} mode="aspectFit" {...QR_LABEL} />
      </View>
      <InfoRow label="单位">{inv.unitName}</InfoRow>
      <InfoRow label="身份">{STAFF_ROLE_LABELS[inv.role]}</InfoRow>
      {inv.name && <InfoRow label="邀请">{inv.name}</InfoRow>}
      <InfoRow label="有效期" className="zc-invite-expiry">
        7 天，至 {dateTime(inv.expiresAt)}
      </InfoRow>
      <View className={styles.copyRow}>
        <Button className={`${styles.copy} zc-invite-copy-link`} type="primary" fill="outline" onClick={() => copy(inv.link, '链接')}>
          复制链接
        </Button>
        <Button className={`${styles.copy} zc-invite-copy-code`} type="primary" fill="outline" onClick={() => copy(formatCode(inv.code), '邀请码')}>
          复制邀请码
        </Button>
      </View>
      <Text className={styles.once}>邀请码只在这里显示一次，只能使用一次。离开本页后无法再查看；忘记了可以作废后重新生成。</Text>
      <Text className={`${styles.done} zc-invite-done`} {...a11y.button('收起邀请码')} onClick={onDone}>
        收起
      </Text>
    </Card>
  );
}

type InvitationList = ReturnType<typeof useResource<{ items: Invitation[] }>>;

function Invitations({ list }: { list: InvitationList }) {
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError('');
    try {
      await revokeInvitation(revoking.id);
      await list.refresh().catch(() => undefined);
      setRevoking(null);
      void Taro.showToast({ title: '已作废', icon: 'success' });
    } catch (err) {
      setError(errorMessage(err));
      list.refresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="邀请记录" className="zc-invitations">
      {list.status === 'loading' && <Loading compact />}
      {list.status === 'error' && <ListError error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.data.items.length === 0 && <EmptyState compact title="还没有发出邀请" hint="生成的邀请会列在这里，可随时作废未使用的邀请" />}
      {list.status === 'ok' &&
        list.data.items.map((inv) => (
          <View key={inv.id} className={`${styles.invitation} zc-invitation`} data-status={inv.status}>
            <View className={styles.invitationMain}>
              <View className={styles.invitationHead}>
                <Text className={styles.invitationName}>{inv.name || '未写姓名'}</Text>
                <Tag tone={STATUS[inv.status].tone} className="zc-invitation-status">
                  {STATUS[inv.status].label}
                </Tag>
              </View>
              <Text className={styles.invitationMeta}>
                {inv.unitName} · {STAFF_ROLE_LABELS[inv.role]}
              </Text>
              <Text className={styles.invitationMeta}>
                {inv.status === 'open' ? `有效至 ${dateTime(inv.expiresAt)}` : `${dateTime(inv.createdAt)} 生成`}
              </Text>
            </View>
            {inv.status === 'open' && (
              <Button
                className={`${styles.revoke} zc-invitation-revoke`}
                size="small"
                type="danger"
                fill="outline"
                onClick={() => {
                  setError('');
                  setRevoking(inv);
                }}
              >
                作废
              </Button>
            )}
          </View>
        ))}
      <ConfirmDialog
        visible={revoking !== null}
        title="作废这个邀请？"
        confirmText="作废"
        danger
        busy={busy}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        {revoking && (
          <Text>
            作废后，{revoking.name ? `${revoking.name}手里的` : '这个'}邀请码不能再使用（{revoking.unitName} · {STAFF_ROLE_LABELS[revoking.role]}）。需要时可以重新生成。
          </Text>
        )}
      </ConfirmDialog>
    </Card>
  );
}
