import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

type Props = PropsWithChildren<{ title?: ReactNode; extra?: ReactNode; className?: string; tight?: boolean }>;

/** The white rounded block every screen is built from, with an optional title row. */
export function Card({ title, extra, className = '', tight = false, children }: Props) {
  return (
    <View className={`${styles.card} ${tight ? styles.tight : ''} ${className}`}>
      {(title || extra) && (
        <View className={styles.head}>
          {title && (
            <Text className={styles.title} {...a11y.heading(2)}>
              {title}
            </Text>
          )}
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}
