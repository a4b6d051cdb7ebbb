import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TOPICS, type Topic } from '@shared/constants';
import type { Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { errorMessage } from '../../../services/api';
import { listRouting, saveRoute } from '../../../services/office';
import { listDistrictUnits } from '../../../services/staff';
import { DistrictUnitPicker } from '../components/DistrictUnitPicker';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

export default function RoutingPage() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能设置各类咨询的承办单位" />
      </Page>
    );
  }
  return <Routing />;
}

/** Which unit a question of each topic goes to when the resident names no unit or answerer. */
function Routing() {
  const data = useResource(() => Promise.all([listRouting(), listDistrictUnits()]), []);
  const [saving, setSaving] = useState<Topic | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Topic, string>>>({});

  const routes = data.status === 'ok' ? new Map(data.data[0].items.map((r) => [r.topic, r])) : new Map();
  const units = data.status === 'ok' ? data.data[1].items : [];
  const byId = new Map(units.map((u) => [u.id, u]));

  const choose = async (topic: Topic, unit: Unit) => {
    setSaving(topic);
    setErrors((e) => ({ ...e, [topic]: '' }));
    try {
      await saveRoute(topic, unit.id);
      await data.refresh().catch(() => undefined);
      void Taro.showToast({ title: `${topic}：改由${unit.name}承办`, icon: 'none' });
    } catch (err) {
      setErrors((e) => ({ ...e, [topic]: errorMessage(err) }));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Page className="zc-routing">
      <Text className={styles.intro}>
        居民提问时没有指定单位或解答员的，按问题的类别交给这里设置的承办单位。改动立即生效，只影响之后提交的咨询。
      </Text>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ListError error={data.error} onRetry={data.reload} />}
      {data.status === 'ok' && units.length === 0 && <EmptyState title="还没有单位" hint="先在「单位管理」里建好本区的单位" />}
      {data.status === 'ok' && units.length > 0 && (
        <Card tight title="各类咨询的承办单位" className="zc-routing-list">
          {TOPICS.map((topic) => {
            const route = routes.get(topic);
            const current = route ? (byId.get(route.unitId) ?? null) : null;
            return (
              <View key={topic} className={`${styles.row} zc-route-row`} data-topic={topic} data-unit={route?.unitId ?? ''}>
                <View className={styles.topic}>
                  <Text className={`${styles.topicName} zc-route-topic`}>{topic}</Text>
                  {saving === topic && <Text className={styles.saving}>保存中…</Text>}
                </View>
                <View className={styles.picker}>
                  <DistrictUnitPicker
                    units={units}
                    value={current}
                    placeholder={route ? route.unitName : '未设置，点此选择'}
                    title={`「${topic}」类咨询交给`}
                    error={errors[topic] || undefined}
                    onChange={(unit) => unit.id !== route?.unitId && void choose(topic, unit)}
                  />
                </View>
              </View>
            );
          })}
        </Card>
      )}
    </Page>
  );
}
