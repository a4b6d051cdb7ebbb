import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import SearchBar from '@nutui/nutui-react-taro/dist/es/packages/searchbar';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import { HOTLINE } from '@shared/constants';
import { useState } from 'react';
import { usePullToReload } from '../../hooks/usePageReload';
import { EntryCard } from '../../components/EntryCard';
import { Page } from '../../components/Page';
import { SuggestedQuestion } from '../../components/SuggestedQuestion';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { TopicGrid } from '../../components/TopicGrid';
import { useResource } from '../../hooks/useResource';
import { useSuggestions } from '../../hooks/useSuggestions';
import { PolicyCard } from '../../components/PolicyCard';
import type { Cancel } from '../../services/api';
import { listFaq, listTopics } from '../../services/faq';
import { refreshUnread } from '../../services/notifications';
import { searchAll } from '../../services/policies';
import { dismissElderOffer, setElder, useElder } from '../../stores/elder';
import * as a11y from '../../utils/a11y';
import { excerpt, shanghaiDate } from '../../utils/format';
import { go, routes } from '../../utils/nav';
import { callPhone } from '../../utils/phone';
import styles from './index.module.scss';

const EXAMPLES = ['打零工的怎么交社保', '生娃了能领多少钱', '退休了医保怎么办'];
/** One search box: entries that answer the question first, the policies behind them under 相关政策. */
const everything = (q: string, limit: number, cancel?: Cancel) => searchAll(q, limit, cancel).then((r) => ({ items: r.faq, policies: r.policies }));
const SUGGESTED_POLICIES = 3;

const LISTS = [
  { sort: 'views', title: '热门问题', hint: '大家最常看的' },
  { sort: 'updated', title: '最近更新', hint: '新发布和新修改的' },
] as const;

export default function Home() {
  const elder = useElder();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const typing = submitted === null && text.trim() !== '';
  const suggestions = useSuggestions(submitted === null ? text : '', 5, everything);
  const browsing = !typing && submitted === null;

  useDidShow(refreshUnread);

  const submit = (value: string) => {
    const q = value.trim();
    if (q) setSubmitted(q);
  };

  const onChange = (value: string) => {
    setText(value);
    setSubmitted(null);
  };

  return (
    <Page variant="flush">
      <View className={styles.hero}>
        <Text className={styles.heroTitle} {...a11y.heading(1)}>
          有政策问题，先问问这里
        </Text>
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
            inputProps={{ confirmType: 'search', ariaLabel: '输入您想问的政策问题' }}
            right={
              <View
                className={`${styles.searchBtn} zc-search-submit`}
                hoverClass={styles.pressed}
                {...a11y.button('搜索')}
                onClick={() => submit(text)}
              >
                搜索
              </View>
            }
          />
        </View>
        <View className={`${styles.askLine} zc-home-ask`}>
          <Text className={styles.askLineText}>找不到答案？向责任单位提问，5 个工作日内答复</Text>
          <View className={styles.askLineLinks}>
            <View className={`${styles.askPill} zc-home-ask-btn`} hoverClass={styles.pressed} {...a11y.button()} onClick={() => go(routes.ask())}>
              我要咨询
            </View>
            <View className={`${styles.askMine} zc-home-my-inquiries`} {...a11y.link()} onClick={() => go(routes.inquiries())}>
              我的咨询 ›
            </View>
          </View>
        </View>
      </View>

      {browsing && !elder.offered && <ElderOffer />}
      {typing && <SuggestionPanel state={suggestions} text={text} />}
      {submitted !== null && <Results query={submitted} onClear={() => onChange('')} />}
      {browsing && elder.on && <Hotline />}
      {/* Hidden, not unmounted, while searching: clearing the search shows the lists again without fetching them again. */}
      {!elder.on && <Browse hidden={!browsing} />}
    </Page>
  );
}

/** Asked once, on first use: most people who need large text never look for a setting. */
function ElderOffer() {
  return (
    <View className={`${styles.section} ${styles.offer} zc-elder-offer`}>
      <Text className={styles.offerText}>字太小、看不清？可以打开长辈模式：字更大，按钮更大，首页更简单。</Text>
      <View className={styles.offerActions}>
        <Button className="zc-elder-offer-on" type="primary" onClick={() => setElder(true)}>
          打开长辈模式
        </Button>
        <Button className="zc-elder-offer-off" type="default" fill="outline" onClick={dismissElderOffer}>
          不用了
        </Button>
      </View>
      <Text className={styles.offerHint}>以后可以在「我的」里随时开关</Text>
    </View>
  );
}

