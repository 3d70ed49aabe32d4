import { queryTemplate, type Db, type Param } from '@caitien/db'
import {
  checkMoveCommand,
  positionBetween,
  positionsTooClose,
  type Actor,
  type CardStatus,
  type MoveKind,
  type MoveRejection,
} from '@caitien/shared'
import {
  findBoardCard,
  findNeighbourPositions,
  insertActivity,
  involvedIdsOf,
  renumberColumn,
  type BoardCard,
  type Executor,
} from './card.repository.ts'
import { countSubmissions, loadBoardCard } from './card-queries.ts'

export type MoveResult =
  | { ok: true; card: BoardCard; kind: MoveKind | 'reorder' }
  | { ok: false; reason: 'card_not_found' }
  | { ok: false; reason: 'version_conflict'; card: BoardCard }
  | { ok: false; reason: MoveRejection; from: CardStatus; to: CardStatus }

/** The move's write, if the version is still the one the mover saw: a template. */
const cardPlacement = queryTemplate(
  (
    db,
    p: Param<{
      cardId: string
      version: number
      status: CardStatus
      position: number
      now: string
    }>,
  ) =>
    db
      .updateTable('card')
      .set((eb) => ({
        status: p('status'),
        position: p('position'),
        version: eb('version', '+', 1),
        updated_at: p('now'),
      }))
      .where('id', '=', p('cardId'))
      .where('version', '=', p('version'))
      .where('deleted_at', 'is', null),
)

/** Where the card lands in the target column, then the write, bumping the version. */
async function place(
  trx: Executor,
  input: {
    cardId: string
    planId: string
    to: CardStatus
    version: number
    beforeCardId: string | null
    now: string
  },
): Promise<{ ok: boolean; position: number }> {
  let { above, below } = await findNeighbourPositions(trx, { ...input, status: input.to })
  if (positionsTooClose(above, below)) {
    await renumberColumn(trx, input.planId, input.to)
    ;({ above, below } = await findNeighbourPositions(trx, { ...input, status: input.to }))
  }
  const position = positionBetween(above, below)
  const changed = await cardPlacement.run(trx, {
    cardId: input.cardId,
    version: input.version,
    status: input.to,
    position,
    now: input.now,
  })
  return { ok: changed === 1, position }
}

/**
 * Moves a card: load → checkMove → write (+ activity for a move between columns), in one
 * transaction; `to: null` reorders it inside its own column. The version the mover saw must still be current, or nothing happens
 * and the current card comes back (409).
 */
export async function moveCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    to: CardStatus | null
    version: number
    reason: string | null
    beforeCardId: string | null
    actor: Actor
    now: string
  },
): Promise<MoveResult> {
  return db.transaction().execute(async (trx) => {
    const found = await findBoardCard(trx, input.cardId)
    if (!found || found.row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    const { row, card: before, involvement } = found
    if (row.version !== input.version) {
      return { ok: false, reason: 'version_conflict', card: before }
    }
    // `before` was read in this transaction: the evidence count and the people who took
    // part are the ones at the moment of the move, not those the mover saw.
    const to = input.to ?? row.status
    const check = checkMoveCommand(before, to, input.actor, input.reason)
    if (!check.ok) return { ok: false, reason: check.reason, from: row.status, to }
    const placed = await place(trx, { ...input, to, planId: row.plan_id })
    if (!placed.ok) {
      return { ok: false, reason: 'version_conflict', card: (await loadBoardCard(trx, row.id))! }
    }
    if (check.kind === 'reorder') {
      const moved = { ...before, position: placed.position, version: row.version + 1 }
      return { ok: true, card: moved, kind: check.kind }
    }
    const reason = input.reason?.trim() || null
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: check.kind,
      from_status: row.status,
      to_status: to,
      reason,
      // Who was assigned when it was submitted: they may not verify it, even once
      // reassigned (docs/decisions/015).
      detail: check.kind === 'submit' ? { assigneeIds: before.assigneeIds } : null,
    })
    if (check.kind === 'verify' || check.kind === 'send_back') {
      await trx
        .insertInto('review')
        .values({
          id: crypto.randomUUID(),
          card_id: row.id,
          plan_id: row.plan_id,
          school_id: row.school_id,
          reviewer_id: input.actor.id,
          at: input.now,
          verdict: check.kind === 'verify' ? 'verified' : 'sent_back',
          reason,
          submission: await countSubmissions(trx, row.id),
        })
        .execute()
    }
    // The card as it now is, from what this transaction knows: no re-read.
    const submission =
      check.kind === 'submit'
        ? { submitterId: input.actor.id, assigneeIds: before.assigneeIds }
        : involvement.submission
    const moved = {
      ...before,
      status: to,
      involvedIds: involvedIdsOf(to, { ...involvement, submission }),
      position: placed.position,
      version: row.version + 1,
    }
    return { ok: true, card: moved, kind: check.kind }
  })
}

/** Reorders a card inside its own column: a move to the column it is in (`checkMove`). */
export function reorderCard(
  db: Db,
  input: Omit<Parameters<typeof moveCard>[1], 'to' | 'reason'>,
): Promise<MoveResult> {
  return moveCard(db, { ...input, to: null, reason: null })
}
