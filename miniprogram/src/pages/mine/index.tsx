import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { ElderSwitch } from '../../components/ElderSwitch';
import { Page } from '../../components/Page';
import { useOpenFollowups } from '../../hooks/useOpenFollowups';
import { useStoredUser } from '../../hooks/useStoredUser';
import { ApiError, errorMessage, request } from '../../services/api';
import { refreshUnread } from '../../services/notifications';
import {
  canManage,
  ensureSession,
  isStaff,
  listSessions,
  refreshMe,
  readUser,
  ROLE_LABELS,
  SIGNS_IN_BY_PHONE,
  signInConfig,
  signOut,
  signOutEverywhere,
  type StaffRole,
} from '../../services/session';
import { clearSession } from '../../services/token';
import * as a11y from '../../utils/a11y';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

// The screen changes length when signing in or out; start the new one from its top.
const toTop = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });

export default function Mine() {
  const [user, setUser] = useStoredUser();
  const [expired, setExpired] = useState(false);
  const [dev, setDev] = useState(false);
  useDidShow(refreshUnread);
  useEffect(() => {
    signInConfig().then((c) => setDev(c.dev), () => setDev(false));
    // In WeChat nobody needs to sign in by hand: learn who this is (a staff member's own account, after a reinstall).
    if (!readUser() && !SIGNS_IN_BY_PHONE) ensureSession().then(refreshMe).then(setUser, () => undefined);
  }, []);

  // Who is signed in may have changed on the server (a role, a unit, an ended session): check once when shown.
  const userId = user?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    let live = true;
    refreshMe().then(
      (me) => live && setUser(me),
      (err: unknown) => {
        if (live && err instanceof ApiError && err.status === 401) {
          clearSession();
          setUser(null);
          setExpired(isStaff(user));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [userId]);

  const signedOut = () => {
    setUser(null);
    refreshUnread();
    toTop();
  };

  // 个人信息保护法: a resident may delete their own account; their questions stay, without who asked.
  const deleteAccount = async () => {
    const { confirm } = await Taro.showModal({
      title: '注销账号？',
      content: '注销后将撤回尚未答复的咨询，清除您留下的姓名、电话和登录信息，且无法恢复。已提交的问题会匿名保留在台账中。',
      confirmText: '注销',
      confirmColor: '#d93026',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await request('DELETE', '/api/me', { body: { confirm: true } });
      clearSession();
      signedOut();
      void Taro.showToast({ title: '账号已注销', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
  };

  return (
    <Page>
      <ElderSwitch />
      {isStaff(user) ? (
        <StaffCard user={user} onSignedOut={signedOut} />
      ) : (
        <>
          <View className={`${styles.card} zc-resident-card`}>
            <Text className={styles.cardTitle}>居民朋友</Text>
            <Text className={styles.text}>查询政策问答不需要登录；提问后可在这里查看办理进度。</Text>
            <View className={styles.links}>
              <LinkRow cls="zc-go-inquiries" text="我的咨询" hint="进度、答复和评价" onClick={() => go(routes.inquiries())} />
              <LinkRow cls="zc-go-ask" text="我要咨询" hint="5 个工作日内答复" onClick={() => go(routes.ask())} />
              <LinkRow cls="zc-go-roster" text="政策解答员名录" hint="各单位解答员和办公电话" onClick={() => go(routes.roster())} />
              <LinkRow cls="zc-go-subscriptions" text="政策订阅" hint="新政策发布时通知我" onClick={() => go(routes.subscriptions())} />
            </View>
            {user?.phone && (
              <View className={styles.signedInRow}>
                <Text className={`${styles.fieldHint} zc-signed-in-phone`}>已验证手机 {user.phone}</Text>
                <Text className={`${styles.textAction} zc-sign-out`} {...a11y.button('退出登录')} onClick={() => void signOut().then(signedOut)}>
                  退出登录
                </Text>
              </View>
            )}
            {user && (
              <View className={styles.signedInRow}>
                <Text className={styles.fieldHint}>不再使用时可注销账号</Text>
                <Text className={`${styles.textAction} zc-delete-account`} {...a11y.button('注销账号')} onClick={() => void deleteAccount()}>
                  注销账号
                </Text>
              </View>
            )}
          </View>
          <View className={`${styles.card} zc-staff-entry`}>
            <Text className={styles.cardTitle}>工作人员</Text>
            {expired && <Text className={styles.formError}>登录已失效，请重新登录。</Text>}
            <Text className={styles.text}>政策解答员和单位编辑凭政务公开办或本单位发的邀请码加入：登录后输入邀请码即可。</Text>
            <Button className={`${styles.submit} zc-go-redeem`} type="primary" fill="outline" block size="large" onClick={() => go(routes.redeem())}>
              输入邀请码
            </Button>
          </View>
          {dev && (
            <View className={`${styles.card} zc-dev-entry`}>
              <View className={styles.links}>
                <LinkRow cls="zc-go-dev-sign-in" text="开发环境登录" hint="任选身份和单位，仅本机" onClick={() => go(routes.devSignIn())} />
              </View>
            </View>
          )}
        </>
      )}
    </Page>
  );
}

function LinkRow({ cls, text, hint, onClick }: { cls: string; text: string; hint?: string; onClick: () => void }) {
  return (
    <View className={`${styles.linkRow} ${cls}`} hoverClass={styles.pressed} {...a11y.button()} onClick={onClick}>
      <Text className={styles.linkText}>{text}</Text>
      <Text className={styles.linkHint}>{hint ?? ''}</Text>
      <Text className={styles.chevron} {...a11y.hidden()}>
        ›
      </Text>
    </View>
  );
}

function StaffCard({ user, onSignedOut }: { user: Me & { role: StaffRole }; onSignedOut: () => void }) {
  const [sessions, setSessions] = useState<number | null>(null);
  const [ending, setEnding] = useState(false);
  const followups = useOpenFollowups(user.role === 'office');
  useEffect(() => {
    listSessions().then((r) => setSessions(r.items.length), () => setSessions(null));
  }, [user.id]);

  const endEverywhere = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出所有设备？',
      content: '包括这台设备在内，所有登录都会立即失效（例如手机丢失时）。',
      confirmText: '全部退出',
      cancelText: '取消',
    });
    if (!confirm) return;
    setEnding(true);
    try {
      await signOutEverywhere();
      onSignedOut();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setEnding(false);
    }
  };

  return (
    <View className={`${styles.card} zc-staff-card`}>
      <View className={styles.profile}>
        <View className={styles.avatar}>{(user.name ?? ROLE_LABELS[user.role]).slice(0, 1)}</View>
        <View className={styles.profileText}>
          <Text className={styles.name}>{user.name ?? '未填写姓名'}</Text>
          <Text className={`${styles.role} zc-staff-role`}>
            {ROLE_LABELS[user.role]} · {user.unitName ?? '未绑定单位'}
          </Text>
        </View>
      </View>
      <Button className="zc-go-inbox" type="primary" block size="large" onClick={() => go(routes.inbox())}>
        咨询工作台
      </Button>
      <View className={styles.links}>
        {canManage(user) && <LinkRow cls="zc-go-manage" text="管理问答" hint="条目、导入" onClick={() => go(routes.manage())} />}
        {canManage(user) && <LinkRow cls="zc-go-policies" text="管理政策文件" hint="导入、解读、发布、有效性" onClick={() => go(routes.managePolicies())} />}
        {canManage(user) && <LinkRow cls="zc-go-stats" text="统计" hint="按时答复率、超期、满意度、各单位" onClick={() => go(routes.stats())} />}
        {canManage(user) && <LinkRow cls="zc-go-review" text="需复核的问答" hint="依据文件有变化" onClick={() => go(routes.review())} />}
        {canManage(user) && <LinkRow cls="zc-go-kb-gaps" text="高频问题" hint="居民常问、问答库没有的问题" onClick={() => go(routes.kbGaps())} />}
        {canManage(user) && (
          <LinkRow cls="zc-go-people" text="工作人员" hint={user.role === 'office' ? '邀请、停用、调整' : '本单位政策解答员'} onClick={() => go(routes.people())} />
        )}
        {canManage(user) && <LinkRow cls="zc-go-invite" text="邀请工作人员" hint="生成邀请码" onClick={() => go(routes.invite())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-followups" text="回访" hint={followups ? `${followups} 条待回访` : '不满意评价的回访'} onClick={() => go(routes.followups())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-gaps" text="名录缺口" hint="解答员未配齐的单位" onClick={() => go(routes.gaps())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-units" text="单位管理" hint="新增、改名、调整、撤销" onClick={() => go(routes.units())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-synonyms" text="维护同义词" onClick={() => go(routes.synonyms())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-partners" text="对接密钥" hint="12345 平台等系统的接口密钥与推送" onClick={() => go(routes.partners())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-routing" text="分类分派" hint="各类咨询交给哪个单位" onClick={() => go(routes.routing())} />}
        {user.role === 'office' && <LinkRow cls="zc-go-calendar" text="节假日安排" hint="放假、调休与答复期限" onClick={() => go(routes.calendar())} />}
        <LinkRow cls="zc-go-profile" text="我的名录资料" hint="职务、办公电话" onClick={() => go(routes.profile(user.id))} />
        <LinkRow cls="zc-go-roster" text="政策解答员名录" onClick={() => go(routes.roster())} />
      </View>
      <Text className={`${styles.fieldHint} zc-session-count`}>
        {sessions === null ? '' : `当前在 ${sessions} 台设备上登录`}
      </Text>
      <Button className={`${styles.signOut} zc-sign-out`} block fill="outline" onClick={() => void signOut().then(onSignedOut)}>
        退出登录
      </Button>
      <Button className={`${styles.second} zc-sign-out-all`} block fill="none" loading={ending} onClick={() => void endEverywhere()}>
        退出所有设备
      </Button>
    </View>
  );
}
