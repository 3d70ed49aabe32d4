import type { CardRow, CardTable, Executor } from '@caitien/db'
import type { ActivityEvent } from '@caitien/shared'
import { insertActivity } from '../activity/activity.repository.ts'
import { findCardById, lockCard, updateCardColumns } from './card.repository.ts'

/**
 * What a change does to a card once it is decided: its own write, then the rest (other
 * tables) and the log entry.
 */
export interface CardChange<T> {
  /**
   * The card's own write. Columns (none: only the version) are written with the version
   * bump in one statement guarded by the version the caller saw; a function writes its own
   * way under the same guard (a move places the card) and says whether the guard held;
   * 'none' leaves the card row and its version alone (evidence, comments live beside it).
   */
  write: Partial<CardTable> | (() => Promise<boolean>) | 'none'
  /** Runs once the write held: the other tables, then what to log (null: nothing) and return. */
  finish: (card: CardRow) => Promise<Finished<T>> | Finished<T>
}
type Finished<T> = { log: ActivityEvent | null; value: T }

/** A refusal the decision makes: returned as it is, nothing written. */
type Refusal = { ok: false; reason: string }

/** A version conflict is possible only when the caller names a version. */
export type ChangeResult<T, R extends Refusal, V extends number | null> =
  | { ok: true; card: CardRow; value: T }
  | { ok: false; reason: 'card_not_found' }
  | (V extends null ? never : { ok: false; reason: 'version_conflict' })
  | R

/**
 * The one skeleton of every write to a card, inside the caller's transaction: lock and find
 * the card (or take the one the caller locked and read in this transaction), check it is the plan's and
 * still at the version the caller saw, let `decide` refuse or say what the change is, make
 * the card's own write under the version guard, then the rest, then log the entry with
 * who, where and when filled in. A stale version is answered before anything is judged:
 * the caller gets the card as it now is and decides again.
 *
 * @example
 * await changeCard(trx, { cardId, planId, version, actorId, now }, (card) => ({
 *   write: { deleted_at: now },
 *   finish: () => ({ log: { action: 'deleted', detail: null, fromStatus: card.status }, value: null }),
 * }))
 */
export async function changeCard<T, R extends Refusal = never, V extends number | null = number>(
  trx: Executor,
  target: (
    | { cardId: string }
    | {
        /** The card as the caller read it in this transaction (undefined: not found). */
        card: CardRow | undefined
      }
  ) & {
    planId: string
    /**
     * The version the caller saw; null for a change beside the card (evidence, comments)
     * or one that takes the card as it is (an import).
     */
    version: V
    actorId: string | null
    now: string
  },
  decide: (card: CardRow) => CardChange<T> | R | Promise<CardChange<T> | R>,
): Promise<ChangeResult<T, R, V>> {
  const conflict = { ok: false, reason: 'version_conflict' } as ChangeResult<T, R, V>
  // A caller that passes the card read it itself, after locking it (lockCard): a target
  // may carry both (a move's input names the card), and the card it passes wins.
  let card: CardRow | undefined
  if ('card' in target) card = target.card
  else {
    await lockCard(trx, target.cardId)
    card = await findCardById(trx, target.cardId)
  }
  if (!card || card.plan_id !== target.planId) return { ok: false, reason: 'card_not_found' }
  if (target.version !== null && card.version !== target.version) return conflict
  const change = await decide(card)
  if ('ok' in change) return change
  const { write } = change
  if (write !== 'none') {
    const held =
      typeof write === 'function'
        ? await write()
        : await updateCardColumns(trx, {
            cardId: card.id,
            version: target.version,
            columns: write,
            now: target.now,
          })
    if (!held) return conflict
  }
  const { log, value } = await change.finish(card)
  if (log) {
    await insertActivity(trx, {
      ...log,
      schoolId: card.school_id,
      planId: card.plan_id,
      cardId: card.id,
      actorId: target.actorId,
      at: target.now,
    })
  }
  return { ok: true, card, value }
}
