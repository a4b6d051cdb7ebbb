import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me } from '@shared/schemas/auth';
import * as a11y from '../../utils/a11y';
import { routes } from '../../utils/nav';
import styles from './index.module.scss';

type Role = Me['role'];
type Item = { label: string; url: string; roles: readonly Role[]; tab?: boolean; cls: string };

const MANAGERS = ['editor', 'office'] as const;
const OFFICE = ['office'] as const;
const STAFF = ['answerer', 'editor', 'office'] as const;

/** The staff screens, in the order work comes: only those the role may open. */
const WORK: Item[] = [
  { label: '咨询工作台', url: routes.inbox(), roles: STAFF, cls: 'inbox' },
  { label: '统计', url: routes.stats(), roles: MANAGERS, cls: 'stats' },
  { label: '回访', url: routes.followups(), roles: OFFICE, cls: 'followups' },
  { label: '高频问题', url: routes.kbGaps(), roles: MANAGERS, cls: 'kb-gaps' },
  { label: '问答库管理', url: routes.manage(), roles: MANAGERS, cls: 'manage' },
  { label: '需复核的问答', url: routes.review(), roles: MANAGERS, cls: 'review' },
  { label: '政策文件', url: routes.managePolicies(), roles: MANAGERS, cls: 'policies' },
  { label: '人员', url: routes.people(), roles: MANAGERS, cls: 'people' },
  { label: '单位', url: routes.units(), roles: OFFICE, cls: 'units' },
  { label: '名录缺口', url: routes.gaps(), roles: OFFICE, cls: 'gaps' },
  { label: '分类分派', url: routes.routing(), roles: OFFICE, cls: 'routing' },
  { label: '节假日', url: routes.calendar(), roles: OFFICE, cls: 'calendar' },
  { label: '同义词', url: routes.synonyms(), roles: OFFICE, cls: 'synonyms' },
  { label: '对接密钥', url: routes.partners(), roles: OFFICE, cls: 'partners' },
];
const APP: Item[] = [
  { label: '首页', url: routes.home(), roles: STAFF, tab: true, cls: 'home' },
  { label: '消息', url: routes.messages(), roles: STAFF, tab: true, cls: 'messages' },
  { label: '我的', url: routes.mine(), roles: STAFF, tab: true, cls: 'mine' },
];

const pathOf = (url: string) => url.split('?')[0]!.replace(/^\//, '');

function open(item: Item) {
  // A side navigation moves between sections instead of piling screens onto the back stack.
  if (item.tab) void Taro.switchTab({ url: item.url });
  else void Taro.redirectTo({ url: item.url });
}

/** H5 on a wide screen: the staff screens down the left side, the current one marked. */
export function SideNav({ user }: { user: Me }) {
  const here = pathOf(Taro.getCurrentInstance().router?.path ?? '');
  const row = (item: Item) => {
    const current = pathOf(item.url) === here;
    return (
      <View
        key={item.cls}
        className={`${styles.item} ${current ? styles.current : ''} zc-side-nav-item zc-side-nav-${item.cls}`}
        {...a11y.link(item.label)}
        {...(current ? { 'aria-current': 'page' } : {})}
        onClick={() => !current && open(item)}
      >
        {item.label}
      </View>
    );
  };
  return (
    <View className={`${styles.nav} zc-side-nav`} {...{ role: 'navigation', 'aria-label': '工作人员导航' }}>
      <View className={styles.who}>
        <Text className={styles.name}>{user.name ?? '工作人员'}</Text>
        <Text className={styles.unit}>{user.unitName ?? ''}</Text>
      </View>
      {WORK.filter((i) => i.roles.includes(user.role)).map(row)}
      <View className={styles.divider} />
      {APP.map(row)}
    </View>
  );
}
