import { Input, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import { UNIT_KIND_LABELS, type UnitKind } from '@shared/constants';
import type { Me, Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { useEscape } from '../../../hooks/useEscape';
import { useReloadOnReturn } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { createUnit, listDistrictUnits, retireUnit, unitTree, updateUnit } from '../../../services/staff';
import * as a11y from '../../../utils/a11y';
import { go, routes } from '../../../utils/nav';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { holdsStaff } from '../components/DistrictUnitPicker';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Mode = 'menu' | 'add' | 'rename' | 'move';
type Sheet = { unit: Unit; mode: Mode };

/** What may be added below a unit of each kind (city → districts → departments and streets → communities), the usual one first. */
const CHILD_KINDS: Record<UnitKind, UnitKind[]> = {
  city: ['district', 'department', 'office'],
  district: ['department', 'street', 'office'],
  office: [],
  department: [],
  street: ['community'],
  community: [],
};
const NAME_EXAMPLES: Record<UnitKind, string> = {
  city: '', district: '如：清江区', office: '如：区政务公开办', department: '如：区退役军人事务局', street: '如：新城街道', community: '如：东关社区',
};

const indent = (depth: number) => styles[`depth${Math.min(depth, 4)}`] ?? '';

export default function UnitsPage() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能管理单位" />
      </Page>
    );
  }
  return <Units user={user} />;
}

