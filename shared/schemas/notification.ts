import { z } from 'zod';
import { NOTICE_PAGE } from '../constants';

export { NOTICE_PAGE };

/** 消息, newest first; `before` (an id) pages back to older ones. */
export const noticeListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(NOTICE_PAGE),
  before: z.coerce.number().int().positive().optional(),
});
export const noticeIdParam = z.object({ id: z.coerce.number().int().positive() });
export const grantInput = z.object({ templateId: z.string().min(1).max(64), accepted: z.literal(true) }).strict();

export type Notice = {
  id: number;
  inquiryId: string | null;
  /** The app page it opens when it is not about an inquiry (a policy, an entry): `pages/policy/index?id=…`. */
  link: string | null;
  /** The question the notice is about, while the reader may see that inquiry; otherwise null. */
  question: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
};

export type NoticePage = { items: Notice[]; unread: number };
