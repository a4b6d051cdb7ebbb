import { ScrollView, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TOPICS, type Topic } from '@shared/constants';
import type { Answerer, Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { Tag } from '../../components/Tag';
import { useResource } from '../../hooks/useResource';
import { listUnits } from '../../services/manage';
import { listRoster } from '../../services/staff';
import * as a11y from '../../utils/a11y';
import { go, param, routes } from '../../utils/nav';
import { callPhone } from '../../utils/phone';
import styles from './index.module.scss';

const TOPIC_GROUP = { role: 'group', 'aria-label': '按领域查找' };
const asTopic = (t: string): Topic | '' => ((TOPICS as readonly string[]).includes(t) ? (t as Topic) : '');

/** Answerers grouped by their unit, in the units' own order (部门 first, then 街道（镇）). */
function byUnit(answerers: Answerer[], units: Unit[]): { unitId: string; unitName: string; people: Answerer[] }[] {
  const order = new Map(units.map((u, i) => [u.id, i]));
  const groups = new Map<string, { unitId: string; unitName: string; people: Answerer[] }>();
  for (const a of answerers) {
    const g = groups.get(a.unitId) ?? { unitId: a.unitId, unitName: a.unitName, people: [] };
    g.people.push(a);
    groups.set(a.unitId, g);
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((x, y) => rank(x.unitId) - rank(y.unitId));
}

export default function RosterPage() {
  const { params } = useRouter();
  const [topic, setTopic] = useState<Topic | ''>(() => asTopic(param(params.topic)));
  const [unitId, setUnitId] = useState(() => param(params.unitId));
  const units = useResource(listUnits, []);
  const roster = useResource(() => listRoster({ unitId: unitId || undefined, topic: topic || undefined }), [unitId, topic]);

  const unitName =
    (units.status === 'ok' && units.data.items.find((u) => u.id === unitId)?.name) ||
    (roster.status === 'ok' && roster.data.items[0]?.unitName) ||
    '';
  const people = roster.status === 'ok' ? roster.data.items : [];
  const groups = byUnit(people, units.status === 'ok' ? units.data.items : []);

  return (
    <Page className="zc-roster">
      <View className={styles.intro}>
        <Text className={styles.introText}>
          各部门和街道（镇）的政策解答员，姓名和办公电话依规向社会公开。可以直接打电话，也可以在线向 TA 提问。
        </Text>
      </View>

      {/* One row that scrolls sideways: the answerers stay on the first screen, in 长辈模式 too. */}
      <ScrollView scrollX enhanced showScrollbar={false} className={styles.topics} {...TOPIC_GROUP}>
        {(['', ...TOPICS] as const).map((t) => (
          <View
            key={t || 'all'}
            className={`${styles.topic} ${topic === t ? styles.topicOn : ''} zc-roster-topic`}
            data-topic={t}
            {...a11y.choice(topic === t)}
            onClick={() => setTopic(t)}
          >
            {t || '全部'}
          </View>
        ))}
      </ScrollView>

      {unitId && (
        <View className={`${styles.unitFilter} zc-roster-unit-filter`}>
          <Text className={styles.unitFilterText}>只看{unitName || '所选单位'}</Text>
          <Text className={`${styles.clear} zc-roster-all-units`} {...a11y.button('查看全部单位')} onClick={() => setUnitId('')}>
            查看全部单位
          </Text>
        </View>
      )}

      {roster.status === 'loading' && <Loading />}
      {roster.status === 'error' && <ErrorState error={roster.error} onRetry={roster.reload} />}
      {roster.status === 'ok' && people.length === 0 && (
        <EmptyState
          title={topic ? `暂无${topic}方面的政策解答员` : '暂无政策解答员'}
          hint="可以直接在线咨询，我们会交给对口单位在 5 个工作日内答复"
          action={
            <View className={styles.emptyActions}>
              {(topic || unitId) && (
                <Button
                  className="zc-roster-show-all"
                  type="primary"
                  fill="outline"
                  onClick={() => {
                    setTopic('');
                    setUnitId('');
                  }}
                >
                  查看全部解答员
                </Button>
              )}
              <Button className="zc-roster-empty-ask" type="primary" onClick={() => go(routes.ask(topic ? { topic } : {}))}>
                我要咨询
              </Button>
            </View>
          }
        />
      )}
      {people.length > 0 && (
        <Text className={`${styles.total} zc-roster-total`}>
          共 {people.length} 名政策解答员{topic ? `擅长${topic}` : ''}
        </Text>
      )}
      {groups.map((g) => (
        <Card key={g.unitId} title={g.unitName} className={`${styles.group} zc-roster-unit`}>
          {g.people.map((a) => (
            <AnswererCard key={a.id} answerer={a} />
          ))}
        </Card>
      ))}
    </Page>
  );
}

function AnswererCard({ answerer: a }: { answerer: Answerer }) {
  return (
    <View className={`${styles.answerer} zc-roster-answerer`} data-id={a.id}>
      <View className={styles.head}>
        <View className={styles.avatar} {...a11y.hidden()}>
          {a.name.slice(0, 1)}
        </View>
        <View className={styles.who}>
          <Text className={`${styles.name} zc-roster-name`} {...a11y.heading(3)}>
            {a.name}
          </Text>
          {a.title && <Text className={`${styles.title} zc-roster-title`}>{a.title}</Text>}
        </View>
      </View>
      {a.topics.length > 0 && (
        <View className={styles.tags}>
          {a.topics.map((t) => (
            <Tag key={t} className={styles.tag}>
              {t}
            </Tag>
          ))}
        </View>
      )}
      {a.intro && <Text className={`${styles.introLine} zc-roster-intro`}>{a.intro}</Text>}
      {a.officeHours && (
        <View className={styles.hours}>
          <Text className={styles.hoursLabel}>办公时间</Text>
          <Text className={`${styles.hoursValue} zc-roster-hours`}>{a.officeHours}</Text>
        </View>
      )}
      <View className={styles.actions}>
        {a.workPhone && (
          <View
            className={`${styles.call} zc-roster-call`}
            data-phone={a.workPhone}
            hoverClass={styles.pressed}
            {...a11y.button(`办公电话 ${a.workPhone}，点按拨打`)}
            onClick={() => callPhone(a.workPhone!)}
          >
            <Text className={styles.callLabel}>办公电话</Text>
            <Text className={`${styles.callNumber} zc-roster-phone`}>{a.workPhone}</Text>
          </View>
        )}
        <Button className={`${styles.ask} zc-roster-ask`} type="primary" {...{ 'aria-label': `问TA，向${a.name}提问` }} onClick={() => go(routes.ask({ answererId: a.id }))}>
          问TA
        </Button>
      </View>
    </View>
  );
}
