import type { Db } from '@caitien/db'
import { canComment, type Actor } from '@caitien/shared'
import { changeCard } from './change-card.ts'
import { insertComment } from './card.repository.ts'

/** A member's comment on a card; the card's version stays (a comment is beside the card). */
export async function addComment(
  db: Db,
  input: { cardId: string; planId: string; body: string; actor: Actor; now: string },
) {
  if (!canComment(input.actor)) return { ok: false as const, reason: 'forbidden' as const }
  const result = await db.transaction().execute((trx) =>
    changeCard(trx, { ...input, version: null, actorId: input.actor.id }, (card) => ({
      write: 'none',
      finish: async () => {
        const commentId = crypto.randomUUID()
        await insertComment(trx, {
          id: commentId,
          cardId: card.id,
          schoolId: card.school_id,
          authorId: input.actor.id,
          body: input.body,
          now: input.now,
        })
        const value = { commentId, version: card.version }
        return { log: { action: 'commented', detail: { commentId } }, value }
      },
    })),
  )
  return result.ok ? { ok: true as const, ...result.value } : result
}
