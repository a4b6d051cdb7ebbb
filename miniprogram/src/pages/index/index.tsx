import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import SearchBar from '@nutui/nutui-react-taro/dist/es/packages/searchbar';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import { useState } from 'react';
import { usePullToReload } from '../../hooks/usePageReload';
import { EntryCard } from '../../components/EntryCard';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { TopicGrid } from '../../components/TopicGrid';
import { useResource } from '../../hooks/useResource';
import { useSuggestions } from '../../hooks/useSuggestions';
import { listFaq, listTopics, searchFaq } from '../../services/faq';
import { refreshUnread } from '../../services/notifications';
import { excerpt, shanghaiDate } from '../../utils/format';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

const EXAMPLES = ['打零工的怎么交社保', '生娃了能领多少钱', '退休了医保怎么办'];
const LISTS = [
  { sort: 'views', title: '热门问题', hint: '大家最常看的' },
  { sort: 'updated', title: '最近更新', hint: '新发布和新修改的' },
] as const;

export default function Home() {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const typing = submitted === null && text.trim() !== '';
  const suggestions = useSuggestions(submitted === null ? text : '');

  const topics = useResource(() => listTopics(), []);
  // 热门问题 by default; 最近更新 shows what offices have just published or changed.
  const [sort, setSort] = useState<'views' | 'updated'>('views');
  const hot = useResource(() => listFaq({ sort, limit: 10 }), [sort]);

  useDidShow(refreshUnread);

  usePullToReload(() => {
    topics.reload();
    hot.reload();
  });

  const submit = (value: string) => {
    const q = value.trim();
    if (q) setSubmitted(q);
  };

  const onChange = (value: string) => {
    setText(value);
    setSubmitted(null);
  };

  return (
    <View className={styles.page}>
      <View className={styles.hero}>
        <Text className={styles.heroTitle}>有政策问题，先问问这里</Text>
        <Text className={styles.heroSub}>用自己的话描述即可，例如「{EXAMPLES[0]}」</Text>
        <View className={`${styles.searchWrap} zc-search`}>
          <SearchBar
            className={styles.search}
            shape="round"
            value={text}
            placeholder="输入您想问的政策问题"
            maxLength={100}
            onChange={onChange}
            onSearch={submit}
            onClear={() => onChange('')}
            inputProps={{ confirmType: 'search' }}
            right={
              <View className={`${styles.searchBtn} zc-search-submit`} hoverClass={styles.searchBtnPressed} onClick={() => submit(text)}>
                搜索
              </View>
            }
          />
        </View>
        <View className={`${styles.askLine} zc-home-ask`}>
          <Text className={styles.askLineText}>找不到答案？向责任单位提问，5 个工作日内答复</Text>
          <View className={styles.askLineLinks}>
            <View className={`${styles.askPill} zc-home-ask-btn`} hoverClass={styles.searchBtnPressed} onClick={() => go(routes.ask())}>
              我要咨询
            </View>
            <Text className={`${styles.askMine} zc-home-my-inquiries`} onClick={() => go(routes.inquiries())}>
              我的咨询 ›
            </Text>
          </View>
        </View>
      </View>

      {typing && <SuggestionPanel state={suggestions} text={text} />}
      {submitted !== null && <Results query={submitted} onClear={() => onChange('')} />}

      {!typing && submitted === null && (
        <>
          <View className={styles.section}>
            <View className={styles.sectionHead}>
              <Text className={styles.sectionTitle}>按主题查找</Text>
            </View>
            {topics.status === 'loading' && <Loading compact />}
            {topics.status === 'error' && <ErrorState compact error={topics.error} onRetry={topics.reload} />}
            {topics.status === 'ok' && <TopicGrid items={topics.data.items} onPick={(t) => go(routes.topic(t))} />}
          </View>

          <View className={`${styles.section} zc-hot`}>
            <View className={styles.sectionHead}>
              <View className={styles.sectionTabs}>
                {LISTS.map((l) => (
                  <Text
                    key={l.sort}
                    className={`${styles.sectionTab} ${sort === l.sort ? styles.sectionTabActive : ''} zc-home-list-${l.sort}`}
                    onClick={() => setSort(l.sort)}
                  >
                    {l.title}
                  </Text>
                ))}
              </View>
              <Text className={styles.sectionHint}>{LISTS.find((l) => l.sort === sort)!.hint}</Text>
            </View>
            {hot.status === 'loading' && <Loading compact />}
            {hot.status === 'error' && <ErrorState compact error={hot.error} onRetry={hot.reload} />}
            {hot.status === 'ok' && hot.data.items.length === 0 && (
              <EmptyState compact title="还没有已发布的问答" hint="问答上线后会显示在这里" />
            )}
            {hot.status === 'ok' && hot.data.items.length > 0 && (
              <View className={styles.list}>
                {hot.data.items.map((item, i) => (
                  <EntryCard
                    key={item.id}
                    rank={sort === 'views' ? i + 1 : undefined}
                    question={item.question}
                    topic={item.topic}
                    meta={sort === 'views' ? `${item.views} 次浏览` : `${shanghaiDate(item.updatedAt)} 更新`}
                    onClick={() => go(routes.entry(item.id))}
                  />
                ))}
              </View>
            )}
          </View>
        </>
      )}
    </View>
  );
}

