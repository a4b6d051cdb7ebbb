export {
  OFFICE_HOURS,
  addWorkingDays,
  announcedYears,
  dayInfo,
  dueDate,
  isWorkingTime,
  scheduleSource,
  workingDaysIn,
  yearSchedule,
} from './calendar';
export {
  MAX_YEAR,
  MIN_YEAR,
  addDays,
  dayNumber,
  isValidDay,
  isWeekend,
  shanghaiDay,
  shanghaiEndOfDay,
  shanghaiMinuteOfDay,
  shanghaiStartOfDay,
  weekday,
  type Day,
} from './days';
export { statutoryHolidays } from './statutory';
export { YEAR_SCHEDULE_LIMITS, yearParam, yearScheduleInput, yearScheduleInputFor, type YearScheduleInput } from './schema';
export type { DayInfo, DayKind, DueDate, NamedDay, ScheduleSource, YearSchedule, YearSchedules } from './types';
