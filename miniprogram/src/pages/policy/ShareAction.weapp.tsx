import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

// The page's useShareAppMessage gives the card its title and path.
export function ShareAction({ className = '' }: { className?: string }) {
  return (
    <Button className={`${className} zc-policy-share`} type="primary" fill="outline" openType="share">
      转发
    </Button>
  );
}
