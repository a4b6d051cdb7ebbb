import { Text, View } from '@tarojs/components';
import { AnswerText } from '../AnswerText';
import styles from './index.module.scss';

/** The answer given to a resident, as both the resident and staff see it; `meta` says who and when. */
export function ReplyCard({ reply, meta }: { reply: string; meta: string }) {
  return (
    <View className={`${styles.card} zc-reply`}>
      <Text className={styles.title}>答复</Text>
      <AnswerText className={`${styles.text} zc-reply-text`} text={reply} />
      {meta && <Text className={styles.meta}>{meta}</Text>}
    </View>
  );
}
