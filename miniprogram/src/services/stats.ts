import type { StatsAnswer, StatsTrend, TrendInterval } from '@shared/schemas/stats';
import { api } from './api';

export type StatsPeriod = { from: string; to: string; unitId?: string };

/** The period's figures for the office's district (or a unit under it) or the editor's unit. */
export const getStats = (p: StatsPeriod) => api.get<StatsAnswer>('/api/stats', { query: { ...p } });

/** The last 12 weeks or months up to `to`. */
export const getTrend = (p: { to: string; unitId?: string; interval: TrendInterval }) => api.get<StatsTrend>('/api/stats/trend', { query: { ...p } });
