import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { usePullToReload } from '../../hooks/usePageReload';
import { ErrorState, Loading } from '../../components/Status';
import { topicTint } from '../../components/TopicGrid';
import { useResource } from '../../hooks/useResource';
import { listTopics } from '../../services/faq';
import { refreshUnread } from '../../services/notifications';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

export default function Topics() {
  const topics = useResource(() => listTopics(), []);
  useDidShow(refreshUnread);
  usePullToReload(topics.reload);

  return (
    <View className={styles.page}>
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
              onClick={() => go(routes.topic(topic))}
            >
              <View className={styles.glyph} style={{ background: topicTint(topic) }}>
                {topic.slice(0, 1)}
              </View>
              <Text className={styles.name}>{topic}</Text>
              <Text className={count > 0 ? styles.count : styles.countNone}>{count > 0 ? `${count} 条` : '暂无'}</Text>
              <Text className={styles.chevron}>›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
