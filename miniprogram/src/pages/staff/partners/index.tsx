import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@shared/schemas/auth';
import type { NewPartnerKey, PartnerKey, PartnerScope, WebhookDelivery } from '@shared/schemas/partner';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { Tag, type Tone } from '../../../components/Tag';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { createPartnerKey, EVENT_LABELS, listDeliveries, listPartnerKeys, revokePartnerKey, SCOPE_LABELS, SCOPES } from '../../../services/partners';
import * as a11y from '../../../utils/a11y';
import { dateTime } from '../../../utils/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

const DELIVERY_STATE: Record<WebhookDelivery['state'], { label: string; tone: Tone }> = {
  pending: { label: '待发送', tone: 'primary' },
  retrying: { label: '重试中', tone: 'warn' },
  delivered: { label: '已送达', tone: 'success' },
  failed: { label: '未送达', tone: 'danger' },
};

function copy(data: string, what: string) {
  void Taro.setClipboardData({ data }).then(
    () => Taro.showToast({ title: `已复制${what}`, icon: 'none' }),
    () => Taro.showToast({ title: `复制失败，请长按${what}手动复制`, icon: 'none', duration: 2500 }),
  );
}

export default function PartnersPage() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能管理对接密钥" />
      </Page>
    );
  }
  return <Partners user={user} />;
}

function Partners({ user }: { user: Me }) {
  const list = useResource(listPartnerKeys, [user.id]);
  const [created, setCreated] = useState<NewPartnerKey | null>(null);
  return (
    <Page className="zc-partners">
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      <KeyForm
        again={created !== null}
        onCreated={(k) => {
          setCreated(k);
          void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
          list.refresh().catch(() => undefined);
        }}
      />
      <Keys list={list} />
    </Page>
  );
}

