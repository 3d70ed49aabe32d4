import type { Db } from '@caitien/db'
import type { Actor } from '@caitien/shared'
import { changeCard } from './change-card.ts'
import { figureState, findDeletedCard, listAssigneeIds } from './card.repository.ts'

/**
 * Brings a deleted card back, in the column and place it left, at the version the caller
 * saw. The 'restored' entry logs the card as it stands again (status, figures, assignees),
 * so the month it comes back in is rebuilt with it, and months before stay as they were.
 */
export async function restoreCard(
  db: Db,
  input: { cardId: string; planId: string; version: number; actor: Actor; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const card = await findDeletedCard(trx, input.cardId)
    return changeCard(trx, { ...input, card, actorId: input.actor.id }, (row) => ({
      write: { deleted_at: null },
      finish: async () => ({
        log: {
          action: 'restored',
          toStatus: row.status,
          detail: {
            state: { ...figureState(row), assigneeIds: await listAssigneeIds(trx, row.id) },
          },
        },
        value: null,
      }),
    }))
  })
}
