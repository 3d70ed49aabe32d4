import {
  CHECKPOINTS,
  checkpointMonth,
  defaultSchoolCalendar,
  type Checkpoint,
  type Month,
} from '@caitien/shared'

/**
 * The month each checkpoint of a plan looks at: the one place a review asks for the school's
 * calendar. Today every school year has the default calendar (semester I ends in January, the
 * year in May); when a school sets its own per school year, this function reads it (and
 * becomes async) and nothing else changes. Null for a school year not written "YYYY-YYYY".
 */
export function checkpointMonthsOf(plan: {
  school_year: string
}): Record<Checkpoint, Month> | null {
  const calendar = defaultSchoolCalendar(plan.school_year)
  if (!calendar) return null
  return Object.fromEntries(CHECKPOINTS.map((c) => [c, checkpointMonth(calendar, c)])) as Record<
    Checkpoint,
    Month
  >
}
