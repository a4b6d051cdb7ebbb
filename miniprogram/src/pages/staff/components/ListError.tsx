import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { ApiError } from '../../../services/api';
import { goTab, routes } from '../../../utils/nav';

/** Why a staff list failed to load: sign in again when the session expired or the role changed (retrying cannot help), else retry. */
export function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return (
      <EmptyState
        title={error.status === 401 ? '登录已过期' : '没有权限'}
        hint={error.message}
        action={
          <Button type="primary" onClick={() => goTab(routes.mine())}>
            重新登录
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** A staff list's first load: the spinner, or why it failed; nothing once it has loaded. */
export function ListStatus({ list }: { list: { status: 'loading' | 'ok' | 'error'; error?: unknown; reload: () => void } }) {
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ListError error={list.error} onRetry={list.reload} />;
  return null;
}
