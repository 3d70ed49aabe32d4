import { makeMonth, SCHOOL_YEAR_RE, schoolYearMonths, type Month } from './month.ts'
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

/**
 * The months a school year's semesters may fall in: August of its first year to July of its
 * second (a school opens as early as August and may close in June or July). Null for a school
 * year that is not "YYYY-YYYY" with consecutive years.
 *
 * @example
 * schoolYearSpan('2026-2027') // → { start: '2026-08', end: '2027-07' }
 */
export function schoolYearSpan(schoolYear: string): { start: Month; end: Month } | null {
  const match = SCHOOL_YEAR_RE.exec(schoolYear.trim())
  const first = Number(match?.[1])
  if (!match || Number(match[2]) !== first + 1) return null
  return { start: makeMonth(first, 8), end: makeMonth(first + 1, 7) }
}

/** Why a calendar cannot be the school's (school-calendar-messages.ts words each). */
export const SCHOOL_CALENDAR_PROBLEMS = [
  'unknownYear',
  'semester1Reversed',
  'semester2Reversed',
  'outsideYear',
  'overlap',
] as const
export type SchoolCalendarProblem = (typeof SCHOOL_CALENDAR_PROBLEMS)[number]

/**
 * The one rule for a school's own calendar: each semester ends no earlier than it starts, every
 * month lies inside the school year (schoolYearSpan), and semester II starts no earlier than the
 * month semester I ends (semesters change mid-month, as the default calendar's January shows:
 * they may share that one month, no more). Null when the calendar may be saved. Months are
 * 'YYYY-MM', so they compare as text.
 *
 * @example
 * schoolCalendarProblem({ schoolYear: '2026-2027', semester1: { start: '2026-09', end: '2026-12' }, semester2: { start: '2026-11', end: '2027-05' } }) // → 'overlap'
 */
export function schoolCalendarProblem(calendar: SchoolCalendar): SchoolCalendarProblem | null {
  const span = schoolYearSpan(calendar.schoolYear)
  if (!span) return 'unknownYear'
  const { semester1: one, semester2: two } = calendar
  if (one.end < one.start) return 'semester1Reversed'
  if (two.end < two.start) return 'semester2Reversed'
  if ([one.start, one.end, two.start, two.end].some((m) => m < span.start || m > span.end))
    return 'outsideYear'
  if (two.start < one.end) return 'overlap'
  return null
}
