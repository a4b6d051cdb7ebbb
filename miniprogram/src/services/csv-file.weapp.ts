import Taro from '@tarojs/taro';
import { CSV_HEADER } from '@shared/constants';
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

// The mini-program cannot hand the phone an arbitrary file to keep: it copies the header, to
// paste as the first row of a spreadsheet on a computer.
export const templateOffer = {
  label: '复制表头',
  hint: '手机上无法保存模板文件：复制表头，粘贴到电脑上表格的第一行，每行填一条问答。',
};

export async function offerTemplate(): Promise<void> {
  await Taro.setClipboardData({ data: CSV_HEADER.join(',') });
}
