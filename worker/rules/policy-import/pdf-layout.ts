import { headingOf } from '../../../shared/policy/sections';
import { isPageDebris, tidy } from './clean';
import type { Block } from './tables';

/*
 * A PDF's text layer is positioned glyph runs, its tables are ruling lines: this turns one page's
 * runs and lines into the document's paragraphs and tables, without a renderer.
 * Coordinates are PDF points, y upwards.
 */

export type Run = { text: string; x: number; y: number; width: number; size: number };
export type Segment = { x1: number; y1: number; x2: number; y2: number };
export type Page = { width: number; runs: Run[]; segments: Segment[] };

const TOL = 2;

type Line = { text: string; x: number; right: number; y: number; size: number };

/** Runs on one baseline, left to right. */
function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: Run[]; y: number; size: number }[] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < 0.4 * Math.max(line.size, run.size)) line.runs.push(run);
    else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  return lines.map(({ runs: rs, y, size }) => {
    rs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = rs[0]!.x;
    for (const r of rs) {
      // A gap wider than a space between two runs is a space (words of Latin text, a tab stop).
      if (text && r.x - end > 0.25 * size) text += ' ';
      text += r.text;
      end = r.x + r.width;
    }
    return { text, x: rs[0]!.x, right: end, y, size };
  });
}

// ---- tables -------------------------------------------------------------------------------

const isHorizontal = (s: Segment) => Math.abs(s.y1 - s.y2) < 0.5;

/** Sorted distinct values, those within TOL of each other taken as one. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out.at(-1)! > TOL) out.push(v);
  return out;
}

const touches = (h: Segment, v: Segment) =>
  v.x1 >= h.x1 - TOL && v.x1 <= h.x2 + TOL && h.y1 >= v.y1 - TOL && h.y1 <= v.y2 + TOL;

/** Groups of ruling lines that cross or meet each other: each group is one table's grid. */
function grids(segments: Segment[]): { hs: Segment[]; vs: Segment[] }[] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  segments.forEach((a, i) =>
    segments.forEach((b, j) => {
      if (j <= i || isHorizontal(a) === isHorizontal(b)) return;
      if (isHorizontal(a) ? touches(a, b) : touches(b, a)) parent[find(i)] = find(j);
    }),
  );
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()].map((g) => ({ hs: g.filter(isHorizontal), vs: g.filter((s) => !isHorizontal(s)) }));
}

type Table = { top: number; bottom: number; left: number; right: number; xs: number[]; rows: string[][] };

/**
 * A grid's cells and their text. A merged cell lacks the ruling line inside it, so grid cells
 * joined by a missing line are one; its text goes to its first grid cell and the others stay
 * empty, as a merged cell reads in a table copied as text.
 */
function tableOf({ hs, vs }: { hs: Segment[]; vs: Segment[] }, runs: Run[], used: Set<Run>): Table | null {
  const xs = distinct(vs.map((v) => v.x1));
  const ys = distinct(hs.map((h) => h.y1)).reverse();
  if (xs.length < 3 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covers = (lo: number, hi: number, from: number, to: number) => from <= lo + (hi - lo) * 0.25 && to >= hi - (hi - lo) * 0.25;
  const hasV = (x: number, yLo: number, yHi: number) => vs.some((v) => Math.abs(v.x1 - x) <= TOL && covers(yLo, yHi, v.y1, v.y2));
  const hasH = (y: number, xLo: number, xHi: number) => hs.some((h) => Math.abs(h.y1 - y) <= TOL && covers(xLo, xHi, h.x1, h.x2));

  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasV(xs[c + 1]!, ys[r + 1]!, ys[r]!)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasH(ys[r + 1]!, xs[c]!, xs[c + 1]!)) union(r * cols + c, (r + 1) * cols + c);
    }
  }

  const inCell = new Map<number, Run[]>();
  for (const run of runs) {
    const x = run.x + Math.min(1, run.width / 2);
    const y = run.y + 0.3 * run.size;
    const c = xs.findIndex((v, i) => i < cols && x >= v && x < xs[i + 1]!);
    const r = ys.findIndex((v, i) => i < rows && y <= v && y > ys[i + 1]!);
    if (c < 0 || r < 0) continue;
    used.add(run);
    const region = find(r * cols + c);
    inCell.set(region, [...(inCell.get(region) ?? []), run]);
  }
  const grid = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const [region, rs] of inCell) {
    const r = Math.floor(region / cols);
    const c = region % cols;
    let right = xs[c + 1]!;
    for (let k = c + 1; k < cols && find(r * cols + k) === region; k++) right = xs[k + 1]!;
    grid[r]![c] = cellText(linesOf(rs), right);
  }
  return { top: ys[0]!, bottom: ys.at(-1)!, left: xs[0]!, right: xs.at(-1)!, xs, rows: grid };
}

