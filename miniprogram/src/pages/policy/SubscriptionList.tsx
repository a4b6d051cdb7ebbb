import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { useState } from 'react';
import { PhoneSignIn } from '../../components/PhoneSignIn';
import { ErrorState, Loading } from '../../components/Status';
import { useResource } from '../../hooks/useResource';
import { errorMessage } from '../../services/api';
import { listSubscriptions, subscribe, unsubscribe, type Subscription } from '../../services/policies';
import { SignInNeeded } from '../../services/session';
import styles from './SubscriptionList.module.scss';

export type Target = { kind: 'topic' | 'unit'; value: string; label: string };

const key = (t: { kind: string; value: string }) => `${t.kind}:${t.value}`;

/**
 * Follow or stop following each target with one tap. `withSubscribed`: also list what the
 * resident already follows beyond `targets` (the 政策订阅 page), labelled by `labelOf`.
 */
export function SubscriptionList({ targets, withSubscribed, labelOf }: { targets: Target[]; withSubscribed?: boolean; labelOf?: (s: Subscription) => string }) {
  const subs = useResource(listSubscriptions, []);
  const [on, setOn] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (subs.status === 'loading') return <Loading compact />;
  if (subs.status === 'error') {
    if (subs.error instanceof SignInNeeded) {
      return <PhoneSignIn title="验证手机号后订阅" hint="有新政策或新解读发布时，在「消息」里通知您。" onSignedIn={subs.reload} />;
    }
    return <ErrorState compact error={subs.error} onRetry={subs.reload} />;
  }
  const current = on ?? new Set(subs.data.items.map(key));
  const extra = withSubscribed
    ? subs.data.items.filter((s) => !targets.some((t) => key(t) === key(s))).map((s) => ({ kind: s.kind, value: s.value, label: labelOf?.(s) ?? s.value }))
    : [];

  const toggle = async (t: Target) => {
    const k = key(t);
    const was = current.has(k);
    setBusy(k);
    try {
      await (was ? unsubscribe(t.kind, t.value) : subscribe(t.kind, t.value));
      const next = new Set(current);
      if (was) next.delete(k);
      else next.add(k);
      setOn(next);
      void Taro.showToast({ title: was ? '已取消订阅' : '已订阅，有新政策时通知您', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="zc-subscription-list">
      {[...extra, ...targets].map((t) => {
        const followed = current.has(key(t));
        return (
          <View key={key(t)} className={`${styles.row} zc-subscription`} data-key={key(t)}>
            <View className={styles.text}>
              <Text className={styles.label}>{t.label}</Text>
              <Text className={styles.hint}>{t.kind === 'topic' ? '这个主题的新政策、新解读和新问答' : '这个单位发布的新政策和新解读'}</Text>
            </View>
            <Button
              className={`${styles.button} zc-subscription-toggle`}
              size="small"
              type="primary"
              fill={followed ? 'outline' : 'solid'}
              loading={busy === key(t)}
              disabled={busy !== null}
              onClick={() => void toggle(t)}
            >
              {followed ? '取消订阅' : '订阅'}
            </Button>
          </View>
        );
      })}
    </View>
  );
}
