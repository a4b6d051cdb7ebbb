import { cleanLines, tidy } from './clean';
import { isBlank, tabCellRows, type Block } from './tables';

const cellsOf = (raw: string) => raw.replace(/^\t+/, '').split('\t');

/**
 * Pasted or uploaded text into the document's lines and tables. Tables come two ways: a web
 * page's, one cell per line after a tab (tabCellRows), and a spreadsheet's, one row per line with
 * tabs between the cells. Paragraphs indented with a tab are neither: their "rows" are one cell wide.
 */
export function textBlocks(text: string): Block[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    for (const line of cleanLines(lines)) if (line) blocks.push({ kind: 'line', text: line });
    lines = [];
  };
  const table = (rows: string[][], end: number) => {
    flush();
    blocks.push({ kind: 'table', rows });
    return end;
  };
  let i = 0;
  while (i < raw.length) {
    const line = raw[i]!;
    const width = cellsOf(line).length;
    if (width > 1) {
      let end = i;
      while (end < raw.length && cellsOf(raw[end]!).length === width) end++;
      if (end - i > 1) {
        i = table(raw.slice(i, end).map((r) => cellsOf(r).map(tidy)), end);
        continue;
      }
    }
    if (line.startsWith('\t')) {
      // The run: tab lines, a cell's continuation lines, and the blank lines between rows.
      let end = i + 1;
      while (end < raw.length && (raw[end]!.startsWith('\t') || isBlank(raw[end]!) || !isBlank(raw[end - 1]!))) end++;
      const rows = tabCellRows(raw.slice(i, end));
      if (rows.length > 1 && rows[1]!.length > 1) i = table(rows, end);
      else {
        lines.push(...raw.slice(i, end));
        i = end;
      }
      continue;
    }
    lines.push(line);
    i++;
  }
  flush();
  return blocks;
}
