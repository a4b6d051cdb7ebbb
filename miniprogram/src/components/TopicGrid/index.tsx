import { Text, View } from '@tarojs/components';
import type { TopicCount } from '../../services/faq';
import styles from './index.module.scss';

// A calm palette; each topic keeps its colour wherever it appears.
const TINTS = ['#1f6feb', '#0f8a6a', '#b35c00', '#7b4fd6', '#c2410c', '#0e7490'];

export function topicTint(topic: string): string {
  let h = 0;
  for (const ch of topic) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TINTS[h % TINTS.length] ?? '#1f6feb';
}

export function TopicGrid({ items, onPick }: { items: TopicCount[]; onPick: (topic: string) => void }) {
  return (
    <View className={styles.grid}>
      {items.map(({ topic, count }) => (
        <View
          key={topic}
          className={`${styles.cell} zc-topic`}
          hoverClass={styles.pressed}
          onClick={() => onPick(topic)}
        >
          <View className={styles.glyph} style={{ color: topicTint(topic), borderColor: topicTint(topic) }}>
            {topic.slice(0, 1)}
          </View>
          <Text className={styles.name}>{topic}</Text>
          <Text className={styles.count}>{count} 条</Text>
        </View>
      ))}
    </View>
  );
}
