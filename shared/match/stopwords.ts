// Characters that make up questions but say nothing about their subject. A question made only
// of these (plus punctuation) has nothing to search for; in scoring they weigh less.
const STOP_CHARS = new Set([...'的了是吗呢吧啊呀哦嘛么什怎样哪谁几我你他她它们这那个和与及或也都就还又在有没不要想请问吗一下些']);

export const isStopChar = (c: string): boolean => STOP_CHARS.has(c);
