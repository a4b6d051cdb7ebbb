import Taro from '@tarojs/taro';
import { NOTICE_PAGE } from '@shared/constants';
import type { NoticePage } from '@shared/schemas/notification';
import { api } from './api';
import { readToken } from './token';

export { NOTICE_PAGE };
export type { Notice, NoticePage } from '@shared/schemas/notification';

export function listNotices(before?: number) {
  return api.get<NoticePage>('/api/notifications', { query: { limit: NOTICE_PAGE, before } });
}

export function markRead(id: number) {
  return api.post<{ read: true }>(`/api/notifications/${id}/read`);
}

/** 消息 is the third tab (app.config.ts). */
const MESSAGES_TAB = 2;

/** Shows the unread count on the 消息 tab (or nothing). Called from tab pages. */
export function showUnread(count: number): void {
  const done = () => undefined;
  if (count > 0) {
    Taro.setTabBarBadge({ index: MESSAGES_TAB, text: count > 99 ? '99+' : String(count) }).catch(done);
  } else {
    Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done);
  }
}

/** Asks for the unread count when someone is signed in; a failure just leaves the badge as it was. */
export function refreshUnread(): void {
  if (!readToken()) {
    showUnread(0);
    return;
  }
  api.get<NoticePage>('/api/notifications', { query: { limit: 1 } }).then(
    (page) => showUnread(page.unread),
    () => undefined,
  );
}
