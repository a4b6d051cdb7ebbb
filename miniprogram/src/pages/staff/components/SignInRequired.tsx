import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import { EmptyState } from '../../../components/Status';
import { goTab, routes } from '../../../utils/nav';

/** What a staff screen shows to someone not signed in with a role that may use it. */
export function SignInRequired({ hint, className }: { hint: string; className?: string }) {
  return (
    <View className={className}>
      <EmptyState
        title="需要工作人员登录"
        hint={hint}
        action={
          <Button type="primary" onClick={() => goTab(routes.mine())}>
            去登录
          </Button>
        }
      />
    </View>
  );
}
