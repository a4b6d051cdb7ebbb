// The office's district-wide settings: which unit answers each topic, and the holiday calendar.
import type { Topic } from '@shared/constants';
import type { NamedDay, ScheduleSource } from '@shared/calendar/types';
import type { CalendarPreview } from '@shared/schemas/calendar';
import { api } from './api';

export type Route = { topic: Topic; unitId: string; unitName: string };
export const listRouting = () => api.get<{ items: Route[] }>('/api/routing');
export const saveRoute = (topic: Topic, unitId: string) => api.put<{ updated: number }>('/api/routing', { routes: [{ topic, unitId }] });

export type YearSchedule = { year: number; source: ScheduleSource; provisional: boolean; holidays: NamedDay[]; workdays: NamedDay[] };
export type YearInput = { holidays: NamedDay[]; workdays: NamedDay[] };
export const getYear = (year: number) => api.get<YearSchedule>(`/api/calendar/years/${year}`, { auth: false });
export const previewYear = (year: number, input: YearInput) => api.post<CalendarPreview>(`/api/calendar/years/${year}/preview`, input);
export const saveYear = (year: number, input: YearInput) => api.put<YearSchedule & { recomputed: number }>(`/api/calendar/years/${year}`, input);
