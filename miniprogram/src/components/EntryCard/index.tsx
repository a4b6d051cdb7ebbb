import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

type Props = {
  question: string;
  topic?: string;
  excerpt?: string;
  meta?: ReactNode;
  rank?: number;
  onClick: () => void;
};

/** One knowledge-base entry in a list; the whole card is the tap target. */
export function EntryCard({ question, topic, excerpt, meta, rank, onClick }: Props) {
  return (
    <View className={`${styles.card} zc-entry-card`} hoverClass={styles.pressed} {...a11y.link()} onClick={onClick}>
      {rank !== undefined && <Text className={`${styles.rank} ${rank <= 3 ? styles.top : ''}`}>{rank}</Text>}
      <View className={styles.body}>
        <Text className={styles.question}>{question}</Text>
        {excerpt && <Text className={styles.excerpt}>{excerpt}</Text>}
        {(topic || meta) && (
          <View className={styles.meta}>
            {topic && <Text className={styles.topic}>{topic}</Text>}
            {meta && <Text className={styles.metaText}>{meta}</Text>}
          </View>
        )}
      </View>
      <Text className={styles.chevron} {...a11y.hidden()}>
        ›
      </Text>
    </View>
  );
}
