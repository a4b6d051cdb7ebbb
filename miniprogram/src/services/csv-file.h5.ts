import { IMPORT_TEMPLATE_FILE, importTemplateCsv } from '@shared/faq/import-template';
import type { CsvFile } from './csv-file';
import { chooseBrowserFile } from './browser-file';

// Excel and WPS on Chinese Windows save CSV as GBK unless told 「CSV UTF-8」: text that is not
// valid UTF-8 is read as GB18030 (which includes GBK), so either kind of file works.
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function pickCsvFile(): Promise<CsvFile | null> {
  const file = await chooseBrowserFile('.csv,text/csv');
  return file && { name: file.name, text: decode(await file.arrayBuffer()) };
}

export const templateOffer = {
  label: '下载模板',
  hint: '模板是 UTF-8 的 CSV 文件，Excel 和 WPS 都能直接打开。照示例行填写，示例行改写或删掉；保存时选「CSV UTF-8」。',
};

export async function offerTemplate(): Promise<void> {
  const url = URL.createObjectURL(new Blob([importTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = IMPORT_TEMPLATE_FILE;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next turn; keeping the URL would only hold the memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
