/**
 * The numbering of a Chinese official document's structure (GB/T 9704-2012 §7.3.3: 一、 then
 * （一） then 1. then （1）), the enumerations of a work plan's items (一是、二是), and the 章/节/条
 * of a 规范性文件. A section's level comes from its marker, not from how deep it sits.
 */
export const SECTION_LEVELS = [
  { level: 1, example: '一、', also: '第一章' },
  { level: 2, example: '（一）', also: '第一节' },
  { level: 3, example: '1.', also: '第一条' },
  { level: 4, example: '（1）', also: null },
  { level: 5, example: '一是', also: null },
] as const;
export type SectionLevel = 0 | (typeof SECTION_LEVELS)[number]['level'];

const CN = '[一二三四五六七八九十百零〇]{1,4}';
const MARKERS: { level: SectionLevel; pattern: RegExp; article?: boolean }[] = [
  { level: 1, pattern: new RegExp(`^第${CN}章`) },
  { level: 2, pattern: new RegExp(`^第${CN}节`) },
  { level: 3, pattern: new RegExp(`^第${CN}条`), article: true },
  { level: 1, pattern: new RegExp(`^${CN}\\s*[、．.]`) },
  { level: 2, pattern: new RegExp(`^[（(]\\s*${CN}\\s*[）)]`) },
  // 1. 1． 1、 but not 1.5 or a year (2021年) or a phone number.
  { level: 3, pattern: /^\d{1,2}\s*[.．、](?![\d.．])/ },
  { level: 4, pattern: /^[（(]\s*\d{1,2}\s*[）)]/ },
  { level: 5, pattern: /^[一二三四五六七八九十]{1,3}是(?![非否])/ },
];

export type Heading = {
  level: SectionLevel;
  /** The marker as printed, brackets made full-width and spaces removed: （一）, 1．, 一是. */
  marker: string;
  /** What follows the marker. */
  rest: string;
  /** 第X条: the marker is the heading, the rest is the article's text. */
  article: boolean;
};

/** The heading marker a paragraph starts with, or null for running text. */
export function headingOf(paragraph: string): Heading | null {
  for (const { level, pattern, article } of MARKERS) {
    const m = pattern.exec(paragraph);
    if (!m) continue;
    const marker = m[0].replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
    return { level, marker, rest: paragraph.slice(m[0].length).trim(), article: !!article };
  }
  return null;
}
