import { z } from 'zod';
import { statsQuery } from './stats';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** More rows than this is not a download any spreadsheet opens comfortably: a shorter period is asked for. */
export const EXPORT_MAX_ROWS = 50_000;

/** The period, scope and file type of an export: the figures' period rules (this month by default, at most three years). */
export const statsExportQuery = statsQuery.safeExtend({ format: z.enum(EXPORT_FORMATS).default('xlsx') });
export type StatsExportQuery = z.input<typeof statsExportQuery>;

/** The ledger of a period; `contacts=1` adds the residents' names and phones (the office only, and logged). */
export const inquiryExportQuery = statsExportQuery.safeExtend({ contacts: z.enum(['0', '1']).optional() });
export type InquiryExportQuery = z.input<typeof inquiryExportQuery>;
