// Writes a PDF of every seed document in test/fixtures/seeds/ (the .txt files), as
// test/fixtures/policy-documents.ts reads it (one paragraph per line, seed 004's task table with
// its merged cells), laid out as GB/T 9704 prints a document: A4, 版心 156 × 225 mm, 三号 text
// with a first-line indent of two characters, page numbers — 3 —, and the task table on
// landscape pages with ruling lines. A subset of Noto Sans CJK is embedded, so the text layer is
// real. The importer's worker tests read these PDFs (they build the .docx themselves).
//
//   node scripts/make-policy-fixtures.mjs      (needs fonts-noto-cjk, or CJK_FONT=<a .ttc/.otf>)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { documentOf, spansOf, TABLE_COLUMNS } from '../test/fixtures/policy-documents.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'test/fixtures/seeds');
const fontFile = process.env.CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = process.env.CJK_FACE ?? 'NotoSansCJKsc-Regular';

/** One face of a font collection as a standalone OpenType file (pdf-lib embeds single fonts only). */
function faceOf(bytes, postscriptName) {
  const data = Buffer.from(bytes);
  if (data.toString('latin1', 0, 4) !== 'ttcf') return data;
  const count = data.readUInt32BE(8);
  const collection = fontkit.create(data);
  const index = collection.fonts.findIndex((f) => f.postscriptName === postscriptName);
  if (index < 0 || index >= count) throw new Error(`${postscriptName} is not in ${fontFile}`);
  const at = data.readUInt32BE(12 + 4 * index);
  const numTables = data.readUInt16BE(at + 4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const rec = at + 12 + 16 * i;
    return { tag: data.subarray(rec, rec + 8), offset: data.readUInt32BE(rec + 8), length: data.readUInt32BE(rec + 12) };
  });
  const header = Buffer.alloc(12 + 16 * numTables);
  data.copy(header, 0, at, at + 12);
  const bodies = [];
  let offset = header.length;
  tables.forEach((t, i) => {
    t.tag.copy(header, 12 + 16 * i);
    header.writeUInt32BE(offset, 12 + 16 * i + 8);
    header.writeUInt32BE(t.length, 12 + 16 * i + 12);
    const padded = Buffer.alloc((t.length + 3) & ~3);
    data.copy(padded, 0, t.offset, t.offset + t.length);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/**
 * fontkit's CFF subsetter gives every glyph of a CID-keyed font (Noto CJK) the last font dict it
 * met instead of its own, so glyphs call the wrong local subroutines and draw as garbage (pdf.js:
 * "Out of bounds subrIndex"). The same method with each font dict mapped to its own index.
 */
function fixCidSubsets(fontBytes) {
  const proto = Object.getPrototypeOf(fontkit.create(fontBytes).createSubset());
  proto.subsetFontdict = function subsetFontdict(topDict) {
    topDict.FDArray = [];
    topDict.FDSelect = { version: 0, fds: [] };
    const index = new Map();
    const usedSubrs = [];
    for (const gid of this.glyphs) {
      const fd = this.cff.fdForGlyph(gid);
      if (fd == null) continue;
      if (!index.has(fd)) {
        topDict.FDArray.push(Object.assign({}, this.cff.topDict.FDArray[fd]));
        usedSubrs.push({});
        index.set(fd, topDict.FDArray.length - 1);
      }
      topDict.FDSelect.fds.push(index.get(fd));
      const glyph = this.font.getGlyph(gid);
      void glyph.path; // parses the glyph, which records the subroutines it calls
      Object.assign(usedSubrs[index.get(fd)], glyph._usedSubrs);
    }
    topDict.FDArray.forEach((dict, i) => {
      delete dict.FontName;
      if (dict.Private?.Subrs) dict.Private = { ...dict.Private, Subrs: this.subsetSubrs(dict.Private.Subrs, usedSubrs[i]) };
    });
  };
}

// ---- PDF ----------------------------------------------------------------------------------

const MM = 72 / 25.4;
const A4 = [210 * MM, 297 * MM];
const PAGE = { left: 28 * MM, right: 26 * MM, top: 37 * MM, bottom: 35 * MM };
const BODY = 16;
const LEADING = (225 * MM) / 22;
const CELL = { size: 10.5, leading: 14, pad: 4 };
const COLUMNS = [62, 100, 262, 110, 126, 82];

/** Breaks text into lines no wider than `width` (Chinese breaks anywhere). */
function wrap(font, size, text, width, indent = 0) {
  const lines = [];
  let line = '';
  let room = width - indent;
  for (const ch of text) {
    if (line && font.widthOfTextAtSize(line + ch, size) > room) {
      lines.push(line);
      line = '';
      room = width;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

async function pdfOf(blocks, fontBytes) {
  // No creation date: the same seed gives the same file.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  let page;
  let y = 0;
  let number = 0;
  const newPage = (landscape = false) => {
    page = pdf.addPage(landscape ? [A4[1], A4[0]] : A4);
    number++;
    const footer = `— ${number} —`;
    const w = font.widthOfTextAtSize(footer, 14);
    page.drawText(footer, { x: number % 2 ? page.getWidth() - PAGE.right - w : PAGE.left, y: (landscape ? 50 : PAGE.bottom) - 28, size: 14, font });
    y = page.getHeight() - (landscape ? 50 : PAGE.top);
  };
  const bottom = () => (page.getWidth() > page.getHeight() ? 50 : PAGE.bottom);
  const width = () => page.getWidth() - (page.getWidth() > page.getHeight() ? 100 : PAGE.left + PAGE.right);
  const left = () => (page.getWidth() > page.getHeight() ? 50 : PAGE.left);
  newPage();

  for (const b of blocks) {
    if (b.kind === 'table') {
      drawTable(b);
      continue;
    }
    if (b.text === '附件') newPage(true);
    const lines = wrap(font, BODY, b.text, width(), b.right ? 0 : 2 * BODY);
    lines.forEach((line, i) => {
      if (y - LEADING < bottom()) newPage(page.getWidth() > page.getHeight());
      y -= LEADING;
      const x = b.right ? left() + width() - 2 * BODY - font.widthOfTextAtSize(line, BODY) : left() + (i === 0 ? 2 * BODY : 0);
      page.drawText(line, { x, y, size: BODY, font });
    });
  }

  function drawTable({ header, rows }) {
    const x0 = left();
    const xs = COLUMNS.reduce((acc, w) => [...acc, acc.at(-1) + w], [x0]);
    const spans = spansOf(rows);
    const textLines = (text, c, span = 1) =>
      (text || '').split('\n').flatMap((p) => wrap(font, CELL.size, p, xs[c + span] - xs[c] - 2 * CELL.pad));
    const heightOf = (cells) => Math.max(...cells.map((lines) => lines.length * CELL.leading + 2 * CELL.pad));
    const line = (x1, y1, x2, y2) => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.5, color: rgb(0, 0, 0) });
    const box = (c1, c2, top, bottomY) => {
      line(xs[c1], top, xs[c2], top);
      line(xs[c1], bottomY, xs[c2], bottomY);
      line(xs[c1], top, xs[c1], bottomY);
      line(xs[c2], top, xs[c2], bottomY);
    };
    const write = (lines, c, top) =>
      lines.forEach((l, i) => page.drawText(l, { x: xs[c] + CELL.pad, y: top - CELL.pad - (i + 1) * CELL.leading + 3, size: CELL.size, font }));

    const head = [textLines(header[0], 0, 2), ...header.slice(1).map((h, i) => textLines(h, i + 2))];
    const hh = heightOf(head);
    box(0, 2, y, y - hh);
    write(head[0], 0, y);
    header.slice(1).forEach((_, i) => {
      box(i + 2, i + 3, y, y - hh);
      write(head[i + 1], i + 2, y);
    });
    y -= hh;
    // A merged cell is drawn as one box per page it runs over, its text in its first row.
    const open = Array(TABLE_COLUMNS).fill(null);
    const closeBox = (c) => {
      if (open[c]) box(c, c + 1, open[c], y);
      open[c] = null;
    };
    rows.forEach((r, ri) => {
      const lines = r.map((text, c) => (spans[ri][c] ? textLines(text, c) : []));
      const h = heightOf(lines);
      if (y - h < bottom()) {
        for (let c = 0; c < TABLE_COLUMNS; c++) closeBox(c);
        newPage(true);
        for (let c = 0; c < TABLE_COLUMNS; c++) if (!spans[ri][c]) open[c] = y;
      }
      for (let c = 0; c < TABLE_COLUMNS; c++) {
        if (!spans[ri][c]) continue;
        closeBox(c);
        open[c] = y;
        write(lines[c], c, y);
      }
      y -= h;
    });
    for (let c = 0; c < TABLE_COLUMNS; c++) closeBox(c);
    y -= LEADING;
  }
  return pdf.save();
}

const fontBytes = faceOf(readFileSync(fontFile), FACE);
fixCidSubsets(fontBytes);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const blocks = documentOf(readFileSync(path.join(dir, file), 'utf8'));
  writeFileSync(path.join(dir, file.replace(/\.txt$/, '.pdf')), await pdfOf(blocks, fontBytes));
  console.log(file.replace(/\.txt$/, '.pdf'), 'written');
}
