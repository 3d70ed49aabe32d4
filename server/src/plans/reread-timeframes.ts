import type { Executor } from '@caitien/db'
import { parseTimeframe, type ActivityDetail, type SchoolCalendar } from '@caitien/shared'
import { changeCard } from '../cards/change-card.ts'
import { figureState, listPlanCardsWithAssignees } from '../cards/card.repository.ts'

/**
 * Each live card's months read again from its timeframe, in a school year with its calendar
 * ("Học kỳ I" is that calendar's semester): the cards whose months change, and their new ones.
 */
export async function rereadMonths(
  db: Executor,
  planId: string,
  schoolYear: string,
  calendar: SchoolCalendar | null,
) {
  const cards = await listPlanCardsWithAssignees(db, planId)
  return cards.flatMap(({ row }) => {
    const after = parseTimeframe(row.timeframe, schoolYear, calendar)
    if (after.startMonth === row.start_month && after.dueMonth === row.due_month) return []
    return [{ row, startMonth: after.startMonth, dueMonth: after.dueMonth }]
  })
}
export type RereadCard = Awaited<ReturnType<typeof rereadMonths>>[number]

/**
 * Writes the months read again, each card logged 'edited' with its new figures and why (a
 * school year change, or the school's calendar), so the months already past keep their
 * figures and the log rebuilds them. The ids of the cards written.
 */
export async function writeRereadMonths(
  trx: Executor,
  input: {
    planId: string
    cards: readonly RereadCard[]
    why: Pick<ActivityDetail<'edited'>, 'schoolYear' | 'calendar'>
    actorId: string
    now: string
  },
): Promise<string[]> {
  const changed: string[] = []
  for (const { row, startMonth, dueMonth } of input.cards) {
    const columns = { start_month: startMonth, due_month: dueMonth }
    const result = await changeCard(
      trx,
      { card: row, planId: input.planId, version: null, actorId: input.actorId, now: input.now },
      () => ({
        write: columns,
        finish: () => ({
          log: {
            action: 'edited',
            detail: {
              fields: [],
              changes: [],
              ...input.why,
              state: figureState({ ...row, ...columns }),
            },
          },
          value: null,
        }),
      }),
    )
    if (result.ok) changed.push(row.id)
  }
  return changed
}
