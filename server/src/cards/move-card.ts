import type { Db } from '@caitien/db'
import {
  canWorkOnCard,
  checkMove,
  positionBetween,
  positionsTooClose,
  type Actor,
  type CardStatus,
  type MoveKind,
  type MoveRejection,
} from '@caitien/shared'
import {
  toBoardCard,
  countEvidence,
  findCardById,
  findNeighbourPositions,
  insertActivity,
  listAssigneeIds,
  renumberColumn,
  type Executor,
} from './card.repository.ts'
import { countSubmissions, loadBoardCard } from './card-queries.ts'

type BoardCard = NonNullable<Awaited<ReturnType<typeof loadBoardCard>>>

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
): Promise<{ ok: boolean; position: number }> {
  let { above, below } = await findNeighbourPositions(trx, { ...input, status: input.to })
  if (positionsTooClose(above, below)) {
    await renumberColumn(trx, input.planId, input.to)
    ;({ above, below } = await findNeighbourPositions(trx, { ...input, status: input.to }))
  }
  const position = positionBetween(above, below)
  const result = await trx
    .updateTable('card')
    .set((eb) => ({
      status: input.to,
      position,
      version: eb('version', '+', 1),
      updated_at: input.now,
    }))
    .where('id', '=', input.cardId)
    .where('version', '=', input.version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return { ok: Number(result.numUpdatedRows) === 1, position }
}

/**
 * Moves a card to another column: load → checkMove → write + activity, in one
 * transaction. The version the mover saw must still be current, or nothing happens
 * and the current card comes back (409).
 */
export async function moveCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    to: CardStatus
    version: number
    reason: string | null
    beforeCardId: string | null
    actor: Actor
    now: string
  },
): Promise<MoveResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    const current = async () => (await loadBoardCard(trx, input.cardId))!
    if (row.version !== input.version) {
      return { ok: false, reason: 'version_conflict', card: await current() }
    }
    const card = {
      status: row.status,
      evidenceCount: await countEvidence(trx, row.id),
      assigneeIds: await listAssigneeIds(trx, row.id),
    }
    const check = checkMove(card, input.to, input.actor, { reason: input.reason })
    if (!check.ok) return { ok: false, reason: check.reason, from: row.status, to: input.to }
    const placed = await place(trx, { ...input, planId: row.plan_id })
    if (!placed.ok) return { ok: false, reason: 'version_conflict', card: await current() }
    const reason = input.reason?.trim() || null
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: check.kind,
      from_status: row.status,
      to_status: input.to,
      reason,
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
    const comments = await trx
      .selectFrom('comment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('card_id', '=', row.id)
      .executeTakeFirstOrThrow()
    const moved = toBoardCard(
      {
        ...row,
        status: input.to,
        position: placed.position,
        version: row.version + 1,
        updated_at: input.now,
      },
      {
        assigneeIds: card.assigneeIds,
        evidenceCount: card.evidenceCount,
        commentCount: Number(comments.n),
      },
    )
    return { ok: true, card: moved, kind: check.kind }
  })
}

/** Reorders a card inside its own column: allowed to whoever may work on the card. */
export async function reorderCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    version: number
    beforeCardId: string | null
    actor: Actor
    now: string
  },
): Promise<
  MoveResult | { ok: false; reason: 'role_not_allowed'; from: CardStatus; to: CardStatus }
> {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    const current = async () => (await loadBoardCard(trx, input.cardId))!
    if (row.version !== input.version) {
      return { ok: false, reason: 'version_conflict', card: await current() }
    }
    const assigneeIds = await listAssigneeIds(trx, row.id)
    if (!canWorkOnCard({ assigneeIds }, input.actor)) {
      return { ok: false, reason: 'role_not_allowed', from: row.status, to: row.status }
    }
    if (!(await place(trx, { ...input, to: row.status })).ok) {
      return { ok: false, reason: 'version_conflict', card: await current() }
    }
    return { ok: true, card: await current(), kind: 'reorder' }
  })
}
