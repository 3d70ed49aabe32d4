import type { Executor } from '@caitien/db'
import type { Month, SchoolCalendar } from '@caitien/shared'

/** The school's own calendar for a school year, if it set one. */
export async function findSchoolCalendar(
  db: Executor,
  schoolId: string,
  schoolYear: string,
): Promise<SchoolCalendar | undefined> {
  const row = await db
    .selectFrom('school_calendar')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    schoolYear: row.school_year,
    semester1: { start: row.semester1_start as Month, end: row.semester1_end as Month },
    semester2: { start: row.semester2_start as Month, end: row.semester2_end as Month },
  }
}

/** Sets (or replaces) the school's calendar for a school year. */
export async function upsertSchoolCalendar(
  db: Executor,
  schoolId: string,
  calendar: SchoolCalendar,
  now: string,
): Promise<void> {
  const values = {
    semester1_start: calendar.semester1.start,
    semester1_end: calendar.semester1.end,
    semester2_start: calendar.semester2.start,
    semester2_end: calendar.semester2.end,
    updated_at: now,
  }
  await db
    .insertInto('school_calendar')
    .values({ school_id: schoolId, school_year: calendar.schoolYear, ...values })
    .onConflict((oc) => oc.columns(['school_id', 'school_year']).doUpdateSet(values))
    .execute()
}
