import type { CsvFile } from './csv-file';

// Excel and WPS on Chinese Windows save CSV as GBK unless told 「CSV UTF-8」: text that is not
// valid UTF-8 is read as GB18030 (which includes GBK), so either kind of file works.
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function pickCsvFile(): Promise<CsvFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.style.display = 'none';
    document.body.appendChild(input);
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(null);
      file.arrayBuffer().then((bytes) => resolve({ name: file.name, text: decode(bytes) }), reject);
    });
    input.click();
  });
}