function KeyForm({ again, onCreated }: { again: boolean; onCreated: (k: NewPartnerKey) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<PartnerScope[]>(['inquiries:create', 'inquiries:read']);
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const toggle = (s: PartnerScope) => {
    setScopes((now) => (now.includes(s) ? now.filter((x) => x !== s) : SCOPES.filter((x) => x === s || now.includes(x))));
    setErrors((e) => ({ ...e, scopes: '' }));
  };

  const submit = async () => {
    if (busy) return;
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = '请填写名称，例如「区 12345 热线平台」';
    if (!scopes.length) missing.scopes = '请至少选择一项权限';
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const k = await createPartnerKey({ name: name.trim(), scopes, ...(url.trim() ? { webhookUrl: url.trim() } : {}) });
      setName('');
      setUrl('');
      onCreated(k);
    } catch (err) {
      setErrors(err instanceof ApiError && err.issues.length ? err.fieldMessages() : { _: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={again ? '再建一个密钥' : '新建对接密钥'} className="zc-partner-form">
      <Text className={styles.intro}>给 12345 热线平台等系统一个密钥：它可以代居民登记咨询、查询办理进度、检索问答库；答复、转办和状态变化会推送到它的回调地址。</Text>

      <Text className={styles.label}>名称</Text>
      <Input
        className={`${styles.input} ${errors.name ? styles.inputError : ''} zc-partner-name`}
        value={name}
        maxlength={40}
        placeholder="例如：区 12345 热线平台"
        onInput={(e) => {
          setName(e.detail.value);
          setErrors((x) => ({ ...x, name: '' }));
        }}
      />
      {errors.name && <Text className={`${styles.error} zc-field-error`}>{errors.name}</Text>}

      <Text className={`${styles.label} ${styles.spaced}`}>权限</Text>
      <View className={styles.scopes}>
        {SCOPES.map((s) => (
          <View
            key={s}
            className={`${styles.scope} ${scopes.includes(s) ? styles.scopeOn : ''} zc-partner-scope`}
            data-scope={s}
            {...a11y.checkbox(scopes.includes(s))}
            aria-label={SCOPE_LABELS[s]}
            onClick={() => toggle(s)}
          >
            <Text className={styles.scopeName}>{SCOPE_LABELS[s]}</Text>
            <Text className={styles.scopeCode}>{s}</Text>
          </View>
        ))}
      </View>
      {errors.scopes && <Text className={`${styles.error} zc-field-error`}>{errors.scopes}</Text>}

      <Text className={`${styles.label} ${styles.spaced}`}>回调地址（选填）</Text>
      <Input
        className={`${styles.input} ${errors.webhookUrl ? styles.inputError : ''} zc-partner-url`}
        value={url}
        maxlength={500}
        placeholder="https://…"
        onInput={(e) => {
          setUrl(e.detail.value);
          setErrors((x) => ({ ...x, webhookUrl: '' }));
        }}
      />
      {errors.webhookUrl ? (
        <Text className={`${styles.error} zc-field-error`}>{errors.webhookUrl}</Text>
      ) : (
        <Text className={styles.hint}>须为 https 地址。每次推送带 X-Zc-Timestamp 和 X-Zc-Signature 签名，失败会按间隔重试。</Text>
      )}
      {errors._ && <Text className={`${styles.formError} zc-form-error`}>{errors._}</Text>}

      <Button className={`${styles.submit} zc-partner-submit`} type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void submit()}>
        生成密钥
      </Button>
    </Card>
  );
}

/** The key and the signing secret, shown this once: the server keeps the key only as its hash. */
function NewKey({ created, onDone }: { created: NewPartnerKey; onDone: () => void }) {
  return (
    <Card title="密钥已生成" className={`${styles.result} zc-partner-result`}>
      <Text className={styles.howTo}>把密钥交给「{created.name}」的技术人员，调用时放在 Authorization: Bearer 中。</Text>
      <View className={styles.secretBox}>
        <Text className={styles.secretLabel}>对接密钥</Text>
        <Text className={`${styles.secret} zc-partner-key`} userSelect>
          {created.key}
        </Text>
        <Button className={`${styles.copy} zc-partner-copy-key`} type="primary" fill="outline" onClick={() => copy(created.key, '密钥')}>
          复制密钥
        </Button>
      </View>
      {created.webhookSecret && (
        <View className={styles.secretBox}>
          <Text className={styles.secretLabel}>回调签名密钥</Text>
          <Text className={`${styles.secret} zc-partner-secret`} userSelect>
            {created.webhookSecret}
          </Text>
          <Button className={`${styles.copy} zc-partner-copy-secret`} type="primary" fill="outline" onClick={() => copy(created.webhookSecret!, '签名密钥')}>
            复制签名密钥
          </Button>
        </View>
      )}
      <Text className={styles.once}>
        {created.webhookSecret ? '密钥和签名密钥' : '密钥'}只在这里显示一次。离开本页后无法再查看；遗失了请吊销后重新生成。
      </Text>
      <Text className={`${styles.done} zc-partner-done`} {...a11y.button('收起密钥')} onClick={onDone}>
        收起
      </Text>
    </Card>
  );
}

type KeyList = ReturnType<typeof useResource<{ items: PartnerKey[] }>>;

function Keys({ list }: { list: KeyList }) {
  const [revoking, setRevoking] = useState<PartnerKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError('');
    try {
      await revokePartnerKey(revoking.id);
      await list.refresh().catch(() => undefined);
      setRevoking(null);
      void Taro.showToast({ title: '已吊销', icon: 'success' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="对接密钥" className="zc-partner-keys">
      {list.status === 'loading' && <Loading compact />}
      {list.status === 'error' && <ListError error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.data.items.length === 0 && <EmptyState compact title="还没有对接密钥" hint="生成的密钥会列在这里，可随时吊销" />}
      {list.status === 'ok' &&
        list.data.items.map((k) => (
          <View key={k.id} className={`${styles.key} zc-partner-key-row`} data-id={k.id} data-revoked={k.revokedAt ? 'true' : 'false'}>
            <View className={styles.keyHead}>
              <Text className={styles.keyName}>{k.name}</Text>
              <Tag tone={k.revokedAt ? 'plain' : 'success'}>{k.revokedAt ? '已吊销' : '使用中'}</Tag>
            </View>
            <Text className={styles.prefix}>{k.prefix}…</Text>
            <Text className={styles.meta}>{k.scopes.map((s) => SCOPE_LABELS[s]).join('、')}</Text>
            {k.webhookUrl && <Text className={styles.url}>回调：{k.webhookUrl}</Text>}
            <Text className={styles.meta}>
              {dateTime(k.createdAt)} 生成 · {k.revokedAt ? `${dateTime(k.revokedAt)} 吊销` : k.lastUsedAt ? `最近使用 ${dateTime(k.lastUsedAt)}` : '尚未使用'}
            </Text>
            <View className={styles.actions}>
              {k.webhookUrl && (
                <Button className={`${styles.action} zc-partner-deliveries`} size="small" type="primary" fill="outline" onClick={() => setOpen(open === k.id ? null : k.id)}>
                  {open === k.id ? '收起推送记录' : '推送记录'}
                </Button>
              )}
              {!k.revokedAt && (
                <Button
                  className={`${styles.action} zc-partner-revoke`}
                  size="small"
                  type="danger"
                  fill="outline"
                  onClick={() => {
                    setError('');
                    setRevoking(k);
                  }}
                >
                  吊销
                </Button>
              )}
            </View>
            {open === k.id && <Deliveries keyId={k.id} />}
          </View>
        ))}
      <ConfirmDialog
        visible={revoking !== null}
        title="吊销这个密钥？"
        confirmText="吊销"
        danger
        busy={busy}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        {revoking && <Text>吊销后，「{revoking.name}」用这个密钥的调用立即失效，也不再收到推送。需要时可以重新生成。</Text>}
      </ConfirmDialog>
    </Card>
  );
}

function Deliveries({ keyId }: { keyId: string }) {
  const list = useResource(() => listDeliveries(keyId), [keyId]);
  if (list.status === 'loading') return <Loading compact text="正在读取推送记录…" />;
  if (list.status === 'error') return <ListError error={list.error} onRetry={list.reload} />;
  if (!list.data.items.length) return <EmptyState compact title="还没有推送" hint="它登记的咨询被答复、转办或状态变化时，会推送到回调地址" />;
  return (
    <View className={`${styles.deliveries} zc-partner-delivery-list`}>
      {list.data.items.map((d) => {
        const last = d.tries.at(-1);
        return (
          <View key={d.id} className={`${styles.delivery} zc-partner-delivery`} data-state={d.state}>
            <View className={styles.keyHead}>
              <Text className={styles.deliveryEvent}>
                {EVENT_LABELS[d.event] ?? d.event} · {d.ticket}
              </Text>
              <Tag tone={DELIVERY_STATE[d.state].tone}>{DELIVERY_STATE[d.state].label}</Tag>
            </View>
            <InfoRow label="尝试">
              {d.attempts} 次{last ? `，最近 ${dateTime(last.at)}${last.statusCode ? `（${last.statusCode}）` : ''}` : ''}
            </InfoRow>
            {d.state !== 'delivered' && d.lastError && <InfoRow label="错误">{d.lastError}</InfoRow>}
            {d.nextAttemptAt && d.state === 'retrying' && <InfoRow label="下次重试">{dateTime(d.nextAttemptAt)}</InfoRow>}
          </View>
        );
      })}
    </View>
  );
}
