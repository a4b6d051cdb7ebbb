import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import styles from './index.module.scss';

export function Loading({ text = '加载中…', compact = false }: { text?: string; compact?: boolean }) {
  return (
    <View className={`${styles.box} ${compact ? styles.compact : ''}`} data-state="loading">
      <View className={styles.spinner} />
      <Text className={styles.hint}>{text}</Text>
    </View>
  );
}

export function ErrorState({
  error,
  onRetry,
  compact = false,
  title = '加载失败',
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
  title?: string;
}) {
  return (
    <View className={`${styles.box} ${compact ? styles.compact : ''}`} data-state="error">
      <View className={`${styles.badge} ${styles.badgeError}`}>!</View>
      <Text className={styles.title}>{title}</Text>
      <Text className={styles.hint}>{errorMessage(error)}</Text>
      {onRetry && (
        <Button className={`${styles.action} zc-retry`} type="primary" fill="outline" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export function EmptyState({
  title,
  hint,
  action,
  compact = false,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <View className={`${styles.box} ${compact ? styles.compact : ''}`} data-state="empty">
      <View className={styles.badge}>?</View>
      <Text className={styles.title}>{title}</Text>
      {hint && <Text className={styles.hint}>{hint}</Text>}
      {action && <View className={styles.action}>{action}</View>}
    </View>
  );
}

type Loadable = { status: 'loading' | 'ok' | 'error'; error?: unknown; reload: () => void };

/**
 * A screen's one record while it loads (from useResource): the spinner, or why it failed, with
 * `notFound` for a record that is not there (404); nothing once it has loaded.
 */
export function LoadState({ resource, notFound }: { resource: Loadable; notFound: ReactNode }) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'ok') return null;
  if (resource.error instanceof ApiError && resource.error.status === 404) return <>{notFound}</>;
  return <ErrorState error={resource.error} onRetry={resource.reload} />;
}
