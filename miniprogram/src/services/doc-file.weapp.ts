import Taro from '@tarojs/taro';
import type { DocFile } from './doc-file';

// A phone has no file browser: the document comes from a WeChat chat (sent from a computer with
// 文件传输助手, say), read as bytes; the API tells the format from them.
export async function pickDocFile(): Promise<DocFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['docx', 'pdf', 'txt', 'doc', 'wps'] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const bytes = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  return { name: file.name, bytes };
}
