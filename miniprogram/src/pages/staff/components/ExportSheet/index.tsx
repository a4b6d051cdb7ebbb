import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import Taro from '@tarojs/taro';
import { addDays, shanghaiDay } from '@shared/calendar/days';
import type { ExportFormat } from '@shared/schemas/export';
import { useState } from 'react';
import { useEscape } from '../../../../hooks/useEscape';
import { errorMessage } from '../../../../services/api';
import { downloadFile, OFFERED_FORMATS } from '../../../../services/download';
import * as a11y from '../../../../utils/a11y';
import styles from './index.module.scss';

type Period = { key: string; label: string; from: string; to: string };

/** The periods an audit or the annual report asks for, in Shanghai days, ending today at the latest. */
function periods(today: string): Period[] {
  const year = Number(today.slice(0, 4));
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(monthStart, -1);
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return [
    { key: 'month', label: '本月', from: monthStart, to: today },
    { key: 'last_month', label: '上月', from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd },
    { key: 'quarter', label: '本季度', from: `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, to: today },
    { key: 'year', label: '今年', from: `${year}-01-01`, to: today },
    { key: 'last_year', label: '去年', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}

const WHAT = [
  { key: 'inquiries', label: '台账', path: '/api/inquiries/export' },
  { key: 'stats', label: '统计', path: '/api/stats/export' },
] as const;
const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel（.xlsx）', csv: 'CSV' };

/** 导出 on the 工作台: the ledger or the figures of a period as a spreadsheet; the office may add contact details, which is logged. */
export function ExportSheet({ office }: { office: boolean }) {
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<(typeof WHAT)[number]['key']>('inquiries');
  const [periodKey, setPeriodKey] = useState('month');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [contacts, setContacts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEscape(open, () => setOpen(false));

  const all = periods(shanghaiDay(new Date()));
  const period = all.find((p) => p.key === periodKey) ?? all[0]!;
  const withContacts = office && what === 'inquiries' && contacts;

  const start = async () => {
    setBusy(true);
    setError('');
    try {
      const target = WHAT.find((w) => w.key === what)!;
      await downloadFile(
        target.path,
        { from: period.from, to: period.to, format, contacts: withContacts ? '1' : undefined },
        `${what}_${period.from}_${period.to}.${format}`,
      );
      setOpen(false);
      void Taro.showToast({ title: '已导出', icon: 'none' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const chips = <T extends string>(items: readonly { key: T; label: string }[], value: T, set: (v: T) => void, name: string) => (
    <View className={styles.chips}>
      {items.map((item) => (
        <View
          key={item.key}
          className={`${styles.chip} ${item.key === value ? styles.chipOn : ''} zc-export-${name}`}
          data-value={item.key}
          {...a11y.choice(item.key === value)}
          onClick={() => set(item.key)}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  );

  return (
    <>
      <View className={styles.trigger}>
        <View className={`${styles.triggerText} zc-export-open`} {...a11y.button('导出台账或统计')} onClick={() => setOpen(true)}>
          <Text>导出台账、统计 ›</Text>
        </View>
      </View>
      <Popup visible={open} position="bottom" round closeable title="导出" onClose={() => setOpen(false)} destroyOnClose>
        {open && (
          <View className={`${styles.sheet} zc-export-sheet`}>
            <Text className={styles.label}>内容</Text>
            {chips(WHAT, what, setWhat, 'what')}
            <Text className={styles.label}>时间段</Text>
            {chips(all, periodKey, setPeriodKey, 'period')}
            <Text className={styles.range}>
              {period.from} 至 {period.to}
            </Text>
            {OFFERED_FORMATS.length > 1 && (
              <>
                <Text className={styles.label}>格式</Text>
                {chips(
                  OFFERED_FORMATS.map((f) => ({ key: f, label: FORMAT_LABELS[f] })),
                  format,
                  setFormat,
                  'format',
                )}
              </>
            )}
            {office && what === 'inquiries' && (
              <View
                className={`${styles.check} zc-export-contacts`}
                data-checked={contacts ? '1' : '0'}
                {...a11y.checkbox(contacts)}
                onClick={() => setContacts(!contacts)}
              >
                <View className={`${styles.box} ${contacts ? styles.boxOn : ''}`} {...a11y.hidden()}>
                  {contacts ? '✓' : ''}
                </View>
                <Text className={styles.checkText}>含联系方式（居民姓名、电话）</Text>
              </View>
            )}
            {withContacts && (
              <Text className={`${styles.warn} zc-export-warn`}>
                文件将含居民个人信息，本次导出会留痕（导出人、时间、时间段、条数）。请仅用于工作需要，妥善保管，用后删除。
              </Text>
            )}
            {error && <Text className={`${styles.error} zc-export-error`}>{error}</Text>}
            <Button className="zc-export-go" type="primary" block size="large" loading={busy} disabled={busy} onClick={start}>
              {busy ? '正在导出…' : '导出'}
            </Button>
          </View>
        )}
      </Popup>
    </>
  );
}
