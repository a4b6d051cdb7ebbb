import { Text, View } from '@tarojs/components';
import type { Validity } from '@shared/policy/rules';
import * as a11y from '../../utils/a11y';
import { Tag, type Tone } from '../Tag';
import styles from './index.module.scss';

const VALIDITY_TONE: Record<Validity, Tone> = { 现行有效: 'success', 已修改: 'warn', 已废止: 'danger', 已失效: 'danger' };

/** 现行有效 / 已修改 / 已废止 / 已失效, in the colour that says whether it still holds. */
export function ValidityTag({ validity, className = '' }: { validity: Validity; className?: string }) {
  return (
    <Tag tone={VALIDITY_TONE[validity]} className={`zc-validity ${className}`}>
      {validity}
    </Tag>
  );
}

type Props = {
  title: string;
  docNumber: string | null;
  validity: Validity;
  /** The issuing body as printed, else our unit's name. */
  issuer: string;
  type?: string;
  date?: string | null;
  onClick: () => void;
};

/** One policy in a list (the 政策 tab, 相关政策 under a search); the whole card is the tap target. */
export function PolicyCard({ title, docNumber, validity, issuer, type, date, onClick }: Props) {
  return (
    <View className={`${styles.card} zc-policy-card`} hoverClass={styles.pressed} {...a11y.link()} onClick={onClick}>
      <View className={styles.body}>
        <Text className={styles.title}>{title}</Text>
        <Text className={styles.source}>
          {issuer}
          {docNumber ? `　${docNumber}` : ''}
        </Text>
        <View className={styles.meta}>
          <ValidityTag validity={validity} />
          {type && <Tag tone="plain">{type}</Tag>}
          {date && <Text className={styles.date}>{date}</Text>}
        </View>
      </View>
      <Text className={styles.chevron} {...a11y.hidden()}>
        ›
      </Text>
    </View>
  );
}
