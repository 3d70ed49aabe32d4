import type { Executor } from '@caitien/db'
import { defaultSchoolCalendar, type SchoolCalendar } from '@caitien/shared'
import { findSchoolCalendar } from './school-calendar.repository.ts'

/**
 * The calendar a school keeps for a school year: its own when it set one, the default
 * otherwise; null for a school year that is not "YYYY-YYYY". Timeframes ("Học kỳ I") and
 * checkpoint reviews read semesters through it.
 */
export async function calendarFor(
  db: Executor,
  schoolId: string,
  schoolYear: string,
): Promise<SchoolCalendar | null> {
  return (await findSchoolCalendar(db, schoolId, schoolYear)) ?? defaultSchoolCalendar(schoolYear)
}
