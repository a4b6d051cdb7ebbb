import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import type { Policy } from '@shared/schemas/policy';
import { useState } from 'react';
import { useEscape } from '../../hooks/useEscape';
import { SubscriptionList } from './SubscriptionList';
import styles from './index.module.scss';

/** 订阅: this policy's topics and its issuing unit, so the next one in them reaches the resident. */
export function SubscribeActions({ policy: p }: { policy: Policy }) {
  const [open, setOpen] = useState(false);
  useEscape(open, () => setOpen(false));
  const targets = [
    ...p.topics.map((t) => ({ kind: 'topic' as const, value: t, label: `主题：${t}` })),
    { kind: 'unit' as const, value: p.unitId, label: `单位：${p.unitName}` },
  ];
  return (
    <>
      <Button className={`${styles.action} zc-policy-subscribe`} type="primary" onClick={() => setOpen(true)}>
        订阅更新
      </Button>
      <Popup visible={open} position="bottom" round closeable title="有新政策时通知我" onClose={() => setOpen(false)} destroyOnClose>
        <View className={`${styles.popupBody} zc-policy-subscribe-panel`}>{open && <SubscriptionList targets={targets} />}</View>
      </Popup>
    </>
  );
}
