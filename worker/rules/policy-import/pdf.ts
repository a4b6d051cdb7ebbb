import { POLICY_IMPORT_LIMITS } from '../../../shared/policy/constants';
import { ApiError } from '../../lib/errors';
import { pdfPageBlocks, type Page, type Run, type Segment } from './pdf-layout';
import type { Block } from './tables';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** PDF.js's operator numbers, as its build exports them. */
type Ops = Record<string, number>;
/** PDF.js's path-drawing codes inside a constructPath operation. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/**
 * The straight, level or upright lines a page draws: its tables' rulings. Stroked paths count,
 * and filled rectangles thin enough to be a line (how Word prints cell borders).
 */
function segmentsOf(fnArray: number[], argsArray: unknown[][], OPS: Ops): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 2) out.push({ x1: Math.min(x1, x2), y1, x2: Math.max(x1, x2), y2: y1 });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 2) out.push({ x1, y1: Math.min(y1, y2), x2: x1, y2: Math.max(y1, y2) });
  };
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] ?? [];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || !(strokes.has(paint) || fills.has(paint))) return;
      const points: [number, number][][] = [];
      for (let k = 0; k < data.length; ) {
        const op = data[k]!;
        if (op === DRAW.moveTo) {
          points.push([apply(ctm, data[k + 1]!, data[k + 2]!)]);
          k += 3;
        } else if (op === DRAW.lineTo) {
          points.at(-1)?.push(apply(ctm, data[k + 1]!, data[k + 2]!));
          k += 3;
        } else if (op === DRAW.curveTo) {
          points.push([apply(ctm, data[k + 5]!, data[k + 6]!)]);
          k += 7;
        } else if (op === DRAW.quadraticCurveTo) {
          points.push([apply(ctm, data[k + 3]!, data[k + 4]!)]);
          k += 5;
        } else {
          const sub = points.at(-1);
          if (sub && sub.length > 1) sub.push(sub[0]!);
          k += 1;
        }
      }
      for (const sub of points) {
        if (strokes.has(paint)) {
          for (let k = 1; k < sub.length; k++) add(sub[k - 1]![0], sub[k - 1]![1], sub[k]![0], sub[k]![1]);
          continue;
        }
        // A filled sliver: its long middle line.
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y2 - y1 < 2 && x2 - x1 > 2) add(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
        else if (x2 - x1 < 2 && y2 - y1 > 2) add((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
      }
    }
  });
  return out;
}

const unreadable = () => new ApiError('bad_request', '无法读取这个 PDF 文件（文件可能已损坏或已加密），请重新导出 PDF，或另存为 .docx 后再导入');

/** A PDF's text layer (PDF.js through unpdf, which runs without a worker thread or a canvas). */
export async function pdfBlocks(bytes: Uint8Array): Promise<Block[]> {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // Errors only: a font PDF.js cannot draw says so on every page, and drawing is not our business.
    pdf = await getDocumentProxy(bytes, { verbosity: 0, stopAtErrors: false });
  } catch {
    throw unreadable();
  }
  try {
    if (pdf.numPages > POLICY_IMPORT_LIMITS.pdfPages) {
      throw new ApiError('payload_too_large', `PDF 超过 ${POLICY_IMPORT_LIMITS.pdfPages} 页，请只导出文件正文部分后再导入`);
    }
    const { OPS } = (await getResolvedPDFJS()) as unknown as { OPS: Ops };
    const pages: Page[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , c, d, x, y] = item.transform as Matrix;
        runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c, d) || Math.abs(d) || 1 });
      }
      pages.push({ width: page.view[2]! - page.view[0]!, runs, segments: segmentsOf(ops.fnArray, ops.argsArray as unknown[][], OPS) });
      page.cleanup();
    }
    return pdfPageBlocks(pages);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw unreadable();
  } finally {
    await pdf.loadingTask.destroy().catch(() => {});
  }
}
