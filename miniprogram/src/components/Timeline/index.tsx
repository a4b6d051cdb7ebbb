import { Text, View } from '@tarojs/components';
import { CHANNEL_LABELS, type Channel } from '@shared/inquiry/states';
import type { InquiryEvent } from '@shared/schemas/inquiry';
import { dateTime, monthDay } from '../../utils/format';
import type { Audience } from '../InquiryCard';
import styles from './index.module.scss';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A ledger event in plain Chinese: a short title and, where it helps, the details. */
export function describe(
  e: InquiryEvent,
  audience: Audience,
  reply: { nth: number; of: number } = { nth: 1, of: 1 },
): { title: string; detail: string[] } {
  const d = e.data;
  const you = audience === 'resident';
  switch (e.type) {
    case 'submitted': {
      const channel = str(d.channel) as Channel;
      const detail = channel && channel !== 'miniprogram' ? [`工作人员代为登记（来源：${CHANNEL_LABELS[channel] ?? channel}）`] : [];
      if (str(d.dueAt)) detail.push(`答复期限 ${monthDay(str(d.dueAt))}`);
      return { title: you ? '您提交了咨询' : '收到咨询', detail };
    }
    case 'assigned':
    case 'routed':
      return {
        // Routed at submission (no actor), or handed on by the unit's editor or the office.
        title: e.actorRole ? '已分派' : '已交办',
        detail: [
          ...(str(d.unitName) ? [`承办单位：${str(d.unitName)}`] : []),
          str(d.answererName) ? `政策解答员：${str(d.answererName)}` : '等待单位指定政策解答员',
        ],
      };
    case 'transferred':
      return {
        title: '已转办',
        detail: [
          `由${str(d.fromUnitName) || '原单位'}转至${str(d.unitName)}`,
          ...(str(d.answererName) ? [`政策解答员：${str(d.answererName)}`] : []),
          ...(str(d.reason) ? [`转办理由：${str(d.reason)}`] : []),
          '答复期限不变',
        ],
      };
    case 'clarification_requested':
      return { title: you ? '请您补充说明' : '请居民补充说明', detail: [str(d.message), '补充前答复期限暂停计算'].filter(Boolean) };
    case 'supplemented': {
      const stopped = num(d.stoppedDays);
      return {
        title: you ? '您补充了说明' : '居民补充了说明',
        detail: [
          str(d.message),
          stopped > 0 && str(d.dueAt) ? `答复期限顺延 ${stopped} 个工作日，至 ${monthDay(str(d.dueAt))}` : '',
        ].filter(Boolean),
      };
    }
    case 'replied':
      return {
        title: reply.nth > 1 ? '再次答复' : '已答复',
        // Answered again (after a 追问 or a reopening): every reply stays readable here; the card shows the latest.
        detail: [...(reply.of > 1 && str(d.reply) ? [str(d.reply)] : []), ...(!you && d.onTime === false ? ['超过答复期限'] : [])],
      };
    case 'followup_question':
      return {
        title: you ? '您追问了' : '居民追问',
        detail: [str(d.question), ...(str(d.dueAt) ? [`答复期限 ${monthDay(str(d.dueAt))}`] : [])].filter(Boolean),
      };
    case 'reopened':
      return {
        title: '回访后退回重办',
        detail: [
          ...(str(d.unitName) ? [`由${str(d.unitName)}重新答复`] : []),
          ...(str(d.dueAt) ? [`答复期限 ${monthDay(str(d.dueAt))}`] : []),
        ],
      };
    case 'followup_call':
      return { title: d.reached === true ? '回访：已接通' : '回访：未接通', detail: [str(d.outcome)].filter(Boolean) };
    case 'followup_closed':
      return { title: '结束回访', detail: [str(d.note)].filter(Boolean) };
    case 'followup_reopened':
      return { title: '政务公开办退回重办', detail: str(d.reason) ? [`退回理由：${str(d.reason)}`] : [] };
    case 'classified':
      return {
        title: d.simple === true ? '确认为简单问题' : '取消简单问题标记',
        detail: str(d.dueAt) ? [`答复期限调整为 ${monthDay(str(d.dueAt))}`] : [],
      };
    case 'due_changed':
      return {
        title: '答复期限调整',
        detail: [
          `${str(d.reason) === 'calendar' ? '节假日安排变化，' : ''}由 ${monthDay(str(d.from))} 调整为 ${monthDay(str(d.to))}`,
        ],
      };
    case 'withdrawn':
      return { title: you ? '您撤回了咨询' : '居民撤回了咨询', detail: str(d.reason) === 'account_deleted' ? ['注销账号时撤回'] : [] };
    case 'contact_erased':
      return {
        title: '联系方式已清除',
        detail: [str(d.reason) === 'account_deleted' ? '居民注销了账号' : `办结已满保存期限（${num(d.months)} 个月）`],
      };
    case 'rated':
      return {
        title: you ? '您评价了答复' : '居民评价了答复',
        detail: [`「${str(d.rating)}」`, ...(str(d.comment) ? [str(d.comment)] : [])],
      };
    case 'followup_opened':
      return { title: '转政务公开办回访', detail: [] };
    case 'published':
      return { title: d.target === 'faq' ? '答复已写入问答库' : '答复已发布到咨询公开', detail: ['已隐去个人信息'] };
    case 'returned_to_pool':
      return {
        title: '退回单位待分派',
        detail: [`原政策解答员：${str(d.answererName) || '未填写姓名'}`, ...(str(d.reason) ? [str(d.reason)] : [])],
      };
    default:
      return { title: '办理记录', detail: [] };
  }
}

/** The inquiry's ledger, newest first. Residents get the public events only (the API decides). */
export function Timeline({ events, audience }: { events: InquiryEvent[]; audience: Audience }) {
  const ordered = [...events].reverse();
  const replies = events.filter((e) => e.type === 'replied').length;
  let nth = replies;
  return (
    <View className={`${styles.timeline} zc-timeline`}>
      {ordered.map((e, i) => {
        // Newest first: the first reply met is the last one given.
        const { title, detail } = describe(e, audience, e.type === 'replied' ? { nth: nth--, of: replies } : undefined);
        // Staff see who did each step: every action in the ledger names its person.
        if (e.actorName && audience !== 'resident') detail.push(`经办：${e.actorName}`);
        return (
          <View key={e.id} className={`${styles.item} ${i === 0 ? styles.latest : ''} zc-event`} data-type={e.type}>
            <View className={styles.rail}>
              <View className={styles.dot} />
              {i < ordered.length - 1 && <View className={styles.line} />}
            </View>
            <View className={styles.body}>
              <View className={styles.titleRow}>
                <Text className={`${styles.title} zc-event-title`}>{title}</Text>
                <Text className={styles.time}>{dateTime(e.at)}</Text>
              </View>
              {detail.map((line, j) => (
                <Text key={j} className={styles.detail}>
                  {line}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
