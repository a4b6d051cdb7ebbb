// Characters that make up questions but say nothing about their subject. A question made only
// of these (and punctuation) has nothing to search for, so the search answers with nothing
// rather than with whatever entries happen to share a 的 or a 吗.
const STOP_CHARS = new Set([...'的了是吗呢吧啊呀哦嘛么什怎样哪谁几我你他她它们这那个和与及或也都就还又在有要想请问一下些']);

export const isStopChar = (c: string): boolean => STOP_CHARS.has(c);
