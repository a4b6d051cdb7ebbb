import { headingOf } from '../../../shared/policy/sections';
import { tidy } from './clean';

/** What every reader (text, .docx, PDF) hands the parser: the document's lines and its tables in order. */
export type Block = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][] };

/** A blank line between rows; a line of only a tab is an empty cell. */
export const isBlank = (raw: string) => !raw.startsWith('\t') && !raw.trim();

/**
 * A table copied from a web page as text arrives one cell per line, each cell starting with a tab;
 * a cell's own line breaks continue without one, and a blank line usually, but not always, ends
 * a row (a cell may end with an empty paragraph). The row width is the most common count between
 * blank lines: shorter groups are one row broken by such a blank and are put back together.
 */
export function tabCellRows(lines: string[]): string[][] {
  const groups: string[][][] = [];
  let group: string[][] = [];
  for (const raw of lines) {
    if (isBlank(raw)) {
      if (group.length) groups.push(group);
      group = [];
    } else if (raw.startsWith('\t') || !group.length) {
      group.push([raw.replace(/^\t/, '')]);
    } else {
      group.at(-1)!.push(raw);
    }
  }
  if (group.length) groups.push(group);
  if (!groups.length) return [];

  const counts = new Map<number, number>();
  for (const g of groups.slice(1)) counts.set(g.length, (counts.get(g.length) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? groups[0]!.length;

  const cell = (parts: string[]) => parts.map(tidy).filter(Boolean).join('\n');
  // The header is the first group, narrower when its first heading spans two columns.
  const rows: string[][] = [groups[0]!.map(cell)];
  const pending: string[] = [];
  for (const g of groups.slice(1)) {
    pending.push(...g.map(cell));
    while (pending.length >= width) rows.push(pending.splice(0, width));
  }
  if (pending.some(Boolean)) rows.push([...pending, ...Array<string>(width - pending.length).fill('')]);
  return rows;
}

const isOutline = (cell: string) => !cell || headingOf(cell) !== null;

/**
 * A grid as read (merged cells left empty after their first) into the table the editor reviews:
 * - the header row names the columns; a heading over several columns (工作任务 over the 一、 and
 *   （一） columns of a task list) becomes one column;
 * - when the columns under such a heading are an outline (一、 then （一）), the outer level becomes
 *   a row of its own and the inner one names the task of every row under it;
 * - under one task, an empty cell is a merged one and repeats the cell above (牵头单位 over the
 *   task's measures). Elsewhere an empty cell stays empty: nothing says it was merged.
 * Rows with nothing in them go.
 */
export function normalizeTable(grid: string[][]): string[][] | null {
  const rows = grid
    .map((r) => r.map((c) => c.split('\n').map(tidy).filter(Boolean).join('\n')))
    .filter((r) => r.some(Boolean));
  if (rows.length < 2) return rows.length ? rows : null;
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  let header = rows[0]!;
  // A header read as text has one cell per heading: the first heading spans the missing columns.
  if (header.length < width) header = [header[0]!, ...Array<string>(width - header.length).fill(''), ...header.slice(1)];
  const body = rows.slice(1).map(pad);

  // Spans: each heading with the empty header cells after it.
  const spans: { label: string; from: number; to: number }[] = [];
  header.forEach((label, i) => {
    if (label || !spans.length) spans.push({ label, from: i, to: i + 1 });
    else spans.at(-1)!.to = i + 1;
  });
  const outline = spans.find((s) => s.to - s.from > 1 && body.every((r) => r.slice(s.from, s.to).every(isOutline)));
  if (!outline) return [header, ...body];

  const columns = spans.map((s) => (s === outline ? s.to - 1 : s.from));
  const outer = Array.from({ length: outline.to - 1 - outline.from }, (_, i) => outline.from + i);
  const task = outline.to - 1;
  const out: string[][] = [spans.map((s) => s.label)];
  let previous: string[] | null = null;
  for (const row of body) {
    for (const c of outer) if (row[c]) out.push(spans.map((s, i) => (i === spans.indexOf(outline) ? row[c]! : '')));
    const continues = !row[task] && previous !== null && !outer.some((c) => row[c]);
    const filled: string[] = continues ? row.map((cell, i) => cell || previous![i]!) : row;
    if (filled.some((cell, i) => cell && !outer.includes(i))) out.push(columns.map((c) => filled[c]!));
    previous = filled;
  }
  return out;
}
