import type { Db, Executor } from '@caitien/db'
import { positionBetween, type Actor, type CardFields } from '@caitien/shared'
import { insertActivity } from '../activity/activity.repository.ts'
import { areMembers } from '../schools/account.repository.ts'
import { calendarFor } from '../schools/calendar-for.ts'
import {
  cardColumns,
  figureState,
  findNeighbourPositions,
  insertAssignees,
  insertCard,
  type CardColumns,
} from './card.repository.ts'

/**
 * How every card comes to be (a principal's new card, a plan import): the card at the
 * given place in "Kế hoạch", version 1, its assignees, and its 'created' entry, which logs
 * the fields monthly figures are rebuilt from (docs/decisions/020). Returns its id.
 */
export async function insertNewCard(
  trx: Executor,
  input: {
    plan: { id: string; school_id: string }
    columns: CardColumns
    position: number
    /** The plan row it came from, for an import. */
    source: { key: string; file: string; row: number } | null
    /** The card of an earlier plan it continues, for a carry-over. */
    carriedFrom?: { planId: string; cardId: string }
    assigneeIds: readonly string[]
    actorId: string | null
    now: string
  },
): Promise<string> {
  const id: string = crypto.randomUUID()
  const assigneeIds = [...new Set(input.assigneeIds)]
  await insertCard(trx, {
    id,
    plan_id: input.plan.id,
    school_id: input.plan.school_id,
    status: 'planned',
    position: input.position,
    version: 1,
    ...input.columns,
    source_key: input.source?.key ?? null,
    created_at: input.now,
    updated_at: input.now,
    deleted_at: null,
    carried_from_card_id: input.carriedFrom?.cardId ?? null,
  })
  await insertAssignees(trx, id, assigneeIds, input.now)
  const written = { standard: null, criterion: null, due_month: null, budget_amount: null }
  const state = { ...figureState({ ...written, ...input.columns }), assigneeIds }
  await insertActivity(trx, {
    schoolId: input.plan.school_id,
    planId: input.plan.id,
    cardId: id,
    actorId: input.actorId,
    at: input.now,
    action: 'created',
    toStatus: 'planned',
    detail: input.source
      ? { import: input.source.file, sourceRow: input.source.row, state }
      : input.carriedFrom
        ? { state, carriedFrom: input.carriedFrom }
        : { state },
  })
  return id
}

/** A principal's new card, at the end of "Kế hoạch"; assignees must be members of the school. */
export async function createCard(
  db: Db,
  input: {
    plan: { id: string; school_id: string; school_year: string }
    fields: CardFields
    assigneeIds: string[]
    /** null for system work (tests, imports run by a command). */
    actor: Actor | null
    now: string
  },
) {
  return db.transaction().execute(async (trx) => {
    if (!(await areMembers(trx, input.plan.school_id, input.assigneeIds))) {
      return { ok: false as const, reason: 'unknown_assignee' as const }
    }
    const { above } = await findNeighbourPositions(trx, {
      planId: input.plan.id,
      status: 'planned',
      cardId: '',
      beforeCardId: null,
    })
    const cardId = await insertNewCard(trx, {
      plan: input.plan,
      columns: cardColumns(
        input.fields,
        input.plan.school_year,
        await calendarFor(trx, input.plan.school_id, input.plan.school_year),
      ),
      position: positionBetween(above, null),
      source: null,
      assigneeIds: input.assigneeIds,
      actorId: input.actor?.id ?? null,
      now: input.now,
    })
    return { ok: true as const, cardId }
  })
}
