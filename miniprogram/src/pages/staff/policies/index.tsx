import { Input, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import type { PolicySummary } from '@shared/schemas/policy';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { LoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { usePaged } from '../../../hooks/usePaged';
import { useReloadOnReturn } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { interpretationRate, listManagedPolicies, type InterpretationRate } from '../../../services/policies';
import { canManage, ROLE_LABELS } from '../../../services/session';
import * as a11y from '../../../utils/a11y';
import { go, routes } from '../../../utils/nav';
import { ListStatus } from '../components/ListError';
import { PolicyStatusTag, ValidityTag } from '../components/PolicyForm';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Filter = 'all' | 'draft' | 'published';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
];
const PAGE_SIZE = 15;

export default function ManagePoliciesPage() {
  const [user] = useStoredUser();
  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能管理政策文件" />
      </Page>
    );
  }
  return <Policies user={user} />;
}

function Policies({ user }: { user: Me & { role: 'editor' | 'office' } }) {
  const office = user.role === 'office';
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  // Search as the editor types, after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const list = usePaged(
    (offset, limit) => listManagedPolicies({ status: filter === 'all' ? undefined : filter, q: q || undefined, offset, limit }),
    [filter, q],
    PAGE_SIZE,
  );
  const rate = useResource(() => (office ? interpretationRate() : Promise.resolve(null)), [office]);

  // Back from the editor: show what was saved, published or repealed there.
  useReloadOnReturn(() => {
    list.reload();
    if (office) void rate.refresh().catch(() => undefined);
  });

  return (
    <Page bar className="zc-manage-policies">
      <Text className={`${styles.scope} zc-policies-scope`}>
        {office ? '本区的政策文件' : `${user.unitName ?? ''}的政策文件`} · {ROLE_LABELS[user.role]}
      </Text>

      <View className={`${styles.link} zc-policies-go-review`} hoverClass={styles.pressed} {...a11y.link('需复核的问答')} onClick={() => go(routes.review())}>
        <View className={styles.linkBody}>
          <Text className={styles.linkText}>需复核的问答</Text>
          <Text className={styles.linkHint}>依据文件被修改、废止或失效的问答</Text>
        </View>
        <Text className={styles.chevron} {...a11y.hidden()}>
          ›
        </Text>
      </View>

      {office && <Rate rate={rate} />}

      <Input
        className={`${styles.search} zc-policies-search`}
        value={text}
        placeholder="按标题或文号查找"
        confirmType="search"
        onInput={(e) => setText(e.detail.value)}
        onConfirm={() => setQ(text.trim())}
      />
      <View className={styles.tabs}>
        {FILTERS.map((f) => (
          <View
            key={f.value}
            className={`${styles.tab} ${filter === f.value ? styles.tabOn : ''} zc-policies-tab-${f.value}`}
            {...a11y.tab(filter === f.value)}
            onClick={() => setFilter(f.value)}
          >
            {f.label}
          </View>
        ))}
      </View>

      <ListStatus list={list} />
      {list.status === 'ok' && list.items.length === 0 && (
        <EmptyState
          title={q ? '没有找到匹配的文件' : filter === 'draft' ? '没有草稿' : '这里还没有政策文件'}
          hint={q ? '换个关键词试试' : '点击下方「导入文件」，粘贴或选择一份文件'}
        />
      )}
      {list.status === 'ok' && list.total > 0 && <Text className={`${styles.total} zc-policies-total`}>共 {list.total} 份</Text>}
      {list.status === 'ok' &&
        list.items.map((p) => <PolicyRow key={p.id} policy={p} showUnit={office} onOpen={() => go(routes.editPolicy(p.id))} />)}
      <LoadMore list={list} />

      <View className={styles.bar}>
        <Button className={`${styles.barSide} zc-go-import-policy`} type="primary" fill="outline" size="large" onClick={() => go(routes.importPolicy())}>
          导入文件
        </Button>
        <Button className={`${styles.barMain} zc-create-policy`} type="primary" size="large" onClick={() => go(`${routes.importPolicy()}?blank=1`)}>
          新建
        </Button>
      </View>
    </Page>
  );
}

function PolicyRow({ policy: p, showUnit, onOpen }: { policy: PolicySummary; showUnit: boolean; onOpen: () => void }) {
  return (
    <View className={`${styles.row} zc-managed-policy`} data-id={p.id} data-status={p.status} hoverClass={styles.pressed} {...a11y.link()} onClick={onOpen}>
      <View className={styles.rowHead}>
        <PolicyStatusTag status={p.status} />
        {p.status === 'published' && <ValidityTag validity={p.validity} />}
        <Tag tone="plain">{p.type}</Tag>
      </View>
      <Text className={`${styles.title} zc-managed-policy-title`}>{p.title}</Text>
      <Text className={styles.meta}>
        {[p.docNumber, showUnit ? p.unitName : null, p.signedDate ?? p.publishedDate].filter(Boolean).join(' · ') || '无文号'}
      </Text>
    </View>
  );
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** 解读率 of the office's jurisdiction and of each unit, against the seeds' floor. */
function Rate({ rate }: { rate: { status: 'loading' | 'ok' | 'error'; data?: InterpretationRate | null; error?: unknown; reload: () => void } }) {
  if (rate.status === 'loading') return <Loading compact />;
  if (rate.status === 'error') return <ErrorState compact title="解读率加载失败" error={rate.error} onRetry={rate.reload} />;
  const r = rate.data;
  if (!r) return null;
  const floor = percent(r.floor);
  return (
    <Card
      title="政策解读率"
      extra={<Text className={styles.hint}>不低于 {floor}</Text>}
      className="zc-interpretation-rate"
    >
      <View className={styles.overall}>
        <Text className={`${styles.rate} ${r.overall.meetsFloor ? styles.good : styles.bad} zc-rate-overall`}>{percent(r.overall.rate)}</Text>
        <View className={styles.overallBody}>
          <Tag tone={r.overall.meetsFloor ? 'success' : 'danger'}>{r.overall.meetsFloor ? '达标' : '未达标'}</Tag>
          <Text className={styles.hint}>
            须解读的 {r.overall.needing} 份中已解读 {r.overall.interpreted} 份{r.overall.exempted ? `，免于解读 ${r.overall.exempted} 份` : ''}
          </Text>
        </View>
      </View>
      {r.units.map((u) => (
        <View key={u.unitId} className={`${styles.unitRate} zc-rate-unit`}>
          <Text className={styles.unitName}>{u.unitName}</Text>
          <Text className={styles.hint}>
            {u.interpreted}/{u.needing}
          </Text>
          <Tag tone={u.meetsFloor ? 'success' : 'danger'}>{percent(u.rate)}</Tag>
        </View>
      ))}
    </Card>
  );
}
