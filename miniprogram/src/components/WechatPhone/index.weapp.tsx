import { Button } from '@tarojs/components';
import { api, errorMessage } from '../../services/api';
import { withSession } from '../../services/session';
import styles from './index.module.scss';

export function WechatPhone({ onPhone, onError }: { onPhone: (phone: string) => void; onError: (message: string) => void }) {
  return (
    <Button
      className={`${styles.button} zc-wechat-phone`}
      openType="getPhoneNumber"
      onGetPhoneNumber={(e) => {
        const code = (e.detail as { code?: string }).code;
        if (!code) return; // declined: the field stays for typing
        withSession(() => api.post<{ phone: string }>('/api/auth/weapp/phone', { code })).then(
          (r) => onPhone(r.phone),
          (err: unknown) => onError(errorMessage(err)),
        );
      }}
    >
      使用微信绑定的手机号
    </Button>
  );
}
