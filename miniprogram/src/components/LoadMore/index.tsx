import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { errorMessage } from '../../services/api';
import styles from './index.module.scss';

/** What LoadMore needs of a usePaged list. */
type PagedList = {
  status: 'loading' | 'ok' | 'error';
  items: unknown[];
  hasMore: boolean;
  more: 'idle' | 'loading' | 'error';
  error: unknown;
  loadMore: () => void;
};

/** The foot of a paged list: 加载更多 (重新加载, with the reason, after a failure), or `endText` once all is shown. */
export function LoadMore({ list, endText }: { list: PagedList; endText?: string }) {
  if (list.status !== 'ok') return null;
  if (!list.hasMore) {
    return endText && list.items.length > 0 ? (
      <View className={styles.more}>
        <Text className={styles.end}>{endText}</Text>
      </View>
    ) : null;
  }
  return (
    <View className={styles.more}>
      {list.more === 'error' && <Text className={styles.error}>{errorMessage(list.error)}</Text>}
      <Button
        className="zc-load-more"
        fill="outline"
        type="primary"
        block
        loading={list.more === 'loading'}
        disabled={list.more === 'loading'}
        onClick={list.loadMore}
      >
        {list.more === 'error' ? '重新加载' : '加载更多'}
      </Button>
    </View>
  );
}
