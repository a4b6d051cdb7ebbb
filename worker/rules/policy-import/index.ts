import type { PolicyDraft } from '../../../shared/schemas/policy';
import { ApiError } from '../../lib/errors';
import { cleanLines } from './clean';
import { decodeText, detectFormat } from './detect';
import { parseDocument } from './document';
import { docxBlocks } from './docx';
import { pdfBlocks } from './pdf';
import { textBlocks } from './plain';
import type { Block } from './tables';

export type Upload = { bytes: Uint8Array; type: string; name: string };

const empty = (what: string) => new ApiError('validation', `${what}没有可导入的文字`, [{ path: 'file', message: '没有可导入的文字' }]);

/** Lines of a .docx or PDF cleaned as pasted text is (spaces, page numbers, website chrome). */
function cleaned(blocks: Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.kind === 'table') return [b];
    const [text] = cleanLines([b.text]);
    return text ? [{ kind: 'line', text }] : [];
  });
}

/** An uploaded document, any format we read, into the draft the editor reviews. Nothing is saved. */
export async function importDraft({ bytes, type, name }: Upload): Promise<PolicyDraft> {
  if (!bytes.length) throw empty('文件是空的，');
  const format = detectFormat(bytes, type, name);
  let blocks: Block[];
  if (format === 'pdf') {
    blocks = cleaned(await pdfBlocks(bytes));
    if (!blocks.length) throw empty('这个 PDF 没有文字层（可能是扫描件），');
  } else if (format === 'docx') {
    blocks = cleaned(await docxBlocks(bytes.slice().buffer));
    if (!blocks.length) throw empty('这个 .docx ');
  } else {
    const text = decodeText(bytes);
    const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
    if (controls > text.length / 100) throw new ApiError('bad_request', '无法识别这个文件的内容，请上传 .docx、PDF 或文本文件');
    blocks = textBlocks(text);
    if (!blocks.length) throw empty('');
  }
  return parseDocument(blocks);
}
