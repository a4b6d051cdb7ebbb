import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me, StaffMember, Unit } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { useReloadOnReturn } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { canManage, type StaffRole } from '../../../services/session';
import { disableStaff, enableStaff, listDistrictUnits, listStaff, STAFF_ROLE_LABELS, updateStaff } from '../../../services/staff';
import * as a11y from '../../../utils/a11y';
import { go, param, routes } from '../../../utils/nav';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DistrictUnitPicker } from '../components/DistrictUnitPicker';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Manager = Me & { role: 'editor' | 'office' };
type Pending = { kind: 'disable' | 'enable'; person: StaffMember };

export default function PeoplePage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能管理工作人员" />
      </Page>
    );
  }
  return <People user={user} />;
}

/** Staff in the order the API gives them (by unit), one group per unit. */
function byUnit(people: StaffMember[]): { unitId: string; unitName: string; people: StaffMember[] }[] {
  const groups: { unitId: string; unitName: string; people: StaffMember[] }[] = [];
  for (const p of people) {
    const last = groups.at(-1);
    if (last?.unitId === p.unitId) last.people.push(p);
    else groups.push({ unitId: p.unitId, unitName: p.unitName, people: [p] });
  }
  return groups;
}

function People({ user }: { user: Manager }) {
  const { params } = useRouter();
  const office = user.role === 'office';
  const staff = useResource(listStaff, []);
  const units = useResource(() => (office ? listDistrictUnits() : Promise.resolve({ items: [] as Unit[] })), [office]);
  const [filter, setFilter] = useState<Unit | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  // Back from 编辑资料: show what was saved.
  useReloadOnReturn(() => void staff.refresh().catch(() => undefined));

  const wanted = param(params.unitId);
  useEffect(() => {
    if (!wanted || units.status !== 'ok') return;
    const found = units.data.items.find((u) => u.id === wanted);
    if (found) setFilter(found);
  }, [wanted, units.status, units.data]);

  const act = async () => {
    if (!pending) return;
    setBusy(true);
    setError('');
    try {
      const { kind, person } = pending;
      await (kind === 'disable' ? disableStaff(person.id) : enableStaff(person.id));
      await staff.refresh().catch(() => undefined);
      setPending(null);
      void Taro.showToast({ title: kind === 'disable' ? '已停用' : '已恢复', icon: 'success' });
    } catch (err) {
      setError(errorMessage(err));
      staff.refresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const shown = staff.status === 'ok' ? staff.data.items.filter((p) => !filter || p.unitId === filter.id) : [];
  const groups = byUnit(shown);
  const disabled = shown.filter((p) => p.status === 'disabled').length;
  const answerers = shown.filter((p) => p.role === 'answerer' && p.status === 'active').length;

  return (
    <Page bar className="zc-people">
      <View className={styles.top}>
        <Text className={styles.scope}>
          {office ? `${filter ? filter.name : '本区各单位'}的工作人员` : `${user.unitName ?? ''}的政策解答员`}
        </Text>
        {office && units.status === 'ok' && (
          <DistrictUnitPicker
            className="zc-people-unit"
            units={units.data.items}
            value={filter}
            onChange={setFilter}
            onClear={() => setFilter(null)}
            placeholder="全部单位"
            title="按单位查看"
          />
        )}
        {staff.status === 'ok' && shown.length > 0 && (
          <Text className={`${styles.summary} zc-people-summary`}>
            共 {shown.length} 人，在岗政策解答员 {answerers} 人{disabled ? `，已停用 ${disabled} 人` : ''}
          </Text>
        )}
      </View>

      {staff.status === 'loading' && <Loading />}
      {staff.status === 'error' && <ListError error={staff.error} onRetry={staff.reload} />}
      {staff.status === 'ok' && shown.length === 0 && (
        <EmptyState
          title={filter ? `${filter.name}还没有工作人员` : '还没有工作人员'}
          hint="邀请对方后，对方登录并输入邀请码即可加入"
          action={
            <Button type="primary" onClick={() => go(routes.invite({ unitId: filter?.id, role: 'answerer' }))}>
              邀请政策解答员
            </Button>
          }
        />
      )}
      {groups.map((g) => (
        <Card key={g.unitId} title={g.unitName} extra={<Text className={styles.count}>{g.people.length} 人</Text>} className="zc-people-unit-group">
          {g.people.map((p) => (
            <Person
              key={p.id}
              person={p}
              user={user}
              adjusting={adjusting === p.id}
              units={units.status === 'ok' ? units.data.items : []}
              onAdjust={() => setAdjusting(adjusting === p.id ? null : p.id)}
              onAdjusted={() => {
                setAdjusting(null);
                void staff.refresh().catch(() => undefined);
              }}
              onAsk={(kind) => {
                setError('');
                setPending({ kind, person: p });
              }}
            />
          ))}
        </Card>
      ))}

      <View className={styles.bar}>
        <Button
          className="zc-people-invite"
          type="primary"
          size="large"
          block
          onClick={() => go(routes.invite({ unitId: filter?.id ?? (office ? undefined : user.unitId ?? undefined), role: 'answerer' }))}
        >
          邀请工作人员
        </Button>
      </View>

      <ConfirmDialog
        visible={pending !== null}
        title={pending ? `${pending.kind === 'disable' ? '停用' : '恢复'}${pending.person.name || '该工作人员'}的账号？` : ''}
        confirmText={pending?.kind === 'disable' ? '停用' : '恢复'}
        danger={pending?.kind === 'disable'}
        busy={busy}
        error={error}
        onConfirm={() => void act()}
        onCancel={() => setPending(null)}
        className="zc-person-confirm"
      >
        {pending && <Consequences {...pending} />}
      </ConfirmDialog>
    </Page>
  );
}

/** What disabling (or enabling) does to the person's work, said before it is done. */
function Consequences({ kind, person: p }: Pending) {
  const answerer = p.role === 'answerer';
  if (kind === 'enable') {
    return (
      <Text>
        恢复后 TA 可以重新登录{answerer ? '，并重新出现在政策解答员名录中' : ''}。停用时退回单位的咨询不会自动回到 TA 名下。
      </Text>
    );
  }
  return (
    <View className={styles.consequences}>
      <Text className={styles.consequence}>· TA 立即退出登录，不能再处理工作。</Text>
      <Text className={`${styles.consequence} zc-person-confirm-inquiries`}>
        ·{' '}
        {p.openInquiries > 0
          ? `TA 名下 ${p.openInquiries} 件未办结的咨询退回${p.unitName}的待分派咨询，由单位重新分派，答复期限不变。`
          : `TA 名下目前没有未办结的咨询；如有，会退回${p.unitName}的待分派咨询。`}
      </Text>
      {answerer && <Text className={styles.consequence}>· TA 不再出现在政策解答员名录中。</Text>}
      <Text className={styles.consequence}>之后可以随时恢复。</Text>
    </View>
  );
}

function Person({
  person: p,
  user,
  adjusting,
  units,
  onAdjust,
  onAdjusted,
  onAsk,
}: {
  person: StaffMember;
  user: Manager;
  adjusting: boolean;
  units: Unit[];
  onAdjust: () => void;
  onAdjusted: () => void;
  onAsk: (kind: 'disable' | 'enable') => void;
}) {
  const self = p.id === user.id;
  const answerer = p.role === 'answerer';
  const active = p.status === 'active';
  // The server's rule, so no button leads to a refusal: editors manage answerers, nobody themselves.
  const manageable = !self && (user.role === 'office' || answerer);
  return (
    <View className={`${styles.person} ${active ? '' : styles.off} zc-person`} data-id={p.id} data-status={p.status}>
      <View className={styles.head}>
        <Text className={`${styles.name} zc-person-name`}>
          {p.name || '未填写姓名'}
          {self ? '（我）' : ''}
        </Text>
        <Tag tone={answerer ? 'primary' : 'plain'} className="zc-person-role">
          {STAFF_ROLE_LABELS[p.role]}
        </Tag>
        {!active && (
          <Tag tone="danger" className="zc-person-status">
            已停用
          </Tag>
        )}
      </View>
      {p.title && <Text className={styles.meta}>{p.title}</Text>}
      {answerer && (
        <Text className={`${styles.meta} zc-person-phone`}>
          办公电话：{p.workPhone ?? <Text className={styles.missing}>未填写（名录缺口）</Text>}
        </Text>
      )}
      {answerer && (
        <Text className={`${styles.meta} zc-person-open`}>
          未办结咨询 <Text className={p.openInquiries > 0 ? styles.strong : ''}>{p.openInquiries}</Text> 件
        </Text>
      )}
      <View className={styles.actions}>
        {answerer && (
          <Button className={`${styles.action} zc-person-profile`} size="small" fill="outline" onClick={() => go(routes.profile(p.id))}>
            编辑资料
          </Button>
        )}
        {manageable && user.role === 'office' && (
          <Button className={`${styles.action} zc-person-adjust`} size="small" fill="outline" onClick={onAdjust}>
            调整身份/单位
          </Button>
        )}
        {manageable &&
          (active ? (
            <Button className={`${styles.action} zc-person-disable`} size="small" type="danger" fill="outline" onClick={() => onAsk('disable')}>
              停用
            </Button>
          ) : (
            <Button className={`${styles.action} zc-person-enable`} size="small" type="primary" fill="outline" onClick={() => onAsk('enable')}>
              恢复
            </Button>
          ))}
      </View>
      {adjusting && <Adjust person={p} units={units} onCancel={onAdjust} onSaved={onAdjusted} />}
    </View>
  );
}

const ROLES: StaffRole[] = ['answerer', 'editor', 'office'];

/** The office moves someone to another role or unit; it counts from their very next request. */
function Adjust({ person, units, onCancel, onSaved }: { person: StaffMember; units: Unit[]; onCancel: () => void; onSaved: () => void }) {
  const [role, setRole] = useState<StaffRole>(person.role);
  const [unit, setUnit] = useState<Unit | null>(units.find((u) => u.id === person.unitId) ?? null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const changed = role !== person.role || (unit !== null && unit.id !== person.unitId);
  const leaves = person.role === 'answerer' && changed;

  const save = async () => {
    if (!changed || !unit) {
      setErrors({ _: '身份和单位都没有改变' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await updateStaff(person.id, {
        ...(role !== person.role ? { role } : {}),
        ...(unit.id !== person.unitId ? { unitId: unit.id } : {}),
      });
      void Taro.showToast({ title: '已调整', icon: 'success' });
      onSaved();
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? err.fieldMessages() : { _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`${styles.panel} zc-person-adjust-panel`}>
      <Text className={styles.panelTitle}>身份</Text>
      <View className={styles.chips}>
        {ROLES.map((r) => (
          <View
            key={r}
            className={`${styles.chip} ${role === r ? styles.chipOn : ''} zc-adjust-role-${r}`}
            {...a11y.choice(role === r)}
            onClick={() => setRole(r)}
          >
            {STAFF_ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      {errors.role && <Text className={`${styles.error} zc-field-error`}>{errors.role}</Text>}
      <Text className={styles.panelTitle}>所属单位</Text>
      <DistrictUnitPicker className="zc-adjust-unit" units={units} value={unit} onChange={setUnit} error={errors.unitId} title="调整到哪个单位" />
      <Text className={styles.panelHint}>
        调整从 TA 的下一次操作起生效。{leaves ? 'TA 将不再是原单位的政策解答员，名下未办结的咨询退回原单位待分派。' : ''}
      </Text>
      {errors._ && <Text className={`${styles.error} zc-form-error`}>{errors._}</Text>}
      <View className={styles.panelActions}>
        <Button className={styles.panelBtn} fill="outline" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button className={`${styles.panelBtn} zc-adjust-save`} type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
