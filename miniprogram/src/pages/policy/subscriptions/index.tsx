import { Text } from '@tarojs/components';
import { TOPICS } from '@shared/constants';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { useResource } from '../../../hooks/useResource';
import { listUnits } from '../../../services/manage';
import { SubscriptionList } from '../SubscriptionList';
import styles from './index.module.scss';

const TOPIC_TARGETS = TOPICS.map((t) => ({ kind: 'topic' as const, value: t, label: t }));

/** What the resident follows: every topic with one tap each, and the units they followed from a policy. */
export default function Subscriptions() {
  const units = useResource(listUnits, []);
  const unitName = (id: string) => (units.status === 'ok' && units.data.items.find((u) => u.id === id)?.name) || '所订阅的单位';
  return (
    <Page className="zc-subscriptions">
      <Text className={styles.intro}>订阅后，有新政策、新解读或新问答发布时，会在「消息」里通知您；在微信里还可以收到服务通知。</Text>
      <Card>
        <SubscriptionList targets={TOPIC_TARGETS} withSubscribed labelOf={(s) => (s.kind === 'unit' ? unitName(s.value) : s.value)} />
      </Card>
    </Page>
  );
}