function Units({ user }: { user: Me }) {
  const units = useResource(listDistrictUnits, []);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [retiring, setRetiring] = useState<Unit | null>(null);
  const [busy, setBusy] = useState(false);
  const [retireError, setRetireError] = useState('');
  useReloadOnReturn(() => void units.refresh().catch(() => undefined));
  useEscape(sheet !== null, () => setSheet(null));

  const items = units.status === 'ok' ? units.data.items : [];
  const rows = unitTree(items);
  const ids = new Set(items.map((u) => u.id));
  const isRoot = (u: Unit) => !u.parentId || !ids.has(u.parentId);
  const root = rows[0]?.unit ?? null;
  const active = items.filter((u) => !u.retired).length;

  const done = async (message: string) => {
    setSheet(null);
    await units.refresh().catch(() => undefined);
    void Taro.showToast({ title: message, icon: 'success' });
  };

  const retire = async () => {
    if (!retiring) return;
    setBusy(true);
    setRetireError('');
    try {
      await retireUnit(retiring.id);
      setRetiring(null);
      await done('已撤销');
    } catch (err) {
      // 409: the unit still has units below it, or is the office's own; the server says which.
      setRetireError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page bar className="zc-units">
      <Text className={styles.intro}>
        本区的单位架构。点按一个单位，可添加下级单位、改名、调整上级或撤销；撤销的单位保留全部记录，不再接收新的咨询。
      </Text>
      {units.status === 'loading' && <Loading />}
      {units.status === 'error' && <ListError error={units.error} onRetry={units.reload} />}
      {units.status === 'ok' && rows.length === 0 && <EmptyState title="还没有单位" />}
      {rows.length > 0 && (
        <Card tight title="单位架构" extra={<Text className={styles.count}>{active} 个单位在用</Text>} className="zc-unit-tree">
          {rows.map(({ unit, depth }) => {
            const retired = unit.retired === true;
            const label = `${unit.name}，${UNIT_KIND_LABELS[unit.kind]}${retired ? '，已撤销' : '，点按管理'}`;
            return (
              <View
                key={unit.id}
                className={`${styles.row} ${indent(depth)} ${retired ? styles.retired : ''} zc-unit-row`}
                data-id={unit.id}
                data-retired={retired ? '1' : '0'}
                hoverClass={retired ? 'none' : styles.pressed}
                {...(retired ? { 'aria-label': label } : a11y.button(label))}
                onClick={() => !retired && setSheet({ unit, mode: 'menu' })}
              >
                <Text className={`${styles.name} zc-unit-name`}>{unit.name}</Text>
                <Tag tone={retired ? 'plain' : 'primary'} className="zc-unit-kind">
                  {UNIT_KIND_LABELS[unit.kind]}
                </Tag>
                {retired && (
                  <Tag tone="plain" className="zc-unit-retired">
                    已撤销
                  </Tag>
                )}
                {!retired && (
                  <Text className={styles.chevron} {...a11y.hidden()}>
                    ›
                  </Text>
                )}
              </View>
            );
          })}
        </Card>
      )}

      {root && (
        <View className={styles.bar}>
          <Button className="zc-units-add" type="primary" size="large" block onClick={() => setSheet({ unit: root, mode: 'add' })}>
            添加单位
          </Button>
        </View>
      )}

      <Popup
        visible={sheet !== null}
        position="bottom"
        round
        closeable
        title={sheet ? sheetTitle(sheet) : ''}
        onClose={() => setSheet(null)}
        destroyOnClose
      >
        {sheet?.mode === 'menu' && (
          <Menu
            unit={sheet.unit}
            root={isRoot(sheet.unit)}
            own={sheet.unit.id === user.unitId}
            onMode={(mode) => setSheet({ unit: sheet.unit, mode })}
            onRetire={() => {
              setSheet(null);
              setRetireError('');
              setRetiring(sheet.unit);
            }}
          />
        )}
        {sheet?.mode === 'add' && <AddUnit parent={sheet.unit} onSaved={(u) => void done(`已添加${u.name}`)} />}
        {sheet?.mode === 'rename' && <Rename unit={sheet.unit} onSaved={() => void done('已改名')} />}
        {sheet?.mode === 'move' && <Move unit={sheet.unit} units={items} onSaved={() => void done('已调整上级')} />}
      </Popup>

      <ConfirmDialog
        visible={retiring !== null}
        title={retiring ? `撤销${retiring.name}？` : ''}
        confirmText="撤销"
        danger
        busy={busy}
        error={retireError}
        onConfirm={() => void retire()}
        onCancel={() => setRetiring(null)}
        className="zc-unit-retire-confirm"
      >
        <Text>撤销后，该单位不再接收新的咨询，也不能再邀请人员加入；已有的咨询、问答和办理记录都会保留。撤销后不能在这里恢复。</Text>
      </ConfirmDialog>
    </Page>
  );
}

function sheetTitle({ unit, mode }: Sheet): string {
  if (mode === 'add') return `在${unit.name}下添加单位`;
  if (mode === 'rename') return `${unit.name}改名`;
  if (mode === 'move') return `调整${unit.name}的上级`;
  return unit.name;
}

function Menu({
  unit,
  root,
  own,
  onMode,
  onRetire,
}: {
  unit: Unit;
  root: boolean;
  own: boolean;
  onMode: (mode: Mode) => void;
  onRetire: () => void;
}) {
  const actions: { key: string; label: string; hint?: string; run: () => void; danger?: boolean }[] = [
    ...(CHILD_KINDS[unit.kind].length ? [{ key: 'add', label: '添加下级单位', run: () => onMode('add') }] : []),
    { key: 'rename', label: '改名', run: () => onMode('rename') },
    ...(root ? [] : [{ key: 'move', label: '调整上级单位', run: () => onMode('move') }]),
    ...(holdsStaff(unit)
      ? [
          { key: 'people', label: '查看工作人员', run: () => go(routes.people(unit.id)) },
          { key: 'invite', label: '邀请政策解答员', run: () => go(routes.invite({ unitId: unit.id, role: 'answerer' })) },
        ]
      : []),
    ...(root || own ? [] : [{ key: 'retire', label: '撤销单位', hint: '记录保留，不再接收新的咨询', run: onRetire, danger: true }]),
  ];
  return (
    <View className={`${styles.sheet} zc-unit-menu`}>
      {actions.map((a) => (
        <View
          key={a.key}
          className={`${styles.action} ${a.danger ? styles.danger : ''} zc-unit-${a.key}`}
          hoverClass={styles.pressed}
          {...a11y.button(a.label)}
          onClick={a.run}
        >
          <Text className={styles.actionLabel}>{a.label}</Text>
          {a.hint && <Text className={styles.actionHint}>{a.hint}</Text>}
        </View>
      ))}
      {own && <Text className={styles.sheetNote}>这是您所在的单位，不能撤销。</Text>}
    </View>
  );
}

/** Field messages from a refusal; a message without a field goes above the button. */
function refusal(err: unknown): Record<string, string> {
  if (err instanceof ApiError && err.issues.length) return err.fieldMessages();
  return { _: errorMessage(err) };
}

function AddUnit({ parent, onSaved }: { parent: Unit; onSaved: (unit: Unit) => void }) {
  const [name, setName] = useState('');
  const kinds = CHILD_KINDS[parent.kind];
  const [kind, setKind] = useState<UnitKind>(kinds[0] ?? 'department');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      onSaved(await createUnit({ name: name.trim(), kind, parentId: parent.id }));
    } catch (err) {
      setErrors(refusal(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`${styles.sheet} ${styles.form} zc-unit-add-form`}>
      <Text className={styles.label}>单位名称</Text>
      <Input
        className={`${styles.input} ${errors.name ? styles.inputError : ''} zc-unit-name-input`}
        value={name}
        maxlength={40}
        focus
        placeholder={NAME_EXAMPLES[kind]}
        onInput={(e) => {
          setName(e.detail.value);
          setErrors({});
        }}
        onConfirm={() => void save()}
      />
      {errors.name && <Text className={`${styles.error} zc-field-error`}>{errors.name}</Text>}
      <Text className={`${styles.label} ${styles.spaced}`}>类型</Text>
      <View className={styles.chips}>
        {kinds.map((k) => (
          <View
            key={k}
            className={`${styles.chip} ${kind === k ? styles.chipOn : ''} zc-unit-kind-${k}`}
            {...a11y.choice(kind === k)}
            onClick={() => setKind(k)}
          >
            {UNIT_KIND_LABELS[k]}
          </View>
        ))}
      </View>
      {errors.kind && <Text className={`${styles.error} zc-field-error`}>{errors.kind}</Text>}
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
      <Button className={`${styles.save} zc-unit-save`} type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void save()}>
        添加
      </Button>
    </View>
  );
}

