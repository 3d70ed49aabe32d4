import type { Db } from '@caitien/db'
import {
  POSITION_GAP,
  isCarriedOver,
  shiftTimeframeYears,
  yearsBetween,
  type CreatePlanInput,
} from '@caitien/shared'
import { changeCard } from '../cards/change-card.ts'
import { insertNewCard } from '../cards/create-card.ts'
import { cardColumns, listPlanCardsWithAssignees, planFieldsOf } from '../cards/card.repository.ts'
import { findFramework } from '../frameworks/framework.repository.ts'
import { listMemberIds } from '../schools/account.repository.ts'
import { calendarFor } from '../schools/calendar-for.ts'
import { insertPlan } from './plan.repository.ts'

/**
 * A new active plan of a school, following a stored criteria framework; blank, or carrying
 * over last year's unfinished actions (plan-life.ts isCarriedOver) when `carryFrom` names a
 * plan of the same school (the route checks that). Each carried card starts in "Kế hoạch"
 * with the plan fields, assignees still in the school, and its timeframe moved on by the
 * years between the plans; it links to the card it continues, whose log says where it
 * went. Verified actions stay behind with last year's results.
 */
export async function createPlan(
  db: Db,
  input: Omit<CreatePlanInput, 'carryFromPlanId'> & {
    carryFrom: { id: string; school_year: string } | null
    actorId: string
    now: string
  },
) {
  if (!(await findFramework(db, input.frameworkId))) {
    return { ok: false as const, reason: 'unknown_framework' as const }
  }
  return db.transaction().execute(async (trx) => {
    const id: string = crypto.randomUUID()
    await insertPlan(trx, { id, ...input, carriedFromPlanId: input.carryFrom?.id ?? null })
    let carried = 0
    let leftBehind = 0
    if (input.carryFrom) {
      const source = input.carryFrom
      const years = yearsBetween(source.school_year, input.schoolYear) ?? 0
      const members = await listMemberIds(trx, input.schoolId)
      const plan = { id, school_id: input.schoolId }
      const calendar = await calendarFor(trx, input.schoolId, input.schoolYear)
      for (const { row, assigneeIds } of await listPlanCardsWithAssignees(trx, source.id)) {
        if (!isCarriedOver(row)) {
          leftBehind++
          continue
        }
        carried++
        const fields = planFieldsOf(row)
        fields.timeframe = shiftTimeframeYears(fields.timeframe, years)
        const cardId = await insertNewCard(trx, {
          plan,
          columns: cardColumns(fields, input.schoolYear, calendar),
          position: carried * POSITION_GAP,
          source: null,
          carriedFrom: { planId: source.id, cardId: row.id },
          assigneeIds: assigneeIds.filter((a) => members.has(a)),
          actorId: input.actorId,
          now: input.now,
        })
        await changeCard(
          trx,
          { card: row, planId: source.id, version: null, actorId: input.actorId, now: input.now },
          () => ({
            write: 'none',
            finish: () => ({
              log: { action: 'carried_over', detail: { toPlanId: id, toCardId: cardId } },
              value: null,
            }),
          }),
        )
      }
    }
    return { ok: true as const, planId: id, carried, leftBehind }
  })
}
