import type { Executor } from '@caitien/db'
import { CHECKPOINTS, checkpointMonth, type Checkpoint, type Month } from '@caitien/shared'
import { calendarFor } from '../schools/calendar-for.ts'

/**
 * The month each checkpoint of a plan looks at: the end of semester I and of semester II in the
 * calendar its school keeps for the plan's school year (its own when it set one, the default
 * otherwise: schools/calendar-for.ts). The one place a review asks for the calendar. Null for
 * a school year not written "YYYY-YYYY".
 */
export async function checkpointMonthsOf(
  db: Executor,
  plan: { school_id: string; school_year: string },
): Promise<Record<Checkpoint, Month> | null> {
  const calendar = await calendarFor(db, plan.school_id, plan.school_year)
  if (!calendar) return null
  return Object.fromEntries(CHECKPOINTS.map((c) => [c, checkpointMonth(calendar, c)])) as Record<
    Checkpoint,
    Month
  >
}
