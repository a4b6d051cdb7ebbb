import { Hono } from 'hono';
import { EXPORT_MAX_ROWS, inquiryExportQuery, statsExportQuery, type ExportFormat } from '../../shared/schemas/export';
import type { StatsAnswer } from '../../shared/schemas/stats';
import { loadOverrides } from '../db/calendar';
import { getUnit, subtreeOf } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, forbidden, handleError } from '../lib/errors';
import { contentDisposition, CONTENT_TYPES, toCsv, toXlsx, type Sheet } from '../lib/sheet';
import { validate } from '../lib/validate';
import { ledgerSheet, statsSheets, type LedgerRow } from '../rules/exports';
import { statsPeriod } from '../rules/stats';
import { statsRoutes } from './stats';

/** Whose rows: an office's jurisdiction (with questions not yet routed) or the part under `unitId`; an editor's own unit. */
async function scopeOf(db: D1Database, user: SessionUser, unitId: string | undefined): Promise<{ unitIds: readonly string[]; unrouted: boolean }> {
  if (user.role === 'editor') {
    if (unitId !== undefined && unitId !== user.unitId) throw forbidden('只能导出本单位的台账');
    return { unitIds: user.units, unrouted: false };
  }
  if (unitId === undefined) return { unitIds: user.units, unrouted: true };
  if (!user.units.includes(unitId)) throw forbidden('只能导出本辖区的台账');
  const below = await subtreeOf(db, unitId);
  return { unitIds: below.filter((id) => user.units.includes(id)), unrouted: false };
}

function download(sheets: Sheet[], format: ExportFormat, name: string, asciiName: string): Response {
  const body = format === 'xlsx' ? toXlsx(sheets) : toCsv(sheets.map((s) => s.rows));
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition(`${name}.${format}`, `${asciiName}.${format}`),
      // Personal data may be in it: no cache on the way keeps a copy.
      'Cache-Control': 'no-store',
    },
  });
}

const logExport = (db: D1Database, user: SessionUser, e: { kind: 'inquiries' | 'stats'; from: string; to: string; unitId?: string; format: ExportFormat; rows: number; contacts: boolean }) =>
  db
    .prepare(
      `INSERT INTO export_log (at, user_id, role, kind, from_day, to_day, unit_id, format, row_count, contacts)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
    )
    .bind(new Date().toISOString(), user.id, user.role, e.kind, e.from, e.to, e.unitId ?? null, e.format, e.rows, e.contacts ? 1 : 0)
    .run();

const IN_SCOPE = '(i.unit_id IN (SELECT value FROM json_each(?1)) OR (?2 = 1 AND i.unit_id IS NULL)) AND i.received_at >= ?3 AND i.received_at < ?4';

/** The ledger (台账) and the figures of a period as a spreadsheet, for audits and the annual 政务公开 report. */
export const exportRoutes = new Hono<AppEnv>()
  .get('/inquiries/export', requireRole('editor', 'office'), validate('query', inquiryExportQuery), async (c) => {
    const user = currentUser(c);
    const query = c.req.valid('query');
    const contacts = query.contacts === '1';
    if (contacts && user.role !== 'office') throw forbidden('只有政务公开办可以导出联系方式');
    const db = c.env.DB;
    const now = new Date();
    const period = statsPeriod(query, now);
    const scope = await scopeOf(db, user, query.unitId);
    const args = [JSON.stringify(scope.unitIds), scope.unrouted ? 1 : 0, period.start, period.end];
    const count = await db.prepare(`SELECT COUNT(*) AS n FROM inquiries i WHERE ${IN_SCOPE}`).bind(...args).first<{ n: number }>();
    if ((count?.n ?? 0) > EXPORT_MAX_ROWS) {
      throw new ApiError('payload_too_large', `这段时间有 ${count!.n} 条咨询，一次最多导出 ${EXPORT_MAX_ROWS} 条，请缩短时间段或选择单位`);
    }
    const { results } = await db
      .prepare(
        `SELECT i.ticket, i.received_at, i.channel, i.topic, u.name AS unit_name, a.name AS answerer_name, i.status, i.due_at,
           i.replied_at, i.stopped_days, i.rating, i.contact_name, i.contact_phone
         FROM inquiries i LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN users a ON a.id = i.answerer_id
         WHERE ${IN_SCOPE} ORDER BY i.received_at, i.id`,
      )
      .bind(...args)
      .all<LedgerRow>();
    const sheet = ledgerSheet(results, { contacts, now, overrides: await loadOverrides(db) });
    // Logged before the file leaves: an export that is not in the log never happened.
    await logExport(db, user, { kind: 'inquiries', from: period.from, to: period.to, unitId: query.unitId, format: query.format, rows: results.length, contacts });
    return download([sheet], query.format, `政策咨询台账_${period.from}至${period.to}${contacts ? '_含联系方式' : ''}`, `inquiries_${period.from}_${period.to}`);
  })

  .get('/stats/export', requireRole('editor', 'office'), validate('query', statsExportQuery), async (c) => {
    const user = currentUser(c);
    const { format, ...query } = c.req.valid('query');
    // The figures are GET /api/stats's own answer for the same caller and period, computed by its handler.
    const inner = new Hono<AppEnv>()
      .use('*', async (ic, next) => {
        ic.set('user', user);
        ic.set('partner', null);
        await next();
      })
      .route('/', statsRoutes)
      .onError(handleError);
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const res = await inner.request(`/stats?${params}`, {}, c.env, c.executionCtx);
    if (!res.ok) return res;
    const stats = (await res.json()) as StatsAnswer;
    const unitId = query.unitId ?? (user.role === 'editor' ? user.unitId : null);
    const scopeName = (unitId && (await getUnit(c.env.DB, unitId))?.name) || '本辖区全部单位';
    await logExport(c.env.DB, user, { kind: 'stats', from: stats.from, to: stats.to, unitId: query.unitId, format, rows: stats.byUnit.length, contacts: false });
    return download(statsSheets(stats, scopeName), format, `政策咨询统计_${stats.from}至${stats.to}`, `stats_${stats.from}_${stats.to}`);
  });
