/**
 * What a document picks up on its way to us and is no part of it: a government website's page
 * around the text (navigation, share and print buttons), page numbers from a PDF or a printout,
 * markdown bold from a rich-text copy, and the spaces PDF extraction puts between characters.
 */

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d\\u2014\\u2026';

/** Spaces next to a Chinese character or punctuation are layout, never content (2023 年 → 2023年). */
export function tidy(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\*\*/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(new RegExp(` (?=[${CJK}])|(?<=[${CJK}]) `, 'g'), '')
    .trim();
}

const CHROME_EXACT = new Set([
  '首页', '网站首页', '政务资讯', '政务公开', '政务服务', '政府数据', '数据开放', '政民互动', '互动交流',
  '新闻中心', '信息公开', '政府信息公开', '办事服务', '网站地图', '联系我们', '无障碍', '无障碍浏览',
  '长者模式', '关怀版', '简体', '繁体', '打印', '打印本页', '关闭', '关闭窗口', '收藏', '分享', '分享到',
  '返回顶部', '上一篇', '下一篇', '相关链接', '相关文章', '相关阅读', '扫一扫', '扫一扫在手机打开当前页',
  '扫一扫在手机上打开当前页', '手机扫一扫', '用手机扫描二维码', '字号', '大中小',
]);

const CHROME_PATTERNS = [
  /^走进.{1,6}$/,
  /^[【[]?(打印本页|打印|关闭窗口|关闭|收藏本页|返回顶部)[】\]]?([【[]?(打印本页|打印|关闭窗口|关闭|收藏本页|返回顶部)[】\]]?)*$/,
  /^[【[]?字[号体][:：]?(大中小|[大中小](默认)?)+[】\]]?$/,
  /^(当前位置|您当前的位置|您的位置|当前所在位置)[:：]/,
  /^(浏览次数|访问次数|阅读次数|点击数|来源|信息来源|发布时间|发布日期|作者|责任编辑|编辑|供稿)[:：]/,
  /^(分享到|分享)[:：]/,
  /(版权所有|网站标识码|ICP备|公网安备|建议使用.*浏览器)/,
  /^首页\s*[>＞»›]/,
  /[>＞»›]\s*(政务公开|政策文件|通知公告|正文)\s*$/,
];

/** A website's page furniture around the document (nav, print, share). */
export function isChrome(line: string): boolean {
  return CHROME_EXACT.has(line) || CHROME_PATTERNS.some((p) => p.test(line));
}

/** A page number left by a page break: — 3 —, - 3 -, －3－, 第 3 页 共 10 页, 3/10. */
export function isPageDebris(line: string): boolean {
  return (
    /^[-—–－―]+\s*\d{1,4}\s*[-—–－―]+$/.test(line) ||
    /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/.test(line) ||
    /^\d{1,4}\s*[/／]\s*\d{1,4}$/.test(line)
  );
}

/** Tidied lines without chrome and page numbers; empty lines are kept (the text path's tables use them). */
export function cleanLines(lines: string[]): string[] {
  return lines.map(tidy).filter((l) => !isChrome(l) && !isPageDebris(l));
}
