import { Input, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PhoneSignIn } from '../../../components/PhoneSignIn';
import { Loading } from '../../../components/Status';
import { ApiError, errorMessage } from '../../../services/api';
import { ensureSession, isStaff, redeemInvitation, ROLE_LABELS, SIGNS_IN_BY_PHONE, SignInNeeded } from '../../../services/session';
import { readUser } from '../../../services/token';
import { goTab, param, routes } from '../../../utils/nav';
import styles from './index.module.scss';

/** What an invitation's link or QR code opens: sign in (a phone code in H5, WeChat in the mini-program), then join with the code. */
export default function RedeemPage() {
  const { params } = useRouter();
  const [user, setUser] = useState<Me | null>(() => readUser());
  const [joined, setJoined] = useState(false);
  const [signingIn, setSigningIn] = useState(!readUser() && !SIGNS_IN_BY_PHONE);
  const [signInError, setSignInError] = useState('');

  // In WeChat, signing in needs no asking.
  useEffect(() => {
    if (user || SIGNS_IN_BY_PHONE) return;
    ensureSession().then(
      () => setUser(readUser()),
      (err: unknown) => setSignInError(err instanceof SignInNeeded ? '' : errorMessage(err)),
    ).finally(() => setSigningIn(false));
  }, []);

  if (signingIn) {
    return (
      <Page>
        <Loading />
      </Page>
    );
  }
  if (!user) {
    return (
      <Page className="zc-redeem">
        <PhoneSignIn
          title="先验证手机号"
          hint="收到邀请的工作人员用本人手机号登录；以后也用这个手机号登录。手机号不会公开。"
          submitLabel="登录并继续"
          onSignedIn={(s) => setUser(s.user)}
        />
        {signInError && <Text className={styles.error}>{signInError}</Text>}
      </Page>
    );
  }
  if (isStaff(user)) {
    return (
      <Page className="zc-redeem">
        <Card title={joined ? '已加入' : '已是工作人员账号'}>
          <Text className={`${styles.text} zc-redeem-done`}>
            {ROLE_LABELS[user.role]} · {user.unitName ?? ''}
            {user.name ? ` · ${user.name}` : ''}
          </Text>
          {!joined && <Text className={styles.hint}>如需调整身份或单位，请联系政务公开办。</Text>}
          <Button className={`${styles.submit} zc-redeem-go`} type="primary" block size="large" onClick={() => goTab(routes.mine())}>
            进入「我的」工作入口
          </Button>
        </Card>
      </Page>
    );
  }
  return <CodeForm initial={param(params.code)} onJoined={(me) => { setUser(me); setJoined(true); }} />;
}

function CodeForm({ initial, onJoined }: { initial: string; onJoined: (me: Me) => void }) {
  const [code, setCode] = useState(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!code.trim()) {
      setError('请输入邀请码');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const me = await redeemInvitation(code);
      void Taro.showToast({ title: '已加入', icon: 'success', duration: 1200 });
      onJoined(me);
    } catch (err) {
      setError(err instanceof ApiError && err.issues.length ? err.issues[0]!.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page className="zc-redeem">
      <Card title="输入邀请码">
        <Text className={styles.hint}>邀请码由政务公开办或本单位编辑生成，7 天内有效，只能使用一次。</Text>
        <Input
          className={`${styles.input} ${error ? styles.inputError : ''} zc-redeem-code`}
          value={code}
          maxlength={9}
          placeholder="例如：K7PM-3QXD"
          aria-label="邀请码"
          onInput={(e) => {
            setCode(e.detail.value);
            setError('');
          }}
        />
        {error && <Text className={`${styles.error} zc-field-error`}>{error}</Text>}
        <Button className={`${styles.submit} zc-redeem-submit`} type="primary" block size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
          加入
        </Button>
      </Card>
    </Page>
  );
}
