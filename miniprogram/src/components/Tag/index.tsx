import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import styles from './index.module.scss';

export type Tone = 'primary' | 'success' | 'warn' | 'danger' | 'plain';

/** A small label (topic, status, 已过期 …); the tone carries meaning, the text says it. */
export function Tag({ tone = 'primary', className = '', children }: PropsWithChildren<{ tone?: Tone; className?: string }>) {
  return <Text className={`${styles.tag} ${styles[tone]} ${className}`}>{children}</Text>;
}
