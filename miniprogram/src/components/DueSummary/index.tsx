import { Text, View } from '@tarojs/components';
import { REPLY_DAYS } from '@shared/inquiry/states';
import type { InquiryView } from '@shared/schemas/inquiry';
import { daysLeftText, monthDay, weekday } from '../../utils/format';
import { urgency, type Audience } from '../InquiryCard';
import styles from './index.module.scss';

export const PROVISIONAL_NOTE = '节假日安排未公布，日期可能调整';

/** The reply deadline of an inquiry, with how much time is left on the working-day clock. */
export function DueSummary({ inquiry: i, audience }: { inquiry: InquiryView; audience: Audience }) {
  if (i.status === 'withdrawn') return null;
  const done = i.status === 'answered' || i.status === 'closed';
  const level = urgency(i);
  const paused = i.status === 'awaiting_resident';
  let state: string;
  if (done) state = i.repliedAt && i.repliedAt <= i.dueAt ? '按期答复' : '超期答复';
  else if (paused) state = '暂停计算';
  else state = i.workingDaysLeft === null ? '' : daysLeftText(i.workingDaysLeft);

  return (
    <View className={`${styles.due} zc-due-summary`}>
      <View className={styles.row}>
        <View>
          <Text className={styles.label}>答复期限</Text>
          <Text className={`${styles.date} zc-due-date`}>
            {monthDay(i.dueAt)}（{weekday(i.dueAt)}）
          </Text>
        </View>
        {state && (
          <Text
            className={`${styles.state} ${level ? styles[level] : ''} ${done ? styles.done : ''} ${paused ? styles.paused : ''} zc-days-left`}
          >
            {state}
          </Text>
        )}
      </View>
      <Text className={styles.rule}>
        {i.simple ? `简单问题，${REPLY_DAYS.simple}` : REPLY_DAYS.normal} 个工作日内答复（收到当天不计，节假日顺延）
      </Text>
      {paused && (
        <Text className={styles.note}>
          {audience === 'resident' ? '请在下方补充说明；补充后继续计算，期限相应顺延。' : '居民补充说明后继续计算，期限相应顺延。'}
        </Text>
      )}
      {i.dueProvisional && !done && <Text className={`${styles.note} zc-provisional`}>{PROVISIONAL_NOTE}</Text>}
    </View>
  );
}
