import type { Db, Executor } from '@caitien/db'
import {
  defaultSchoolCalendar,
  schoolCalendarProblem,
  schoolYearSpan,
  type SchoolCalendar,
  type SchoolCalendarInput,
  type SchoolCalendarProblem,
} from '@caitien/shared'
import { listActivePlansOfSchoolYear } from '../plans/plan.repository.ts'
import { rereadMonths, writeRereadMonths } from '../plans/reread-timeframes.ts'
import { findSchoolCalendar, upsertSchoolCalendar } from './school-calendar.repository.ts'

/**
 * A school's calendar for a school year as its settings show it: the months in force (its own,
 * or the default), whether it set its own, the default, and the months a semester may fall in.
 * Undefined for a school year that is not two consecutive years.
 */
export async function loadSchoolCalendar(db: Executor, schoolId: string, schoolYear: string) {
  const defaults = defaultSchoolCalendar(schoolYear)
  const span = schoolYearSpan(schoolYear)
  if (!defaults || !span) return undefined
  const own = await findSchoolCalendar(db, schoolId, schoolYear)
  return { calendar: own ?? defaults, custom: own !== undefined, defaults, span }
}

/**
 * Sets the school's calendar for a school year, after its rule (schoolCalendarProblem). The
 * active plans of that year then read their cards' timeframes again with it ("Học kỳ I" moves
 * with the semester): each card whose months change is written and logged 'edited' with the
 * calendar as the reason, so past months keep their figures and the log rebuilds them.
 * Archived plans are read-only and keep their months. Nothing is written when refused.
 */
export async function setSchoolCalendar(
  db: Db,
  input: {
    schoolId: string
    schoolYear: string
    months: SchoolCalendarInput
    actorId: string
    now: string
  },
): Promise<
  | { ok: false; reason: SchoolCalendarProblem }
  | { ok: true; changed: { planId: string; cardIds: string[] }[] }
> {
  const calendar: SchoolCalendar = { schoolYear: input.schoolYear, ...input.months }
  const problem = schoolCalendarProblem(calendar)
  if (problem) return { ok: false, reason: problem }
  return db.transaction().execute(async (trx) => {
    await upsertSchoolCalendar(trx, input.schoolId, calendar, input.now)
    const changed: { planId: string; cardIds: string[] }[] = []
    for (const plan of await listActivePlansOfSchoolYear(trx, input.schoolId, input.schoolYear)) {
      const cards = await rereadMonths(trx, plan.id, input.schoolYear, calendar)
      const cardIds = await writeRereadMonths(trx, {
        planId: plan.id,
        cards,
        why: { calendar: { schoolYear: input.schoolYear } },
        actorId: input.actorId,
        now: input.now,
      })
      if (cardIds.length) changed.push({ planId: plan.id, cardIds })
    }
    return { ok: true as const, changed }
  })
}
