import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { shanghaiDay } from '@shared/calendar/days';
import type { FaqStatus } from '@shared/constants';
import { validity, validityRange } from '@shared/faq/validity';
import type { Me, Unit } from '@shared/schemas/auth';
import type { FaqManaged } from '@shared/schemas/faq';
import { useEffect, useState } from 'react';
import { useReloadOnReturn } from '../../../hooks/usePageReload';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyState } from '../../../components/Status';
import { UnitPicker } from '../../../components/UnitPicker';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { usePaged } from '../../../hooks/usePaged';
import { errorMessage } from '../../../services/api';
import { listManaged, setFaqStatus, STATUS_LABELS } from '../../../services/manage';
import { canManage, ROLE_LABELS } from '../../../services/session';
import { shanghaiDate } from '../../../utils/format';
import { go, routes } from '../../../utils/nav';
import { ListStatus } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Filter = 'all' | FaqStatus;
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
  { value: 'retired', label: '已下线' },
];
const PAGE_SIZE = 15;

export default function Manage() {
  const [user] = useStoredUser();

  if (!canManage(user)) {
    return <SignInRequired className={styles.page} hint="以单位编辑或政务公开办身份登录后，才能管理问答" />;
  }
  return <ManageList user={user} />;
}

function ManageList({ user }: { user: Me }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  // The office sees every unit's entries, and may narrow them to one unit.
  const [unit, setUnit] = useState<Unit | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  // Search as the editor types, after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const list = usePaged(
    (offset, limit) =>
      listManaged({ status: filter === 'all' ? undefined : filter, q: q || undefined, unitId: unit?.id, offset, limit }),
    [filter, q, unit],
    PAGE_SIZE,
  );

  // Coming back from the edit screen: show what was just saved.
  useReloadOnReturn(list.reload);
  const today = shanghaiDay(new Date());

  const changeStatus = async (entry: FaqManaged, status: FaqStatus) => {
    setBusyId(entry.id);
    try {
      const updated = await setFaqStatus(entry.id, status);
      list.setItems((items) =>
        filter === 'all' || filter === updated.status
          ? items.map((item) => (item.id === updated.id ? updated : item))
          : items.filter((item) => item.id !== updated.id),
      );
      void Taro.showToast({ title: status === 'published' ? '已发布' : status === 'retired' ? '已下线' : '已转为草稿', icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <View className={styles.page}>
      <View className={styles.top}>
        <Text className={styles.scope}>
          {user.role === 'office' ? (unit ? `${unit.name}的问答` : '全区问答') : `${user.unitName ?? ''}的问答`} · {ROLE_LABELS[user.role]}
        </Text>
        <Input
          className={`${styles.search} zc-manage-search`}
          value={text}
          placeholder="按问题或答案查找"
          confirmType="search"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text.trim())}
        />
        {user.role === 'office' && (
          <View className={`${styles.unitFilter} zc-manage-unit`}>
            <UnitPicker value={unit} onChange={setUnit} onClear={() => setUnit(null)} placeholder="全部单位" />
          </View>
        )}
        <View className={styles.tabs}>
          {FILTERS.map((f) => (
            <View
              key={f.value}
              className={`${styles.tab} ${filter === f.value ? styles.tabActive : ''} zc-tab-${f.value}`}
              onClick={() => setFilter(f.value)}
            >
              {f.label}
            </View>
          ))}
        </View>
      </View>

      <View className={styles.body}>
        <ListStatus list={list} />
        {list.status === 'ok' && list.items.length === 0 && (
          <EmptyState
            title={q ? '没有找到匹配的问答' : '这里还没有问答'}
            hint={q ? '换个关键词试试' : '点击下方「新建问答」添加第一条'}
          />
        )}
        {list.status === 'ok' && list.total > 0 && <Text className={`${styles.total} zc-manage-total`}>共 {list.total} 条</Text>}
        {list.status === 'ok' &&
          list.items.map((entry) => (
            <ManagedCard
              key={entry.id}
              entry={entry}
              showUnit={user.role === 'office'}
              today={today}
              busy={busyId === entry.id}
              onEdit={() => go(routes.edit(entry.id))}
              onStatus={(s) => void changeStatus(entry, s)}
            />
          ))}
        <LoadMore list={list} />
      </View>

      <View className={`${styles.bar} ${styles.barRow}`}>
        <Button className={`${styles.barSide} zc-go-import`} type="primary" fill="outline" size="large" onClick={() => go(routes.import())}>
          批量导入
        </Button>
        <Button className={`${styles.barMain} zc-create`} type="primary" size="large" onClick={() => go(routes.edit())}>
          新建问答
        </Button>
      </View>
    </View>
  );
}

function ManagedCard({
  entry,
  showUnit,
  today,
  busy,
  onEdit,
  onStatus,
}: {
  entry: FaqManaged;
  showUnit: boolean;
  /** Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  busy: boolean;
  onEdit: () => void;
  onStatus: (status: FaqStatus) => void;
}) {
  // A published entry outside its dates is hidden from residents: say so, or the list misleads.
  const hidden = entry.status === 'published' ? validity(entry, today) : 'current';
  const range = validityRange(entry);
  return (
    <View className={`${styles.card} zc-managed`} data-status={entry.status}>
      <View className={styles.cardHead}>
        <Text className={`${styles.status} ${styles[entry.status] ?? ''} zc-status`}>{STATUS_LABELS[entry.status]}</Text>
        {hidden !== 'current' && (
          <Text className={`${styles.status} ${styles.outOfDate} zc-validity`}>{hidden === 'expired' ? '已过期' : '未生效'}</Text>
        )}
        <Text className={styles.topic}>{entry.topic}</Text>
        <Text className={styles.date}>{shanghaiDate(entry.updatedAt)}</Text>
      </View>
      <Text className={`${styles.question} zc-managed-question`} onClick={onEdit}>
        {entry.question}
      </Text>
      <Text className={`${styles.meta} zc-managed-meta`}>
        {showUnit ? `${entry.unitName} · ` : ''}浏览 {entry.views} · 有帮助 {entry.helpful} · 没帮助 {entry.unhelpful}
      </Text>
      {range && <Text className={`${styles.meta} zc-validity-range`}>{range}{hidden !== 'current' ? '，居民现在看不到' : ''}</Text>}
      <View className={styles.actions}>
        <Button className={`${styles.actionBtn} zc-edit`} size="small" fill="outline" onClick={onEdit}>
          编辑
        </Button>
        {entry.status === 'published' ? (
          <Button className={`${styles.actionBtn} zc-retire`} size="small" fill="outline" type="danger" loading={busy} disabled={busy} onClick={() => onStatus('retired')}>
            下线
          </Button>
        ) : (
          <Button className={`${styles.actionBtn} zc-publish`} size="small" type="primary" loading={busy} disabled={busy} onClick={() => onStatus('published')}>
            发布
          </Button>
        )}
      </View>
    </View>
  );
}