function Rename({ unit, onSaved }: { unit: Unit; onSaved: () => void }) {
  const [name, setName] = useState(unit.name);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    if (busy) return;
    if (name.trim() === unit.name) {
      setErrors({ name: '名称没有改变' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await updateUnit(unit.id, { name: name.trim() });
      onSaved();
    } catch (err) {
      setErrors(refusal(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`${styles.sheet} ${styles.form} zc-unit-rename-form`}>
      <Text className={styles.label}>新名称</Text>
      <Input
        className={`${styles.input} ${errors.name ? styles.inputError : ''} zc-unit-name-input`}
        value={name}
        maxlength={40}
        focus
        onInput={(e) => {
          setName(e.detail.value);
          setErrors({});
        }}
        onConfirm={() => void save()}
      />
      {errors.name && <Text className={`${styles.error} zc-field-error`}>{errors.name}</Text>}
      <Text className={styles.sheetNote}>改名后，居民在问答、名录和咨询中看到的都是新名称。</Text>
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
      <Button className={`${styles.save} zc-unit-save`} type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}

function Move({ unit, units, onSaved }: { unit: Unit; units: Unit[]; onSaved: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const rows = unitTree(units.filter((u) => !u.retired));
  // The unit and its branch cannot hold it: they go greyed, so the choice is visible but not offered.
  const below = new Set<string>([unit.id]);
  for (const { unit: u } of rows) if (u.parentId && below.has(u.parentId)) below.add(u.id);

  const move = async (parent: Unit) => {
    if (busy) return;
    setBusy(parent.id);
    setError('');
    try {
      await updateUnit(unit.id, { parentId: parent.id });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="zc-unit-move-list">
      {error && <Text className={`${styles.formError} ${styles.moveError} zc-form-error`}>{error}</Text>}
      <ScrollView scrollY className={styles.moveList}>
        {rows.map(({ unit: u, depth }) => {
          const current = u.id === unit.parentId;
          const blocked = below.has(u.id);
          if (blocked || current) {
            return (
              <View key={u.id} className={`${styles.row} ${indent(depth)} ${styles.retired}`}>
                <Text className={styles.name}>{u.name}</Text>
                <Text className={styles.rowNote}>{current ? '当前上级' : u.id === unit.id ? '本单位' : '下级单位'}</Text>
              </View>
            );
          }
          return (
            <View
              key={u.id}
              className={`${styles.row} ${indent(depth)} zc-unit-move-target`}
              data-id={u.id}
              hoverClass={styles.pressed}
              {...a11y.button(`移到${u.name}之下`)}
              onClick={() => void move(u)}
            >
              <Text className={styles.name}>{u.name}</Text>
              <Text className={styles.rowNote}>{busy === u.id ? '正在调整…' : UNIT_KIND_LABELS[u.kind]}</Text>
            </View>
          );
        })}
      </ScrollView>
    </View>
  );
}
