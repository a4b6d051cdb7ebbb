import { SHANGHAI_OFFSET_MS, shanghaiDay } from '@shared/calendar/days';

/** `2025-11-23T02:00:00Z` → `2025-11-23` as the calendar day in Asia/Shanghai. */
export function shanghaiDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : shanghaiDay(new Date(t));
}

/** A single-line preview of an answer. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Words typed on one line, separated by spaces, commas, 顿号, semicolons or slashes. */
export function splitWords(text: string): string[] {
  return text
    .split(/[\s,，、;；/／]+/u)
    .map((w) => w.trim())
    .filter(Boolean);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function shanghai(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + SHANGHAI_OFFSET_MS);
}

/** `2026-11-30T15:59:59Z` → `11月30日` (Asia/Shanghai); a day of another year carries the year. */
export function monthDay(iso: string, now = new Date()): string {
  const d = shanghai(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
  if (!d) return iso;
  const sameYear = d.getUTCFullYear() === new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return `${sameYear ? '' : `${d.getUTCFullYear()}年`}${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `周一` for the Shanghai calendar day of `iso`. */
export function weekday(iso: string): string {
  const d = shanghai(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
  return d ? `周${WEEKDAYS[d.getUTCDay()]}` : '';
}

/** `11月23日 11:48` in Asia/Shanghai. */
export function dateTime(iso: string, now = new Date()): string {
  const d = shanghai(iso);
  if (!d) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${monthDay(iso, now)} ${hh}:${mm}`;
}

/** How the working days left before a reply deadline read: 0 is the due day itself. */
export function daysLeftText(n: number): string {
  if (n > 0) return `还剩 ${n} 个工作日`;
  if (n === 0) return '今天到期';
  return `已超期 ${-n} 个工作日`;
}

/** A file's size as people read it: 820 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
