import type { InquiryRow } from './inquiries';

/** A user's notification, with the inquiry it points at (if that inquiry still exists). */
export type NotificationRow = {
  id: number;
  inquiry_id: string | null;
  link: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  inquiry: (Pick<InquiryRow, 'question' | 'resident_id' | 'unit_id' | 'answerer_id'>) | null;
};

type Joined = Omit<NotificationRow, 'inquiry'> & {
  i_id: string | null;
  i_question: string | null;
  i_resident_id: string | null;
  i_unit_id: string | null;
  i_answerer_id: string | null;
};

/**
 * Newest first, older than `before` when given, and the number unread. The inquiry's question is
 * read here, at read time, rather than copied into each notification.
 */
export async function listNotifications(
  db: D1Database,
  userId: string,
  { limit, before }: { limit: number; before?: number },
): Promise<{ rows: NotificationRow[]; unread: number }> {
  const [list, unread] = await db.batch<Joined | { n: number }>([
    db
      .prepare(
        `SELECT n.id, n.inquiry_id, n.link, n.kind, n.title, n.body, n.created_at, n.read_at,
           i.id AS i_id, i.question AS i_question, i.resident_id AS i_resident_id, i.unit_id AS i_unit_id,
           i.answerer_id AS i_answerer_id
         FROM notifications n LEFT JOIN inquiries i ON i.id = n.inquiry_id
         WHERE n.user_id = ?1 AND (?2 IS NULL OR n.id < ?2) ORDER BY n.id DESC LIMIT ?3`,
      )
      .bind(userId, before ?? null, limit),
    db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL').bind(userId),
  ]);
  const rows = (list!.results as Joined[]).map(({ i_id, i_question, i_resident_id, i_unit_id, i_answerer_id, ...n }) => ({
    ...n,
    inquiry:
      i_id === null
        ? null
        : { question: i_question ?? '', resident_id: i_resident_id, unit_id: i_unit_id, answerer_id: i_answerer_id },
  }));
  return { rows, unread: (unread!.results[0] as { n: number }).n };
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(db: D1Database, userId: string, id: number, now: string): Promise<boolean> {
  const r = await db
    .prepare('UPDATE notifications SET read_at = COALESCE(read_at, ?3) WHERE id = ?1 AND user_id = ?2')
    .bind(id, userId, now)
    .run();
  return r.meta.changes > 0;
}
