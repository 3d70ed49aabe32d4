import { makeMonth, schoolYearMonths, type Month } from './month.ts'
import type { Checkpoint } from './forms/tt57-bieu-2.ts'

/**
 * A school year's two semesters, as months. The year opens in September, semester I ends in
 * mid-January and the year by the end of May (shared/catalog/README.md); a school may set its
 * own months per school year, so every reader takes a calendar rather than assuming one.
 */
export interface SchoolCalendar {
  schoolYear: string
  semester1: { start: Month; end: Month }
  semester2: { start: Month; end: Month }
}

/**
 * The calendar a school year has until the school sets its own: semester I September–January,
 * semester II January–May. Null for a school year that is not "YYYY-YYYY".
 *
 * @example
 * defaultSchoolCalendar('2026-2027')?.semester1 // → { start: '2026-09', end: '2027-01' }
 */
export function defaultSchoolCalendar(schoolYear: string): SchoolCalendar | null {
  const year = schoolYearMonths(schoolYear)
  if (!year) return null
  const second = Number(year.end.slice(0, 4))
  return {
    schoolYear,
    semester1: { start: year.start, end: makeMonth(second, 1) },
    semester2: { start: makeMonth(second, 1), end: year.end },
  }
}

/** The month a checkpoint review looks at: the end of semester I, or the end of the year. */
export function checkpointMonth(calendar: SchoolCalendar, checkpoint: Checkpoint): Month {
  return checkpoint === 'semester1' ? calendar.semester1.end : calendar.semester2.end
}
