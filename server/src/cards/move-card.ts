import type { Db, Executor } from '@caitien/db'
import {
  checkMoveCommand,
  positionBetween,
  positionsTooClose,
  type ActivityEvent,
  type Actor,
  type CardStatus,
  type MoveKind,
  type MoveRejection,
} from '@caitien/shared'
import { countSubmissions } from '../activity/activity.repository.ts'
import { insertReview } from '../reviews/review.repository.ts'
import { changeCard } from './change-card.ts'
import {
  findBoardCard,
  findSentBackMark,
  lockCard,
  findNeighbourPositions,
  involvedIdsOf,
  renumberColumn,
  updateCardPlacement,
  type BoardCard,
} from './card.repository.ts'
import { loadBoardCard } from './card-queries.ts'

type Moved = { card: BoardCard; kind: MoveKind | 'reorder' }
type MoveRefusal = { ok: false; reason: MoveRejection; from: CardStatus; to: CardStatus }

export type MoveResult =
  | { ok: true; card: BoardCard; kind: MoveKind | 'reorder' }
  | { ok: false; reason: 'card_not_found' }
  | { ok: false; reason: 'version_conflict'; card: BoardCard }
  | { ok: false; reason: MoveRejection; from: CardStatus; to: CardStatus }

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
): Promise<{ held: boolean; position: number }> {
  let { above, below } = await findNeighbourPositions(trx, { ...input, status: input.to })
  if (positionsTooClose(above, below)) {
    await renumberColumn(trx, input.planId, input.to)
    ;({ above, below } = await findNeighbourPositions(trx, { ...input, status: input.to }))
  }
  const position = positionBetween(above, below)
  const held = await updateCardPlacement(trx, {
    cardId: input.cardId,
    version: input.version,
    status: input.to,
    position,
    now: input.now,
  })
  return { held, position }
}

/**
 * Moves a card: load → checkMove → write (+ activity for a move between columns), in one
 * transaction (changeCard); `to: null` reorders it inside its own column. The version the
 * mover saw must still be current, or nothing happens and the current card comes back (409).
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
  // READ COMMITTED is enough behind the card's lock: the version guard and the lock decide
  // every race a move can be in, and a serializable move would be aborted by any other
  // move into the same column (both read its last place).
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      // Read in this transaction, once the card is ours: the evidence count and the people who
      // took part are the ones at the moment of the move, not those the mover saw.
      await lockCard(trx, input.cardId)
      const found = await findBoardCard(trx, input.cardId)
      const target = { ...input, card: found?.row, actorId: input.actor.id }
      const result = await changeCard<Moved, MoveRefusal>(trx, target, (row) => {
        const { card: before, involvement } = found!
        const to = input.to ?? row.status
        const check = checkMoveCommand(before, to, input.actor, input.reason)
        if (!check.ok) return { ok: false as const, reason: check.reason, from: row.status, to }
        let position = row.position
        return {
          write: async () => {
            const placed = await place(trx, { ...input, to, planId: row.plan_id })
            position = placed.position
            return placed.held
          },
          finish: async () => {
            const moved = { ...before, position, version: row.version + 1 }
            if (check.kind === 'reorder')
              return { log: null, value: { card: moved, kind: check.kind } }
            const reason = input.reason?.trim() || null
            if (check.kind === 'verify' || check.kind === 'send_back') {
              await insertReview(trx, {
                card: row,
                reviewerId: input.actor.id,
                verdict: check.kind === 'verify' ? 'verified' : 'sent_back',
                reason,
                submission: await countSubmissions(trx, row.id),
                now: input.now,
              })
            }
            // The card as it now is, from what this transaction knows: no re-read.
            const submission =
              check.kind === 'submit'
                ? { submitterId: input.actor.id, assigneeIds: before.assigneeIds }
                : involvement.submission
            const card = {
              ...moved,
              status: to,
              involvedIds: involvedIdsOf(to, { ...involvement, submission }),
              // Back in progress: the board marks it if its latest verdict sent it back,
              // which is this move's own or the one read with the card.
              sentBack:
                to === 'in_progress' &&
                (check.kind === 'send_back' || found!.lastVerdict === 'sent_back')
                  ? await findSentBackMark(trx, row.id)
                  : null,
            }
            const move = { fromStatus: row.status, toStatus: to, reason }
            const log: ActivityEvent =
              check.kind === 'submit'
                ? // Who was assigned when it was submitted: they may not verify it, even
                  // once reassigned (docs/decisions/015).
                  { ...move, action: check.kind, detail: { assigneeIds: before.assigneeIds } }
                : { ...move, action: check.kind, detail: null }
            return { log, value: { card, kind: check.kind } }
          },
        }
      })
      if (result.ok) return { ok: true, ...result.value }
      if (result.reason !== 'version_conflict') return result
      // Stale when read: the card as it was read; lost the race meanwhile: as it now is.
      const stale = found!.row.version !== input.version
      return {
        ok: false,
        reason: 'version_conflict',
        card: stale ? found!.card : (await loadBoardCard(trx, input.cardId))!,
      }
    })
}

/** Reorders a card inside its own column: a move to the column it is in (`checkMove`). */
export function reorderCard(
  db: Db,
  input: Omit<Parameters<typeof moveCard>[1], 'to' | 'reason'>,
): Promise<MoveResult> {
  return moveCard(db, { ...input, to: null, reason: null })
}
