import { ScrollView, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import SearchBar from '@nutui/nutui-react-taro/dist/es/packages/searchbar';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import { POLICY_TYPES, type PolicyType } from '@shared/policy/constants';
import { VALIDITIES, type Validity } from '@shared/policy/rules';
import type { Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { PolicyCard } from '../../components/PolicyCard';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { UnitPicker } from '../../components/UnitPicker';
import { useEscape } from '../../hooks/useEscape';
import { usePaged } from '../../hooks/usePaged';
import { usePullToReload } from '../../hooks/usePageReload';
import { refreshUnread } from '../../services/notifications';
import { listPolicies } from '../../services/policies';
import * as a11y from '../../utils/a11y';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

const PAGE_SIZE = 10;
// The last eight years: older documents are found by their title or 文号.
const YEARS = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);

type Filters = { type?: PolicyType; validity?: Validity; year?: number; unit?: Unit };

export default function Policies() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [topic, setTopic] = useState<Topic | ''>('');
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState(false);
  useDidShow(refreshUnread);

  const list = usePaged(
    (offset, limit) =>
      listPolicies({
        q: q || undefined,
        topic: topic || undefined,
        type: filters.type,
        validity: filters.validity,
        year: filters.year,
        unitId: filters.unit?.id,
        offset,
        limit,
      }),
    [q, topic, filters],
    PAGE_SIZE,
  );
  usePullToReload(list.reload);

  const chosen = [filters.type, filters.validity, filters.year && `${filters.year} 年`, filters.unit?.name].filter(Boolean) as string[];
  const narrowed = Boolean(q || topic || chosen.length);

  return (
    <Page variant="flush" className="zc-policies">
      <View className={styles.head}>
        <View className="zc-policy-search">
          <SearchBar
            className={styles.search}
            shape="round"
            value={text}
            placeholder="搜索政策标题、文号或关键词"
            maxLength={100}
            onChange={(v) => {
              setText(v);
              if (!v.trim()) setQ('');
            }}
            onSearch={(v) => setQ(v.trim())}
            onClear={() => {
              setText('');
              setQ('');
            }}
            inputProps={{ confirmType: 'search', ariaLabel: '搜索政策标题、文号或关键词' }}
            right={
              <View className={`${styles.searchBtn} zc-policy-search-submit`} {...a11y.button('搜索')} onClick={() => setQ(text.trim())}>
                搜索
              </View>
            }
          />
        </View>
        <ScrollView scrollX enhanced showScrollbar={false} className={styles.topics} {...{ role: 'group', 'aria-label': '按主题筛选' }}>
          {(['', ...TOPICS] as const).map((t) => (
            <View key={t || 'all'} className={`${styles.topic} ${topic === t ? styles.topicOn : ''} zc-policy-topic`} {...a11y.choice(topic === t)} onClick={() => setTopic(t)}>
              {t || '全部'}
            </View>
          ))}
        </ScrollView>
        <View className={styles.filterRow}>
          <View className={`${styles.filterBtn} zc-policy-filter`} hoverClass={styles.pressed} {...a11y.button(`筛选${chosen.length ? `：${chosen.join('、')}` : ''}`)} onClick={() => setOpen(true)}>
            筛选{chosen.length > 0 ? `（${chosen.length}）` : ''} ▾
          </View>
          <Text className={`${styles.chosen} zc-policy-chosen`}>{chosen.length ? chosen.join(' · ') : '类型、有效性、年份、发布单位'}</Text>
          <View className={`${styles.subscribe} zc-go-subscriptions`} {...a11y.link()} onClick={() => go(routes.subscriptions())}>
            订阅 ›
          </View>
        </View>
      </View>

      <View className={styles.body}>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.status === 'ok' && list.items.length === 0 && (
          <EmptyState
            title={narrowed ? '没有符合条件的政策文件' : '还没有发布政策文件'}
            hint={narrowed ? '换个关键词，或减少筛选条件' : '文件发布后会显示在这里'}
            action={
              narrowed ? (
                <Button
                  className="zc-policy-reset"
                  type="primary"
                  fill="outline"
                  onClick={() => {
                    setText('');
                    setQ('');
                    setTopic('');
                    setFilters({});
                  }}
                >
                  查看全部文件
                </Button>
              ) : undefined
            }
          />
        )}
        {list.status === 'ok' && list.items.length > 0 && (
          <>
            <Text className={`${styles.total} zc-policy-total`}>共 {list.total} 份文件</Text>
            <View className={styles.list}>
              {list.items.map((p) => (
                <PolicyCard
                  key={p.id}
                  title={p.title}
                  docNumber={p.docNumber}
                  validity={p.validity}
                  issuer={p.issuer ?? p.unitName}
                  type={p.type}
                  date={p.publishedDate ?? p.signedDate}
                  onClick={() => go(routes.policy(p.id))}
                />
              ))}
            </View>
          </>
        )}
        <LoadMore list={list} endText="没有更多了" />
      </View>

      <FilterPanel open={open} value={filters} onClose={() => setOpen(false)} onApply={(f) => { setFilters(f); setOpen(false); }} />
    </Page>
  );
}

function Choices<T extends string | number>({ label, options, value, onPick }: { label: string; options: readonly T[]; value: T | undefined; onPick: (v: T | undefined) => void }) {
  return (
    <View className={styles.group}>
      <Text className={styles.groupLabel}>{label}</Text>
      <View className={styles.choices} {...{ role: 'group', 'aria-label': label }}>
        {([undefined, ...options] as (T | undefined)[]).map((o) => (
          <View key={String(o ?? 'all')} className={`${styles.choice} ${value === o ? styles.choiceOn : ''} zc-policy-choice`} {...a11y.choice(value === o)} onClick={() => onPick(o)}>
            {o === undefined ? '不限' : String(o)}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The filters beyond the topic, chosen together and applied at once. */
function FilterPanel({ open, value, onClose, onApply }: { open: boolean; value: Filters; onClose: () => void; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(value);
  useEscape(open, onClose);
  return (
    <Popup visible={open} position="bottom" round closeable title="筛选政策文件" onClose={onClose} onOpen={() => setDraft(value)}>
      <View className={`${styles.panel} zc-policy-filters`}>
        <Choices label="文件类型" options={POLICY_TYPES} value={draft.type} onPick={(type) => setDraft({ ...draft, type })} />
        <Choices label="有效性" options={VALIDITIES} value={draft.validity} onPick={(validity) => setDraft({ ...draft, validity })} />
        <Choices label="发布年份" options={YEARS} value={draft.year} onPick={(year) => setDraft({ ...draft, year })} />
        <View className={styles.group}>
          <Text className={styles.groupLabel}>发布单位</Text>
          <UnitPicker value={draft.unit ?? null} placeholder="不限单位" onChange={(unit) => setDraft({ ...draft, unit })} onClear={() => setDraft({ ...draft, unit: undefined })} />
        </View>
        <View className={styles.panelActions}>
          <Button className="zc-policy-filters-clear" fill="outline" type="primary" onClick={() => setDraft({})}>
            清空
          </Button>
          <Button className="zc-policy-filters-apply" type="primary" onClick={() => onApply(draft)}>
            查看结果
          </Button>
        </View>
      </View>
    </Popup>
  );
}