/** 长辈模式's home: besides search and 我要咨询, one number to call. */
function Hotline() {
  return (
    <View className={`${styles.section} ${styles.hotline} zc-hotline`}>
      <Text className={styles.hotlineText}>不方便打字？打电话问</Text>
      <View
        className={`${styles.hotlineCall} zc-hotline-call`}
        hoverClass={styles.pressed}
        {...a11y.button()}
        onClick={() => callPhone(HOTLINE.number)}
      >
        <Text className={styles.hotlineNumber}>{HOTLINE.number}</Text>
        <Text className={styles.hotlineName}>{HOTLINE.name}，点此拨打</Text>
      </View>
    </View>
  );
}

function Browse({ hidden }: { hidden: boolean }) {
  const topics = useResource(() => listTopics(), []);
  // 热门问题 by default; 最近更新 shows what offices have just published or changed.
  const [sort, setSort] = useState<'views' | 'updated'>('views');
  const hot = useResource(() => listFaq({ sort, limit: 10 }), [sort]);
  usePullToReload(() => {
    topics.reload();
    hot.reload();
  });
  return (
    <View className={hidden ? styles.hidden : ''}>
      <View className={styles.section}>
        <View className={styles.sectionHead}>
          <Text className={styles.sectionTitle} {...a11y.heading(2)}>
            按主题查找
          </Text>
          <View className={`${styles.link} zc-go-topics`} {...a11y.link('全部分类和问答数')} onClick={() => go(routes.topics())}>
            全部分类 ›
          </View>
        </View>
        {topics.status === 'loading' && <Loading compact />}
        {topics.status === 'error' && <ErrorState compact error={topics.error} onRetry={topics.reload} />}
        {topics.status === 'ok' && <TopicGrid items={topics.data.items} onPick={(t) => go(routes.topic(t))} />}
        <View className={`${styles.link} zc-go-public-answers`} {...a11y.link('咨询公开：别人问过的问题和答复')} onClick={() => go(routes.publicAnswers())}>
          咨询公开：看看别人问过什么 ›
        </View>
      </View>

      <View className={`${styles.section} zc-hot`}>
        <View className={styles.sectionHead}>
          <View className={styles.sectionTabs} {...{ role: 'tablist' }}>
            {LISTS.map((l) => (
              <View
                key={l.sort}
                className={`${styles.sectionTab} ${sort === l.sort ? styles.sectionTabActive : ''} zc-home-list-${l.sort}`}
                {...a11y.tab(sort === l.sort)}
                onClick={() => setSort(l.sort)}
              >
                {l.title}
              </View>
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
    </View>
  );
}

/** The end of every suggestion list and result list: ask in the words just typed. */
function AskWithWords({ words }: { words: string }) {
  return (
    <View
      className={`${styles.askRow} zc-ask-with-words`}
      hoverClass={styles.pressed}
      {...a11y.button(`没找到？用这句话咨询：${words}`)}
      onClick={() => go(routes.ask({ q: words, search: '1' }))}
    >
      <View className={styles.askRowText}>
        <Text className={styles.askRowTitle}>没找到？用这句话咨询</Text>
        <Text className={styles.askRowWords}>「{words}」</Text>
      </View>
      <Text className={styles.askRowLink} {...a11y.hidden()}>
        ›
      </Text>
    </View>
  );
}

function SuggestionPanel({ state, text }: { state: ReturnType<typeof useSuggestions>; text: string }) {
  const items = state.status === 'ok' || state.status === 'loading' ? state.items : [];
  const policies = state.status === 'ok' || state.status === 'loading' ? state.policies.slice(0, SUGGESTED_POLICIES) : [];
  const words = text.trim();
  return (
    <View
      className={`${styles.section} ${styles.suggest} zc-suggestions`}
      data-status={state.status}
      data-query={state.status === 'idle' ? '' : state.query}
    >
      {state.status === 'loading' && items.length === 0 && <Loading compact text="正在查找相近的问题…" />}
      {state.status === 'error' && <ErrorState compact title="查询失败" error={state.error} onRetry={state.retry} />}
      {state.status === 'ok' && items.length === 0 && policies.length === 0 && (
        <EmptyState compact title="没有找到相近的问题" hint="换个说法试试，或者少写几个字" />
      )}
      {items.length > 0 && (
        <View className={`${styles.list} ${state.status === 'loading' ? styles.stale : ''}`}>
          <Text className={styles.suggestHead}>您是不是想问</Text>
          {items.map((item) => (
            <View
              key={item.id}
              className={`${styles.suggestItem} zc-suggestion`}
              hoverClass={styles.pressed}
              {...a11y.link()}
              onClick={() => go(routes.entry(item.id, words))}
            >
              <SuggestedQuestion question={item.question} matched={item.matched} matchedClass="zc-suggestion-matched" />
              <Text className={styles.suggestTopic}>{item.topic}</Text>
            </View>
          ))}
        </View>
      )}
      {policies.length > 0 && (
        <View className={`${styles.list} ${state.status === 'loading' ? styles.stale : ''} zc-suggested-policies`}>
          <Text className={styles.suggestHead}>相关政策</Text>
          {policies.map((p) => (
            <View key={p.id} className={`${styles.suggestItem} zc-suggested-policy`} hoverClass={styles.pressed} {...a11y.link()} onClick={() => go(routes.policy(p.id))}>
              <Text className={styles.suggestPolicy}>{p.title}</Text>
              <Text className={styles.suggestTopic}>{p.docNumber ?? p.unitName}</Text>
            </View>
          ))}
        </View>
      )}
      {state.status !== 'loading' && words && <AskWithWords words={words} />}
    </View>
  );
}

function Results({ query, onClear }: { query: string; onClear: () => void }) {
  const results = useResource(() => searchAll(query, 20, undefined, true), [query]);
  const found = results.status === 'ok' ? results.data : null;
  // A confident first entry is the answer; without one the resident is offered 我要咨询 first.
  const answer = found?.faq[0]?.confident ? found.faq[0] : null;
  const related = found ? found.faq.slice(answer ? 1 : 0) : [];
  return (
    <View className={`${styles.section} zc-results`} data-confident={answer ? 'yes' : 'no'}>
      <View className={styles.sectionHead}>
        <Text className={styles.sectionTitle} {...a11y.heading(2)}>
          「{query}」的查询结果
        </Text>
        <View className={`${styles.link} zc-results-clear`} {...a11y.button('清除查询')} onClick={onClear}>
          清除
        </View>
      </View>
      {results.status === 'loading' && <Loading />}
      {results.status === 'error' && <ErrorState error={results.error} onRetry={results.reload} />}
      {found && answer && (
        <View className={`${styles.answer} zc-answer`} hoverClass={styles.pressed} {...a11y.link()} onClick={() => go(routes.entry(answer.id, query))}>
          <Text className={styles.answerLabel}>最符合的答案</Text>
          <Text className={`${styles.answerQuestion} zc-answer-question`}>{answer.question}</Text>
          <Text className={styles.answerText}>{excerpt(answer.answer, 90)}</Text>
          <Text className={styles.answerMore}>查看完整答复 ›</Text>
        </View>
      )}
      {found && !answer && (
        <View className={`${styles.noAnswer} zc-no-answer`}>
          <Text className={styles.noAnswerTitle}>问答库里没有确切的答案</Text>
          <Text className={styles.noAnswerText}>可以直接向责任单位提问，5 个工作日内答复{related.length ? '；下面是可能相关的内容' : ''}。</Text>
          <AskWithWords words={query} />
        </View>
      )}
      {found && related.length > 0 && (
        <>
          <Text className={styles.groupTitle} {...a11y.heading(3)}>
            {answer ? '相关问答' : '可能相关的问答'}
          </Text>
          <View className={`${styles.list} zc-related-entries`}>
            {related.map((item) => (
              <EntryCard
                key={item.id}
                question={item.question}
                excerpt={excerpt(item.answer, 56)}
                topic={item.topic}
                meta={item.matched ? `也有人问：${item.matched}` : undefined}
                onClick={() => go(routes.entry(item.id, query))}
              />
            ))}
          </View>
        </>
      )}
      {found && found.policies.length > 0 && (
        <>
          <Text className={styles.groupTitle} {...a11y.heading(3)}>
            相关政策
          </Text>
          <View className={`${styles.list} zc-related-policies`}>
            {found.policies.slice(0, 5).map((p) => (
              <PolicyCard key={p.id} title={p.title} docNumber={p.docNumber} validity={p.validity} issuer={p.unitName} type={p.type} onClick={() => go(routes.policy(p.id))} />
            ))}
          </View>
        </>
      )}
      {found && answer && <AskWithWords words={query} />}
    </View>
  );
}
