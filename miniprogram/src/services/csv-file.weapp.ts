import Taro from '@tarojs/taro';
import type { CsvFile } from './csv-file';

// A phone has no file browser: the file comes from a WeChat chat (sent from a computer with
// 文件传输助手, say). The mini-program reads it as UTF-8 (Excel: 「CSV UTF-8」).
export async function pickCsvFile(): Promise<CsvFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
  return { name: file.name, text };
}
