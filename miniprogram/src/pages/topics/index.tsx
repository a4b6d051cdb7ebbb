import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { usePullToReload } from '../../hooks/usePageReload';
import { ErrorState, Loading } from '../../components/Status';
import { Page } from '../../components/Page';
import { topicGlyph, topicTint } from '../../components/TopicGrid';
import { useResource } from '../../hooks/useResource';
import { listTopics } from '../../services/faq';
import { refreshUnread } from '../../services/notifications';
import * as a11y from '../../utils/a11y';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

export default function Topics() {
  const topics = useResource(() => listTopics(), []);
  useDidShow(refreshUnread);
  usePullToReload(topics.reload);

  return (
    <Page variant="flush">
      <Text className={styles.intro}>按主题浏览已发布的政策问答</Text>
      {topics.status === 'loading' && <Loading />}
      {topics.status === 'error' && <ErrorState error={topics.error} onRetry={topics.reload} />}
      {topics.status === 'ok' && (
        <View className={styles.list}>
          {topics.data.items.map(({ topic, count }) => (
            <View
              key={topic}
              className={`${styles.row} zc-topic-row`}
              hoverClass={styles.pressed}
              {...a11y.button()}
              onClick={() => go(routes.topic(topic))}
            >
              <View className={styles.glyph} style={{ background: topicTint(topic) }} {...a11y.hidden()}>
                {topicGlyph(topic)}
              </View>
              <Text className={styles.name}>{topic}</Text>
              <Text className={count > 0 ? styles.count : styles.countNone}>{count > 0 ? `${count} 条` : '暂无'}</Text>
              <Text className={styles.chevron} {...a11y.hidden()}>
                ›
              </Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
