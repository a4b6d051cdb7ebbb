import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElder } from '../../stores/elder';
import styles from './index.module.scss';

type Props = PropsWithChildren<{
  /** `flush`: no side padding (a page with its own full-width header); `bar`: room for a fixed bottom bar. */
  variant?: 'padded' | 'flush';
  bar?: boolean;
  className?: string;
}>;

/** Every screen's root: the page background, safe-area padding and the 长辈模式 class. */
export function Page({ variant = 'padded', bar = false, className = '', children }: Props) {
  const { on } = useElder();
  return (
    <View className={`${styles.page} ${styles[variant]} ${bar ? styles.bar : ''} ${on ? 'zc-elder' : ''} ${className}`}>
      {children}
    </View>
  );
}
