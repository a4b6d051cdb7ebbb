import { ApiError } from '../../lib/errors';
import type { Block } from './tables';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (ENTITIES[e] ?? m),
  );
const span = (attrs: string, name: string) => Math.max(1, Math.min(50, Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1)));

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

type Cell = { text: string[]; colspan: number; rowspan: number };

/**
 * The HTML mammoth writes (p, h1–h6, ul/ol/li, table/tr/td with colspan and rowspan, br; no
 * other markup that matters) into lines and tables. A table becomes its grid: a cell merged over
 * several rows or columns has its text in the first and empty cells in the rest, as a table copied
 * as text has them. A table inside a cell is read as that cell's lines.
 */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let line = '';
  const tables: { rows: Cell[][] }[] = [];
  const emit = () => {
    const text = decode(line).trim();
    line = '';
    if (!text) return;
    const table = tables.at(-1);
    const cell = table?.rows.at(-1)?.at(-1);
    if (cell) cell.text.push(text);
    else if (!table) blocks.push({ kind: 'line', text });
  };
  for (const [, close, tag, attrs, text] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      line += text;
      continue;
    }
    const name = tag!.toLowerCase();
    if (BLOCK.has(name) || name === 'br') emit();
    else if (name === 'table' && !close) {
      emit();
      tables.push({ rows: [] });
    } else if (name === 'table') {
      emit();
      const table = tables.pop()!;
      const outer = tables.at(-1)?.rows.at(-1)?.at(-1);
      const rows = gridOf(table.rows);
      if (outer) outer.text.push(...rows.flat().filter(Boolean));
      else if (!tables.length && rows.length) blocks.push({ kind: 'table', rows });
    } else if (name === 'tr' && !close) tables.at(-1)?.rows.push([]);
    else if ((name === 'td' || name === 'th') && !close) {
      emit();
      tables.at(-1)?.rows.at(-1)?.push({ text: [], colspan: span(attrs!, 'colspan'), rowspan: span(attrs!, 'rowspan') });
    } else if (name === 'td' || name === 'th') emit();
  }
  emit();
  return blocks;
}

function gridOf(rows: Cell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) (grid[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? cell.text.join('\n') : '';
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.slice(0, rows.length).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** A .docx through mammoth: its paragraphs, headings, lists and tables (images are left out). */
export async function docxBlocks(bytes: ArrayBuffer): Promise<Block[]> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    // mammoth's browser build reads `arrayBuffer`, its Node build (the one bundled for workerd) `buffer`;
    // JSZip underneath takes an ArrayBuffer for either.
    const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    ({ value: html } = await mammoth.convertToHtml(input, { convertImage: noImages }));
  } catch {
    throw new ApiError('bad_request', '无法读取这个 .docx 文件（文件可能已损坏），请在 Word 或 WPS 中重新保存为 .docx 或导出为 PDF 后再导入');
  }
  return htmlBlocks(html);
}
