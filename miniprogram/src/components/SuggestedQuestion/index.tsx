import { Text, View } from '@tarojs/components';
import styles from './index.module.scss';

type Props = { question: string; matched?: string; questionClass?: string; matchedClass?: string };

/**
 * A suggested entry's standard question; when the resident's words matched one of its 相似问法,
 * that phrasing under it, so the standard wording is recognisable.
 */
export function SuggestedQuestion({ question, matched, questionClass = '', matchedClass = '' }: Props) {
  return (
    <View className={styles.text}>
      <Text className={`${styles.question} ${questionClass}`}>{question}</Text>
      {matched && <Text className={`${styles.matched} ${matchedClass}`}>也有人问：{matched}</Text>}
    </View>
  );
}