/** A cell's lines: a line that reaches the cell's right edge wraps on to the next. */
function cellText(lines: Line[], right: number): string {
  let text = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const wrapped = prev && right - prev.right < 2 * prev.size && !headingOf(line.text);
    text += (i === 0 || wrapped ? '' : '\n') + line.text;
  });
  return text;
}

// ---- pages into blocks --------------------------------------------------------------------

type Placed = { y: number; line?: Line; table?: Table };

/** One page's lines and tables, top to bottom. */
function layout(page: Page): Placed[] {
  const used = new Set<Run>();
  const tables = grids(page.segments)
    .map((g) => tableOf(g, page.runs, used))
    .filter((t): t is Table => t !== null);
  const lines = linesOf(page.runs.filter((r) => !used.has(r))).filter((l) => !isPageDebris(tidy(l.text)));
  const placed: Placed[] = [...lines.map((line) => ({ y: line.y, line })), ...tables.map((table) => ({ y: table.top, table }))];
  return placed.sort((a, b) => b.y - a.y);
}

/**
 * Pages into the document's blocks. A line that runs to the right margin continues on the next
 * line when that one starts at the left margin (a paragraph's first line is indented, GB/T 9704
 * indents two characters, by position or by leading spaces), across a page break too. A table that ends a page and one that begins
 * the next with the same columns are one table broken by the page (its header row, if repeated,
 * is dropped).
 */
export function pdfPageBlocks(pages: Page[]): Block[] {
  const blocks: Block[] = [];
  const laid = pages.map((page) => ({ width: page.width, placed: layout(page) }));
  // The text box is the document's, per page size (portrait and landscape pages differ): a page
  // of a few short lines has no right margin of its own.
  const box = new Map<number, { left: number; right: number }>();
  for (const { width, placed } of laid) {
    const b = box.get(Math.round(width)) ?? { left: Infinity, right: -Infinity };
    for (const { line } of placed) {
      if (!line) continue;
      b.left = Math.min(b.left, line.x);
      b.right = Math.max(b.right, line.right);
    }
    box.set(Math.round(width), b);
  }
  let last: { line: Line; right: number } | null = null;
  let lastTable: Table | null = null;
  for (const { width, placed } of laid) {
    const { left, right } = box.get(Math.round(width))!;
    placed.forEach((p) => {
      if (p.table) {
        const t = p.table;
        const prev = blocks.at(-1);
        const sameColumns =
          lastTable && prev?.kind === 'table' && t.xs.length === lastTable.xs.length && t.xs.every((x, i) => Math.abs(x - lastTable!.xs[i]!) <= TOL);
        if (sameColumns && prev?.kind === 'table') {
          const repeated = JSON.stringify(t.rows[0]) === JSON.stringify(prev.rows[0]);
          prev.rows.push(...(repeated ? t.rows.slice(1) : t.rows));
        } else blocks.push({ kind: 'table', rows: t.rows });
        lastTable = t;
        last = null;
        return;
      }
      const line = p.line!;
      const prev = blocks.at(-1);
      const wraps =
        last && prev?.kind === 'line' && last.right - last.line.right < 1.5 * last.line.size &&
        line.x - left < 0.5 * line.size && !/^[\s\u3000]/.test(line.text) && Math.abs(line.size - last.line.size) < 1;
      if (wraps && prev?.kind === 'line') prev.text += line.text;
      else blocks.push({ kind: 'line', text: line.text });
      last = { line, right };
      lastTable = null;
    });
  }
  return blocks;
}
