import { Text, View } from '@tarojs/components';
import { useResource } from '../../hooks/useResource';
import { errorMessage } from '../../services/api';
import { listAnswerers, type Answerer } from '../../services/inquiry';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

type Props = {
  unitId: string;
  /** The chosen answerer's name or id, to show it as chosen. */
  selected?: string | null;
  onPick: (answerer: Answerer) => void;
  /** Leave someone out (e.g. the answerer who has it already). */
  exclude?: string | null;
  disabled?: boolean;
};

/** The unit's named policy answerers (public by rule) as chips to pick one from. */
export function AnswererChips({ unitId, selected, onPick, exclude, disabled = false }: Props) {
  const answerers = useResource(() => listAnswerers(unitId), [unitId]);
  if (answerers.status === 'loading') return <Text className={styles.note}>正在读取解答员名单…</Text>;
  if (answerers.status === 'error') {
    return (
      <View className={styles.errorRow} data-state="error">
        <Text className={styles.error}>{errorMessage(answerers.error)}</Text>
        <Text className={`${styles.retry} zc-retry`} onClick={answerers.reload}>
          重试
        </Text>
      </View>
    );
  }
  const items = answerers.data.items.filter((a) => a.id !== exclude);
  if (items.length === 0) return <Text className={styles.note}>该单位暂无其他政策解答员</Text>;
  return (
    <View className={`${styles.chips} zc-answerers`}>
      {items.map((a) => {
        const on = selected === a.id || selected === a.name;
        return (
          <View
            key={a.id}
            className={`${styles.chip} ${on ? styles.chipOn : ''} ${disabled ? styles.disabled : ''} zc-answerer-chip`}
            data-name={a.name}
            {...a11y.choice(on)}
            aria-disabled={disabled ? 'true' : 'false'}
            onClick={() => !disabled && onPick(a)}
          >
            {a.name}
          </View>
        );
      })}
    </View>
  );
}
