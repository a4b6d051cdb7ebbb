import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export function ShareAction({ className = '' }: { className?: string }) {
  const copy = async () => {
    await Taro.setClipboardData({ data: window.location.href });
    void Taro.showToast({ title: '链接已复制，可粘贴发给他人', icon: 'none' });
  };
  return (
    <Button className={`${className} zc-policy-share`} type="primary" fill="outline" onClick={() => void copy()}>
      转发
    </Button>
  );
}
