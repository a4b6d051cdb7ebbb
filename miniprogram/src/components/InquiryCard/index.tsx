import { Text, View } from '@tarojs/components';
import { AWAITING_REPLY, STATUS_LABELS, type InquiryStatus } from '@shared/inquiry/states';
import type { InquiryView } from '@shared/schemas/inquiry';
import { daysLeftText, excerpt, monthDay } from '../../utils/format';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

export type Audience = 'resident' | 'staff';

export function StatusTag({ status }: { status: InquiryStatus }) {
  return <Text className={`${styles.status} ${styles[status] ?? ''} zc-status`}>{STATUS_LABELS[status]}</Text>;
}

/** 超期 once the deadline passed; 临期 from the last working day before it (as the inbox tabs count). */
export function urgency(i: InquiryView): 'overdue' | 'due_soon' | null {
  if (i.overdue) return 'overdue';
  if (AWAITING_REPLY.includes(i.status) && i.workingDaysLeft !== null && i.workingDaysLeft <= 1) return 'due_soon';
  return null;
}

export function UrgencyBadge({ inquiry }: { inquiry: InquiryView }) {
  const level = urgency(inquiry);
  if (!level) return null;
  const text = level === 'overdue' ? '超期' : inquiry.workingDaysLeft === 0 ? '今天到期' : '临期';
  return <Text className={`${styles.badge} ${styles[level]} zc-urgency`} data-level={level}>{text}</Text>;
}

/** One line about where the inquiry stands on the clock. */
export function clockLine(i: InquiryView, audience: Audience): string {
  switch (i.status) {
    case 'awaiting_resident':
      return audience === 'resident' ? '等待您补充说明，期限暂停计算' : '等待居民补充，期限暂停计算';
    case 'answered':
    case 'closed':
      return `${i.repliedAt ? `${monthDay(i.repliedAt)}已答复` : '已答复'}${i.rating ? ` · 评价「${i.rating}」` : ''}`;
    case 'withdrawn':
      return audience === 'resident' ? '您已撤回此咨询' : '居民已撤回';
    default:
      return `${monthDay(i.dueAt)}前答复${i.workingDaysLeft === null ? '' : ` · ${daysLeftText(i.workingDaysLeft)}`}`;
  }
}

type Props = { inquiry: InquiryView; audience: Audience; onClick: () => void };

/** An inquiry in a list (我的咨询, 工作台); the whole card is the tap target. */
export function InquiryCard({ inquiry: i, audience, onClick }: Props) {
  const who = audience === 'resident' ? [i.unitName, i.answererName].filter(Boolean).join(' · ') : i.topic;
  return (
    <View
      className={`${styles.card} zc-inquiry-card`}
      data-id={i.id}
      data-status={i.status}
      hoverClass={styles.pressed}
      {...a11y.link()}
      onClick={onClick}
    >
      <View className={`${styles.head} zc-inquiry-head`}>
        <StatusTag status={i.status} />
        <Text className={`${styles.ticket} zc-ticket`}>{i.ticket}</Text>
        <UrgencyBadge inquiry={i} />
      </View>
      <Text className={`${styles.question} zc-inquiry-question`}>{excerpt(i.question, 64)}</Text>
      <View className={`${styles.foot} zc-inquiry-foot`}>
        <Text className={`${styles.clock} ${i.overdue ? styles.clockLate : ''} zc-clock`}>{clockLine(i, audience)}</Text>
        {who && <Text className={`${styles.who} zc-inquiry-who`}>{who}</Text>}
      </View>
      {audience === 'staff' && (
        // Cells of the inbox's table on a wide screen; a phone's card does without them.
        <View className={`${styles.more} zc-inquiry-more`}>
          <Text className="zc-inquiry-received">{monthDay(i.receivedAt)}</Text>
          <Text className="zc-inquiry-unit">{i.unitName ?? '未分派'}</Text>
        </View>
      )}
    </View>
  );
}
