import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Dialog from '@nutui/nutui-react-taro/dist/es/packages/dialog';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import type { PropsWithChildren } from 'react';
import { useEscape } from '../../../../hooks/useEscape';
import styles from './index.module.scss';

type Props = PropsWithChildren<{
  visible: boolean;
  title: string;
  confirmText: string;
  /** The action cannot be taken back lightly (停用, 作废, 撤销): the button says so in red. */
  danger?: boolean;
  busy?: boolean;
  /** Why the server refused, shown in the dialog so the reader sees it next to what they tried. */
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
}>;

/** Asks before an action that changes someone's work: what happens, in plain words, then 取消 or the action. */
export function ConfirmDialog({ visible, title, confirmText, danger = false, busy = false, error, onConfirm, onCancel, className = '', children }: Props) {
  const cancel = () => {
    if (!busy) onCancel();
  };
  useEscape(visible, cancel);
  return (
    <Dialog
      className={`${styles.dialog} zc-confirm ${className}`}
      visible={visible}
      title={title}
      closeOnOverlayClick={!busy}
      onCancel={cancel}
      onClose={cancel}
      footer={
        <View className={styles.actions}>
          <Button className={`${styles.button} zc-confirm-cancel`} fill="outline" disabled={busy} onClick={cancel}>
            取消
          </Button>
          <Button
            className={`${styles.button} zc-confirm-ok`}
            type={danger ? 'danger' : 'primary'}
            loading={busy}
            disabled={busy}
            onClick={onConfirm}
          >
            {confirmText}
          </Button>
        </View>
      }
    >
      {visible && (
        <View className={styles.body}>
          {children}
          {error && <Text className={`${styles.error} zc-confirm-error`}>{error}</Text>}
        </View>
      )}
    </Dialog>
  );
}
