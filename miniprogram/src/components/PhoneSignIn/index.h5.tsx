import { Input, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { MOBILE_PHONE } from '@shared/constants';
import type { Session } from '@shared/schemas/auth';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import { requestCode, signInWithPhone } from '../../services/session';
import styles from './index.module.scss';

const clean = (phone: string) => phone.replace(/[\s-]/g, '');

/** 获取验证码 with its countdown; the server decides how often, the button just shows it. */
function useCodeSender() {
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);
  const send = async (phone: string): Promise<string | null> => {
    if (!MOBILE_PHONE.test(clean(phone))) return '请先填写 11 位手机号';
    setSending(true);
    try {
      const r = await requestCode(clean(phone));
      setSent(true);
      setWait(r.resendIn);
      return null;
    } catch (err) {
      return errorMessage(err);
    } finally {
      setSending(false);
    }
  };
  return { wait, sending, sent, send };
}

function SendButton({ sender, phone, onError }: { sender: ReturnType<typeof useCodeSender>; phone: string; onError: (m: string) => void }) {
  return (
    <Button
      className={`${styles.send} zc-send-code`}
      fill="outline"
      type="primary"
      disabled={sender.sending || sender.wait > 0}
      onClick={() => void sender.send(phone).then((m) => m && onError(m))}
    >
      {sender.wait > 0 ? `${sender.wait} 秒后重发` : sender.sent ? '重新获取' : '获取验证码'}
    </Button>
  );
}

export function CodeField({ phone, value, onChange, error }: { phone: string; value: string; onChange: (code: string) => void; error?: string }) {
  const sender = useCodeSender();
  const [sendError, setSendError] = useState('');
  const shown = sendError || error;
  return (
    <View className={styles.codeBlock}>
      <View className={styles.codeRow}>
        <Input
          className={`${styles.input} ${styles.code} ${shown ? styles.inputError : ''} zc-code-input`}
          type="number"
          maxlength={6}
          value={value}
          placeholder="短信验证码"
          aria-label="短信验证码"
          onInput={(e) => {
            setSendError('');
            onChange(e.detail.value);
          }}
        />
        <SendButton sender={sender} phone={phone} onError={setSendError} />
      </View>
      <Text className={styles.hint}>
        {sender.sent ? '验证码已发送，5 分钟内有效' : '验证手机号后提交；答复后会短信通知这个号码'}
      </Text>
      {shown && <Text className={`${styles.error} zc-field-error`}>{shown}</Text>}
    </View>
  );
}

export function PhoneSignIn({
  title,
  hint,
  submitLabel = '登录',
  onSignedIn,
}: {
  title: string;
  hint?: string;
  submitLabel?: string;
  onSignedIn: (session: Session) => void;
}) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!MOBILE_PHONE.test(clean(phone))) next.phone = '请填写 11 位手机号';
    if (!/^\d{6}$/.test(code)) next.code = '请填写 6 位验证码';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      onSignedIn(await signInWithPhone(clean(phone), code));
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setErrors(err.fieldMessages());
      else setErrors({ _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`${styles.card} zc-phone-sign-in`}>
      <Text className={styles.title}>{title}</Text>
      {hint && <Text className={styles.hint}>{hint}</Text>}
      <Input
        className={`${styles.input} ${styles.phone} ${errors.phone ? styles.inputError : ''} zc-phone-input`}
        type="number"
        maxlength={11}
        value={phone}
        placeholder="手机号"
        aria-label="手机号"
        onInput={(e) => setPhone(e.detail.value)}
      />
      {errors.phone && <Text className={`${styles.error} zc-field-error`}>{errors.phone}</Text>}
      <CodeField phone={phone} value={code} onChange={setCode} error={errors.code} />
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}
      <Button className={`${styles.submit} zc-phone-submit`} type="primary" block size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
        {submitLabel}
      </Button>
    </View>
  );
}
