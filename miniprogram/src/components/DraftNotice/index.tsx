import { Text, View } from '@tarojs/components';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

/** Says that a form came back as it was left, and offers to start over. */
export function DraftNotice({ text, discardLabel, onDiscard }: { text: string; discardLabel: string; onDiscard: () => void }) {
  return (
    <View className={`${styles.notice} zc-draft-notice`}>
      <Text className={styles.text}>{text}</Text>
      <Text className={`${styles.discard} zc-draft-discard`} {...a11y.button()} onClick={onDiscard}>
        {discardLabel}
      </Text>
    </View>
  );
}
