import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { useState } from 'react';
import { api, errorMessage } from '../../services/api';
import { signInConfig, withSession } from '../../services/session';
import styles from './index.module.scss';

export function SubscribeReply() {
  const [state, setState] = useState<'idle' | 'asking' | 'on' | 'declined' | { error: string }>('idle');
  const ask = async () => {
    setState('asking');
    try {
      const { templates } = await signInConfig();
      const ids = [templates.replied, templates.clarify].filter((t): t is string => !!t);
      if (!ids.length) {
        setState({ error: '暂未开通微信通知，答复后请在「消息」查看' });
        return;
      }
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>;
      const accepted = ids.filter((id) => res[id] === 'accept');
      for (const templateId of accepted) await withSession(() => api.post('/api/wechat/grants', { templateId, accepted: true }));
      setState(accepted.length ? 'on' : 'declined');
    } catch (err) {
      setState({ error: errorMessage(err) });
    }
  };
  if (state === 'on') return <Text className={`${styles.note} zc-subscribed`}>已开启：答复后会通过微信通知您。</Text>;
  return (
    <View className={styles.box}>
      <Button className="zc-subscribe" type="primary" fill="outline" block loading={state === 'asking'} onClick={() => void ask()}>
        答复后通知我
      </Button>
      {state === 'declined' && <Text className={styles.note}>未开启微信通知，答复后请在「消息」查看。</Text>}
      {typeof state === 'object' && <Text className={styles.note}>{state.error}</Text>}
    </View>
  );
}
