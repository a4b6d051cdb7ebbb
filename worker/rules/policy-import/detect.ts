import { ApiError } from '../../lib/errors';

export type Format = 'text' | 'docx' | 'pdf';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

const CONVERT = '请在 Word 或 WPS 中打开，另存为 .docx 或导出为 PDF 后再导入；也可以直接粘贴文字';
const unsupported = (what: string, how = CONVERT) => new ApiError('unsupported_media_type', `暂不支持${what}：${how}`);
const IMAGE = '图片和扫描件没有可读取的文字，请上传带文字层的 PDF 或 .docx，或粘贴文件文字';

/** Zip archives that are not Word documents: a spreadsheet, a presentation, an OFD (国产版式文件). */
function zipKind(bytes: Uint8Array): 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'zip' {
  // Entry names sit in the local headers in the clear; the first few kilobytes name the parts.
  const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
  if (head.includes('word/')) return 'docx';
  if (head.includes('xl/')) return 'xlsx';
  if (head.includes('ppt/')) return 'pptx';
  if (/OFD\.xml/i.test(head)) return 'ofd';
  return 'zip';
}

/**
 * What the upload is, from its bytes first (a .doc renamed .docx is still a .doc), then its
 * declared type and name. Old Word and WPS files (.doc, .wps, both OLE compound files), images,
 * RTF, spreadsheets and OFD are refused with how to convert them.
 */
export function detectFormat(bytes: Uint8Array, type: string, name: string): Format {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const mime = type.split(';')[0]!.trim().toLowerCase();
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const kind = zipKind(bytes);
    if (kind === 'docx') return 'docx';
    if (kind === 'ofd') throw unsupported(' OFD 版式文件', '请用数科阅读器或 WPS 打开后导出为 PDF 再导入');
    if (kind === 'xlsx' || ext === 'xlsx' || ext === 'et') throw unsupported('表格文件', '请把表格复制到 Word 中另存为 .docx，或直接粘贴表格文字');
    throw unsupported(ext ? ` .${ext} 文件` : '这种压缩文件', CONVERT);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw unsupported(ext === 'wps' ? ' .wps 格式（WPS 文字旧版文件）' : ext === 'xls' || ext === 'et' ? '旧版表格文件' : ' .doc 格式（Word 97-2003 文件）');
  }
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || ascii(bytes, 0, 4) === 'GIF8' ||
    startsWith(bytes, 0x42, 0x4d) || (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') ||
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a) || ascii(bytes, 4, 12).startsWith('ftyphei') ||
    mime.startsWith('image/')
  ) {
    throw unsupported('图片', IMAGE);
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') throw unsupported(' RTF 文件');
  if (['doc', 'wps', 'dot', 'wpt'].includes(ext) || mime === 'application/msword' || mime.includes('wps') || mime === 'application/vnd.ms-works') {
    throw unsupported(ext ? ` .${ext} 格式` : ' .doc 格式');
  }
  if (mime === 'application/pdf' || ext === 'pdf') throw new ApiError('bad_request', '这个文件不是有效的 PDF，请重新导出后再导入');
  if (mime.includes('wordprocessingml') || ext === 'docx') throw new ApiError('bad_request', '这个文件不是有效的 .docx，请在 Word 或 WPS 中重新保存后再导入');
  if (mime && !mime.startsWith('text/') && mime !== 'application/octet-stream' && !['txt', 'text', ''].includes(ext)) {
    throw unsupported(ext ? ` .${ext} 文件` : `这种文件（${mime}）`);
  }
  return 'text';
}

/** Text as Windows and phones save it: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      throw new ApiError('bad_request', '无法识别文字的编码，请另存为 UTF-8 文本或 .docx 后再导入');
    }
  }
}
