import { Text, View } from '@tarojs/components';
import type { InquiryView } from '@shared/schemas/inquiry';
import type { ReactNode } from 'react';
import { StatusTag } from '../InquiryCard';
import styles from './index.module.scss';

/**
 * The top of an inquiry's detail, for the resident and for staff alike: a notice when someone
 * else changed it first, then its status, ticket, question and how it came in.
 */
export function InquiryHead({
  inquiry: i,
  notice,
  meta,
  badge,
  questionClass,
}: {
  inquiry: InquiryView;
  notice: string;
  meta: string;
  badge?: ReactNode;
  questionClass: string;
}) {
  return (
    <>
      {notice && (
        <View className={`${styles.notice} zc-conflict`}>
          <Text className={`${styles.noticeText} zc-conflict-message`}>{notice}</Text>
          <Text className={styles.noticeHint}>已为您刷新为最新状态。</Text>
        </View>
      )}
      <View className={styles.card}>
        <View className={styles.headRow}>
          <StatusTag status={i.status} />
          <Text className={`${styles.ticket} zc-ticket`} userSelect>
            {i.ticket}
          </Text>
          {badge}
        </View>
        <Text className={`${styles.question} ${questionClass}`} userSelect>
          {i.question}
        </Text>
        <Text className={styles.meta}>{meta}</Text>
      </View>
    </>
  );
}
