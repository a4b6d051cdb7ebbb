import { Text } from '@tarojs/components';
import { readUser } from '../../services/session';
import styles from './index.module.scss';

export function SubscribeReply() {
  const phone = readUser()?.phone;
  if (!phone) return null;
  return <Text className={`${styles.note} zc-reply-sms`}>答复后会发短信到 {phone} 提醒您。</Text>;
}