function SuggestionPanel({ state, text }: { state: ReturnType<typeof useSuggestions>; text: string }) {
  const items = state.status === 'ok' || state.status === 'loading' ? state.items : [];
  return (
    <View
      className={`${styles.section} ${styles.suggest} zc-suggestions`}
      data-status={state.status}
      data-query={state.status === 'idle' ? '' : state.query}
    >
      {state.status === 'loading' && items.length === 0 && <Loading compact text="正在查找相近的问题…" />}
      {state.status === 'error' && <ErrorState compact title="查询失败" error={state.error} onRetry={state.retry} />}
      {state.status === 'ok' && items.length === 0 && (
        <EmptyState compact title="没有找到相近的问题" hint="换个说法试试，或者少写几个字" />
      )}
      {items.length > 0 && (
        <View className={`${styles.list} ${state.status === 'loading' ? styles.stale : ''}`}>
          <Text className={styles.suggestHead}>您是不是想问</Text>
          {items.map((item) => (
            <View
              key={item.id}
              className={`${styles.suggestItem} zc-suggestion`}
              hoverClass={styles.suggestPressed}
              onClick={() => go(routes.entry(item.id))}
            >
              <View className={styles.suggestText}>
                <Text className={styles.suggestQuestion}>{item.question}</Text>
                {/* The resident's own words matched a 相似问法: show it, so the standard wording is recognisable. */}
                {item.matched && <Text className={`${styles.suggestMatched} zc-suggestion-matched`}>也有人问：{item.matched}</Text>}
              </View>
              <Text className={styles.suggestTopic}>{item.topic}</Text>
            </View>
          ))}
        </View>
      )}
      {state.status !== 'loading' && (
        <View className={`${styles.askRow} zc-ask-from-suggestions`} hoverClass={styles.suggestPressed} onClick={() => go(routes.ask({ q: text.trim() }))}>
          <Text className={styles.askRowText}>没找到想问的？直接向责任单位提问</Text>
          <Text className={styles.askRowLink}>我要咨询 ›</Text>
        </View>
      )}
    </View>
  );
}

function Results({ query, onClear }: { query: string; onClear: () => void }) {
  const results = useResource(() => searchFaq(query, 20), [query]);
  return (
    <View className={`${styles.section} zc-results`}>
      <View className={styles.sectionHead}>
        <Text className={styles.sectionTitle}>「{query}」的查询结果</Text>
        <Text className={styles.link} onClick={onClear}>
          清除
        </Text>
      </View>
      {results.status === 'loading' && <Loading />}
      {results.status === 'error' && <ErrorState error={results.error} onRetry={results.reload} />}
      {results.status === 'ok' && results.data.items.length === 0 && (
        <EmptyState
          title="没有找到相关问答"
          hint="换个说法试试，或者直接向责任单位提问，5 个工作日内答复。"
          action={
            <Button className="zc-ask-from-search" type="primary" onClick={() => go(routes.ask({ q: query }))}>
              我要咨询
            </Button>
          }
        />
      )}
      {results.status === 'ok' && results.data.items.length > 0 && (
        <View className={styles.list}>
          {results.data.items.map((item) => (
            <EntryCard
              key={item.id}
              question={item.question}
              excerpt={excerpt(item.answer, 56)}
              topic={item.topic}
              meta={item.matched ? `也有人问：${item.matched}` : undefined}
              onClick={() => go(routes.entry(item.id))}
            />
          ))}
        </View>
      )}
    </View>
  );
}
