import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import styles from './index.module.scss';

/** A label and its value on one line (责任单位 · 区人社局), wrapping the value when long. */
export function InfoRow({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={styles.row}>
      <Text className={styles.label}>{label}</Text>
      <Text className={`${styles.value} ${className}`}>{children}</Text>
    </View>
  );
}
