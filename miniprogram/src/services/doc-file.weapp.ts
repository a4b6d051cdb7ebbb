import Taro from '@tarojs/taro';
import type { DocFile } from './doc-file';

// A phone has no file browser: the document comes from a WeChat chat (sent from a computer with
// 文件传输助手, say), read as bytes; the API tells the format from them.
const EXTENSIONS = {
  import: ['docx', 'pdf', 'txt', 'doc', 'wps'],
  attachment: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ofd', 'txt', 'png', 'jpg', 'jpeg'],
};

export async function pickDocFile(kind: 'import' | 'attachment' = 'import'): Promise<DocFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS[kind] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const bytes = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  return { name: file.name, bytes };
}
