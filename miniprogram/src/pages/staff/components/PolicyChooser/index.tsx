import { Input, ScrollView, Text, View } from '@tarojs/components';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import type { PolicySummary } from '@shared/schemas/policy';
import { useEffect, useState } from 'react';
import { ValidityTag } from '../../../../components/PolicyCard';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useEscape } from '../../../../hooks/useEscape';
import { useResource } from '../../../../hooks/useResource';
import { listPolicies } from '../../../../services/policies';
import * as a11y from '../../../../utils/a11y';
import styles from './index.module.scss';

type Props = {
  visible: boolean;
  title: string;
  /** Policies not to offer (the one being edited, those already chosen). */
  exclude: readonly string[];
  onClose: () => void;
  onPick: (p: PolicySummary) => void;
};

/** A bottom sheet of published policies, found by title or 文号, to pick one from. */
export function PolicyChooser({ visible, title, exclude, onClose, onPick }: Props) {
  useEscape(visible, onClose);
  return (
    <Popup visible={visible} position="bottom" round closeable title={title} onClose={onClose} destroyOnClose>
      {visible && <ChooserList exclude={exclude} onPick={onPick} />}
    </Popup>
  );
}

function ChooserList({ exclude, onPick }: { exclude: readonly string[]; onPick: (p: PolicySummary) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useResource(() => listPolicies({ q: q || undefined, limit: 30 }), [q]);
  const items = found.status === 'ok' ? found.data.items.filter((i) => !exclude.includes(i.id)) : [];
  return (
    <View className={`${styles.chooser} zc-policy-chooser`} data-status={found.status} data-query={q}>
      <Input className={`${styles.input} zc-policy-chooser-search`} value={text} placeholder="按标题或文号查找" onInput={(e) => setText(e.detail.value)} />
      <ScrollView scrollY className={styles.list}>
        {found.status === 'loading' && <Loading compact />}
        {found.status === 'error' && <ErrorState compact error={found.error} onRetry={found.reload} />}
        {found.status === 'ok' && items.length === 0 && <EmptyState compact title="没有找到已发布的文件" />}
        {items.map((i) => (
          <View key={i.id} className={`${styles.option} zc-policy-option`} data-id={i.id} hoverClass={styles.pressed} {...a11y.button(i.title)} onClick={() => onPick(i)}>
            <Text className={styles.optionTitle}>{i.title}</Text>
            <View className={styles.meta}>
              <ValidityTag validity={i.validity} />
              <Text className={styles.optionMeta}>{[i.docNumber, i.unitName, i.publishedDate ?? i.signedDate].filter(Boolean).join(' · ')}</Text>
            </View>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
