import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { yearScheduleInputFor } from '@shared/calendar/schema';
import type { NamedDay } from '@shared/calendar/types';
import type { CalendarPreview } from '@shared/schemas/calendar';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, Loading } from '../../../components/Status';
import { Tag } from '../../../components/Tag';
import { useResource } from '../../../hooks/useResource';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { ApiError, errorMessage } from '../../../services/api';
import { getYear, previewYear, saveYear, type YearInput, type YearSchedule } from '../../../services/office';
import * as a11y from '../../../utils/a11y';
import { monthDay, weekday } from '../../../utils/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ListError } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

type Kind = 'holidays' | 'workdays';
const KIND_LABELS: Record<Kind, string> = { holidays: '放假', workdays: '调休上班' };
const SOURCE_LABELS: Record<YearSchedule['source'], { text: string; tone: 'success' | 'primary' | 'warn' }> = {
  package: { text: '国务院已公布（内置）', tone: 'success' },
  office: { text: '本办录入', tone: 'primary' },
  statutory: { text: '尚未公布：仅含法定节日，期限为暂定', tone: 'warn' },
};

const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const byDate = (a: NamedDay, b: NamedDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export default function CalendarPage() {
  const [user] = useStoredUser();
  if (user?.role !== 'office') {
    return (
      <Page>
        <SignInRequired hint="以政务公开办身份登录后，才能维护节假日安排" />
      </Page>
    );
  }
  return <Calendar />;
}

/** A year's holidays and adjusted workdays; a change is saved only after the office has seen which deadlines it moves. */
function Calendar() {
  const now = thisYear();
  const years = [now - 1, now, now + 1, now + 2];
  const [year, setYear] = useState(now + 1);
  const schedule = useResource(() => getYear(year), [year]);
  const [draft, setDraft] = useState<YearInput | null>(null);
  const [kind, setKind] = useState<Kind>('holidays');
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [addError, setAddError] = useState('');
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState('');

  // A new year starts from what is in force for it.
  useEffect(() => {
    setDraft(schedule.status === 'ok' ? { holidays: schedule.data.holidays, workdays: schedule.data.workdays } : null);
    setDate('');
    setSaveError('');
  }, [schedule.status, schedule.data]);

  const loaded = schedule.status === 'ok' ? schedule.data : null;
  const dirty = !!loaded && !!draft && JSON.stringify({ h: loaded.holidays, w: loaded.workdays }) !== JSON.stringify({ h: draft.holidays, w: draft.workdays });

  const add = () => {
    if (!draft) return;
    const entry = { date: date.trim(), name: name.trim() };
    const next = { ...draft, [kind]: [...draft[kind], entry].sort(byDate) };
    const check = yearScheduleInputFor(year).safeParse(next);
    if (!check.success) {
      setAddError(check.error.issues[0]?.message ?? '日期或名称不正确');
      return;
    }
    setDraft(next);
    setDate('');
    setAddError('');
    setSaveError('');
  };

  const remove = (k: Kind, day: string) => {
    if (!draft) return;
    setDraft({ ...draft, [k]: draft[k].filter((d) => d.date !== day) });
    setSaveError('');
  };

  const askPreview = async () => {
    if (!draft) return;
    setBusy(true);
    setSaveError('');
    try {
      setPreview(await previewYear(year, draft));
    } catch (err) {
      setSaveError(err instanceof ApiError && err.issues[0] ? err.issues[0].message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setSaveError('');
    try {
      const saved = await saveYear(year, draft);
      setPreview(null);
      await schedule.refresh().catch(() => undefined);
      void Taro.showToast({ title: saved.recomputed ? `已保存，${saved.recomputed} 条咨询的期限已调整` : '已保存', icon: 'none' });
    } catch (err) {
      setSaveError(err instanceof ApiError && err.issues[0] ? err.issues[0].message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const source = loaded ? SOURCE_LABELS[loaded.source] : null;

  return (
    <Page bar className="zc-calendar">
      <Text className={styles.intro}>
        国务院公布新一年的放假安排后，在这里录入；录入的安排代替内置数据。保存前会先列出在办咨询中答复期限会改变的条数和例子。
      </Text>
      <View className={styles.years} {...{ role: 'radiogroup', 'aria-label': '年份' }}>
        {years.map((y) => (
          <View
            key={y}
            className={`${styles.year} ${y === year ? styles.yearOn : ''} zc-calendar-year`}
            data-year={y}
            {...a11y.choice(y === year)}
            onClick={() => setYear(y)}
          >
            {y} 年
          </View>
        ))}
      </View>

      {schedule.status === 'loading' && <Loading />}
      {schedule.status === 'error' && <ListError error={schedule.error} onRetry={schedule.reload} />}
      {loaded && draft && source && (
        <>
          <View className={styles.sourceRow}>
            <Tag tone={source.tone} className="zc-calendar-source">
              {source.text}
            </Tag>
            {dirty && <Text className={`${styles.dirty} zc-calendar-dirty`}>有未保存的修改</Text>}
          </View>

          {(['holidays', 'workdays'] as const).map((k) => (
            <Card key={k} tight title={k === 'holidays' ? '放假日期' : '调休上班日期'} extra={<Text className={styles.count}>{draft[k].length} 天</Text>} className={`zc-calendar-${k}`}>
              {draft[k].length === 0 && (
                <View className={styles.emptyList}>
                  <EmptyState compact title={k === 'holidays' ? '这一年还没有放假日期' : '这一年没有调休上班日'} />
                </View>
              )}
              {draft[k].map((d) => (
                <View key={d.date} className={`${styles.day} zc-calendar-day`} data-date={d.date}>
                  <Text className={styles.date}>
                    {monthDay(d.date, new Date(`${year}-06-01T00:00:00+08:00`))} {weekday(d.date)}
                  </Text>
                  <Text className={styles.dayName}>{d.name}</Text>
                  <Text className={`${styles.remove} zc-calendar-remove`} {...a11y.button(`删除 ${d.date} ${d.name}`)} onClick={() => remove(k, d.date)}>
                    删除
                  </Text>
                </View>
              ))}
            </Card>
          ))}

          <Card title="添加日期" className="zc-calendar-add">
            <View className={styles.kinds} {...{ role: 'radiogroup', 'aria-label': '类型' }}>
              {(['holidays', 'workdays'] as const).map((k) => (
                <View key={k} className={`${styles.kind} ${kind === k ? styles.kindOn : ''} zc-calendar-kind-${k}`} {...a11y.choice(kind === k)} onClick={() => setKind(k)}>
                  {KIND_LABELS[k]}
                </View>
              ))}
            </View>
            <Text className={styles.label}>日期</Text>
            <Input
              className={`${styles.input} ${addError ? styles.inputError : ''} zc-calendar-date`}
              value={date}
              placeholder={`如：${year}-10-08`}
              maxlength={10}
              onInput={(e) => {
                setDate(e.detail.value);
                setAddError('');
              }}
            />
            <Text className={styles.label}>名称</Text>
            <Input
              className={`${styles.input} zc-calendar-name`}
              value={name}
              placeholder="如：国庆节"
              maxlength={20}
              onInput={(e) => {
                setName(e.detail.value);
                setAddError('');
              }}
            />
            {addError && <Text className={`${styles.error} zc-field-error`}>{addError}</Text>}
            <Button className={`${styles.addButton} zc-calendar-add-submit`} type="primary" fill="outline" block onClick={add}>
              添加到{KIND_LABELS[kind]}
            </Button>
          </Card>

          {saveError && !preview && <Text className={`${styles.formError} zc-calendar-error`}>{saveError}</Text>}

          <View className={styles.bar}>
            {dirty ? (
              <Button className="zc-calendar-preview" type="primary" block size="large" loading={busy} disabled={busy} onClick={() => void askPreview()}>
                预览影响并保存
              </Button>
            ) : (
              <Text className={styles.barHint}>
                {loaded.source === 'office' ? `${year} 年的安排已由本办录入` : `${year} 年用的是${loaded.source === 'package' ? '内置的公布安排' : '法定节日（暂定）'}`}
              </Text>
            )}
          </View>
        </>
      )}
      {schedule.status === 'ok' && !draft && <EmptyState title="没有这一年的安排" />}

      <ConfirmDialog
        visible={preview !== null}
        title={`保存 ${year} 年节假日安排？`}
        confirmText="确认保存"
        busy={busy}
        error={saveError}
        className="zc-calendar-confirm"
        onConfirm={() => void save()}
        onCancel={() => setPreview(null)}
      >
        {preview && <PreviewText preview={preview} year={year} />}
      </ConfirmDialog>
    </Page>
  );
}

function PreviewText({ preview, year }: { preview: CalendarPreview; year: number }) {
  const at = new Date(`${year}-06-01T00:00:00+08:00`);
  const settled = preview.settled > 0 && (
    <Text className={styles.previewMore}>另有 {preview.settled} 条的期限日期不变，不再标为暂定。</Text>
  );
  if (preview.changed === 0) {
    return (
      <View>
        <Text className={`${styles.previewLead} zc-calendar-impact`} data-changed={0}>
          在办咨询的答复期限日期都不会改变。
        </Text>
        {settled}
      </View>
    );
  }
  return (
    <View>
      <Text className={`${styles.previewLead} zc-calendar-impact`} data-changed={preview.changed}>
        {preview.changed} 条在办咨询的答复期限将随之调整，每条都记入台账。
      </Text>
      {preview.examples.map((e) => (
        <View key={e.id} className={`${styles.example} zc-calendar-example`} data-ticket={e.ticket}>
          <Text className={styles.exampleTicket}>{e.ticket}</Text>
          <Text className={styles.exampleDates}>
            {monthDay(e.from, at)} → {monthDay(e.to, at)}
            {e.provisional ? '（暂定）' : ''}
          </Text>
        </View>
      ))}
      {preview.changed > preview.examples.length && (
        <Text className={styles.previewMore}>{preview.examples.length ? `等 ${preview.changed} 条` : '均为其他辖区的咨询'}</Text>
      )}
      {settled}
    </View>
  );
}
