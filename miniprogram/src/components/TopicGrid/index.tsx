import { Text, View } from '@tarojs/components';
import { TOPIC_GLYPHS, type Topic } from '@shared/constants';
import type { TopicCount } from '../../services/faq';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

// A calm palette; each topic keeps its colour wherever it appears.
// Each tint reads at 4.5:1 or better on white.
const TINTS = ['#1a5fd0', '#0b7558', '#9a4f00', '#7b4fd6', '#c2410c', '#0e7490'];

export function topicTint(topic: string): string {
  let h = 0;
  for (const ch of topic) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TINTS[h % TINTS.length] ?? '#1a5fd0';
}

/** The badge character of a topic: distinct for every topic. */
export function topicGlyph(topic: string): string {
  return TOPIC_GLYPHS[topic as Topic] ?? topic.slice(0, 1);
}

export function TopicGrid({ items, onPick }: { items: TopicCount[]; onPick: (topic: string) => void }) {
  return (
    <View className={styles.grid}>
      {items.map(({ topic, count }) => (
        <View
          key={topic}
          className={`${styles.cell} zc-topic`}
          {...a11y.button()}
          hoverClass={styles.pressed}
          onClick={() => onPick(topic)}
        >
          <View className={styles.glyph} style={{ color: topicTint(topic), borderColor: topicTint(topic) }} {...a11y.hidden()}>
            {topicGlyph(topic)}
          </View>
          <Text className={styles.name}>{topic}</Text>
          <Text className={styles.count}>{count} 条</Text>
        </View>
      ))}
    </View>
  );
}
