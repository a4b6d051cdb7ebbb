import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePullToReload, useReloadOnReturn } from '../../hooks/usePageReload';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { errorMessage } from '../../services/api';
import { listNotices, markRead, NOTICE_PAGE, showUnread, type Notice } from '../../services/notifications';
import { isStaff, readUser } from '../../services/session';
import { readToken } from '../../services/token';
import * as a11y from '../../utils/a11y';
import { dateTime, excerpt } from '../../utils/format';
import { go, routes } from '../../utils/nav';
import styles from './index.module.scss';

type State = {
  status: 'loading' | 'ok' | 'error';
  items: Notice[];
  unread: number;
  /** The last page was full: there may be older ones. */
  more: boolean;
  loadingMore: boolean;
  error: unknown;
};

const INITIAL: State = { status: 'loading', items: [], unread: 0, more: false, loadingMore: false, error: null };

export default function Messages() {
  const [state, setState] = useState<State>(INITIAL);
  const [signedIn, setSignedIn] = useState(() => !!readToken());
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    if (!readToken()) {
      setSignedIn(false);
      setState({ ...INITIAL, status: 'ok' });
      showUnread(0);
      return;
    }
    setSignedIn(true);
    setState((s) => ({ ...INITIAL, items: s.status === 'ok' ? s.items : [], status: s.status === 'ok' ? 'ok' : 'loading' }));
    listNotices().then(
      (page) => {
        if (mine !== seq.current) return;
        setState({ ...INITIAL, status: 'ok', items: page.items, unread: page.unread, more: page.items.length === NOTICE_PAGE });
        showUnread(page.unread);
      },
      (error: unknown) => {
        if (mine === seq.current) setState({ ...INITIAL, status: 'error', error });
      },
    );
  }, []);

  useEffect(() => {
    load();
  }, [load]);
  // Every later time the tab is shown: new messages may have arrived.
  useReloadOnReturn(load);
  usePullToReload(load);

  const loadMore = () => {
    const last = state.items[state.items.length - 1];
    if (!last || state.loadingMore) return;
    const mine = seq.current;
    setState((s) => ({ ...s, loadingMore: true, error: null }));
    listNotices(last.id).then(
      (page) => {
        if (mine !== seq.current) return;
        setState((s) => ({
          ...s,
          items: [...s.items, ...page.items.filter((n) => !s.items.some((m) => m.id === n.id))],
          more: page.items.length === NOTICE_PAGE,
          loadingMore: false,
        }));
      },
      (error: unknown) => {
        if (mine === seq.current) setState((s) => ({ ...s, loadingMore: false, error }));
      },
    );
  };

  const open = (n: Notice) => {
    if (!n.read) {
      // Shown as read at once; the server catches up (a failure only means it stays unread there).
      setState((s) => {
        const unread = Math.max(0, s.unread - 1);
        showUnread(unread);
        return { ...s, unread, items: s.items.map((m) => (m.id === n.id ? { ...m, read: true } : m)) };
      });
      markRead(n.id).catch(() => undefined);
    }
    // A 回访 notice points at the office's queue, where it stays until someone works it.
    if (n.kind === 'followup' && readUser()?.role === 'office') go(routes.followups());
    else if (n.inquiryId) go(isStaff(readUser()) ? routes.handle(n.inquiryId) : routes.inquiry(n.inquiryId));
    else if (n.link) go(`/${n.link}`);
  };

  return (
    <Page className="zc-messages">
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={load} />}
      {state.status === 'ok' && state.items.length === 0 && (
        <EmptyState
          title="还没有消息"
          hint={
            signedIn
              ? '咨询有答复、需要补充说明时，会在这里通知您。'
              : '提交咨询后，答复和办理进展会在这里通知您。'
          }
          action={
            signedIn ? undefined : (
              <Button type="primary" onClick={() => go(routes.ask())}>
                我要咨询
              </Button>
            )
          }
        />
      )}
      {state.status === 'ok' && state.items.length > 0 && (
        <>
          <Text className={styles.summary}>{state.unread > 0 ? `${state.unread} 条未读` : '全部已读'}</Text>
          <Card tight>
            {state.items.map((n) => (
              <View
                key={n.id}
                className={`${styles.item} ${n.read ? '' : styles.unread} zc-message`}
                data-kind={n.kind}
                data-read={n.read ? '1' : '0'}
                hoverClass={styles.pressed}
                {...a11y.button(noticeLabel(n))}
                onClick={() => open(n)}
              >
                <View className={styles.dotCol} {...a11y.hidden()}>
                  {!n.read && <View className={`${styles.dot} zc-unread-dot`} />}
                </View>
                <View className={styles.body}>
                  <View className={styles.titleRow}>
                    <Text className={`${styles.title} zc-message-title`}>{n.title}</Text>
                    <Text className={styles.time}>{dateTime(n.createdAt)}</Text>
                  </View>
                  {n.question && <Text className={`${styles.question} zc-message-question`}>{excerpt(n.question, QUESTION_MAX)}</Text>}
                  <Text className={`${styles.text} zc-message-body`}>{n.body}</Text>
                </View>
              </View>
            ))}
          </Card>
          {state.more && (
            <View className={styles.more}>
              {state.error !== null && <Text className={styles.moreError}>{errorMessage(state.error)}</Text>}
              <Button
                fill="outline"
                type="primary"
                block
                loading={state.loadingMore}
                disabled={state.loadingMore}
                onClick={loadMore}
              >
                {state.error !== null ? '重新加载' : '更早的消息'}
              </Button>
            </View>
          )}
        </>
      )}
    </Page>
  );
}

/** Enough of the question to recognise it on one or two lines. */
const QUESTION_MAX = 48;

/** What a screen reader says for a notice: the dot is not seen, so unread is said. */
function noticeLabel(n: Notice): string {
  return [n.read ? '' : '未读', n.title, n.question ? `问题：${excerpt(n.question, QUESTION_MAX)}` : '', n.body, dateTime(n.createdAt)]
    .filter(Boolean)
    .join('，');
}
