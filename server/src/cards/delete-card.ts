import type { Db } from '@caitien/db'
import type { Actor } from '@caitien/shared'
import { changeCard } from './change-card.ts'

/** Soft delete: the activity log keeps the card's history (and snapshots stay derivable). */
export async function deleteCard(
  db: Db,
  input: { cardId: string; planId: string; version: number; actor: Actor; now: string },
) {
  return db.transaction().execute((trx) =>
    changeCard(trx, { ...input, actorId: input.actor.id }, (card) => ({
      write: { deleted_at: input.now },
      finish: () => ({
        log: { action: 'deleted', detail: null, fromStatus: card.status },
        value: null,
      }),
    })),
  )
}
