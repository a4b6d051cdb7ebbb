import { CSV_HEADER } from '../constants';

type TemplateRow = Record<(typeof CSV_HEADER)[number], string>;

/**
 * The example rows of the import template. Their questions are marked （示例） so that a template
 * imported unchanged is refused row by row instead of publishing the examples.
 */
export const IMPORT_TEMPLATE_ROWS: readonly TemplateRow[] = [
  {
    类目: '户籍',
    问题: '（示例）居住证怎么办理？',
    答案: '在居住地居住半年以上，有合法稳定就业、合法稳定住所或连续就读的，可持身份证和居住登记凭证到居住地派出所申领居住证。',
    相似问法: '办居住证要什么材料；居住证在哪里办',
    关键字: '居住证',
    发文单位: '',
  },
  {
    类目: '社保',
    问题: '（示例）灵活就业人员怎么交养老保险？',
    答案: '持身份证到社保经办窗口或在线上办理参保登记，可按月或按年缴费，缴费基数在规定范围内自选。',
    相似问法: '自由职业怎么交社保；个体户养老保险怎么交',
    关键字: '灵活就业、养老保险',
    发文单位: '',
  },
];

export const IMPORT_TEMPLATE_FILE = '问答导入模板.csv';

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The template as a file: UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 CSV. */
export function importTemplateCsv(): string {
  const lines = [CSV_HEADER.join(','), ...IMPORT_TEMPLATE_ROWS.map((r) => CSV_HEADER.map((h) => cell(r[h])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
