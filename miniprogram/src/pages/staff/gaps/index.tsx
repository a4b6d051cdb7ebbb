import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { RosterGap } from '@shared/schemas/auth';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { useReloadOnReturn, usePullToReload } from '../../../hooks/usePageReload';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { listGaps } from '../../../services/staff';
import * as a11y from '../../../utils/a11y';
import { go, routes } from '../../../utils/nav';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Problem = RosterGap['problem'];

/** Each kind of gap, with where it is fixed. */
const PROBLEMS: { problem: Problem; title: string; fix: string; link: (g: RosterGap) => string }[] = [
  { problem: 'no_answerer', title: '没有政策解答员', fix: '去邀请', link: (g) => routes.invite({ unitId: g.unitId, role: 'answerer' }) },
  { problem: 'too_many_answerers', title: '街道（镇）解答员超过 2 名', fix: '去调整', link: (g) => routes.people(g.unitId) },
  { problem: 'no_work_phone', title: '没有公开办公电话', fix: '补充电话', link: (g) => (g.answererId ? routes.profile(g.answererId) : routes.people(g.unitId)) },
];

export default function GapsPage() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能查看名录缺口" />
      </Page>
    );
  }
  return <Gaps />;
}

function Gaps() {
  const gaps = useResource(listGaps, []);
  // Back from a fix: the list says whether it worked.
  useReloadOnReturn(() => void gaps.refresh().catch(() => undefined));
  usePullToReload(gaps.reload);

  const items = gaps.status === 'ok' ? gaps.data.items : [];
  const units = new Set(items.map((g) => g.unitId)).size;
  return (
    <Page className="zc-gaps">
      <Text className={styles.rule}>
        要求：每个部门至少 1 名政策解答员，每个街道（镇）1 至 2 名，姓名和办公电话向社会公开。
      </Text>
      {gaps.status === 'loading' && <Loading />}
      {gaps.status === 'error' && <ListError error={gaps.error} onRetry={gaps.reload} />}
      {gaps.status === 'ok' && items.length === 0 && (
        <EmptyState
          title="各单位政策解答员均已配齐"
          hint="每个部门、街道（镇）都有政策解答员，并公开了办公电话"
          action={
            <Button type="primary" fill="outline" onClick={() => go(routes.roster())}>
              查看政策解答员名录
            </Button>
          }
        />
      )}
      {items.length > 0 && (
        <View className={`${styles.summary} zc-gaps-summary`}>
          <Text className={`${styles.total} zc-gaps-total`}>{items.length}</Text>
          <View className={styles.summaryText}>
            <Text className={styles.summaryTitle}>处名录缺口，涉及 {units} 个单位</Text>
            <Text className={styles.summaryHint}>点按一条，直接去补齐</Text>
          </View>
        </View>
      )}
      {PROBLEMS.map(({ problem, title, fix, link }) => {
        const rows = items.filter((g) => g.problem === problem);
        if (rows.length === 0) return null;
        return (
          <Card key={problem} tight title={title} extra={<Text className={styles.count}>{rows.length} 处</Text>} className={`zc-gap-group zc-gap-group-${problem}`}>
            {rows.map((g) => (
              <View
                key={`${g.unitId}.${g.answererId ?? ''}`}
                className={`${styles.row} zc-gap`}
                data-problem={g.problem}
                data-unit={g.unitId}
                hoverClass={styles.pressed}
                {...a11y.link(`${g.message}，${fix}`)}
                onClick={() => go(link(g))}
              >
                <View className={styles.rowText}>
                  <Text className={styles.message}>{g.message}</Text>
                </View>
                <Text className={styles.fix}>{fix}</Text>
                <Text className={styles.chevron} {...a11y.hidden()}>
                  ›
                </Text>
              </View>
            ))}
          </Card>
        );
      })}
    </Page>
  );
}
