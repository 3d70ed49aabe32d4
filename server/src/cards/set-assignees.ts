import type { Db } from '@caitien/db'
import type { Actor } from '@caitien/shared'
import { areMembers } from '../schools/account.repository.ts'
import { changeCard } from './change-card.ts'
import { listAssigneeIds, updateAssignees } from './card.repository.ts'

/** Replaces a card's assignees, who must be members of its school; bumps its version. */
export async function setAssignees(
  db: Db,
  input: {
    cardId: string
    planId: string
    schoolId: string
    version: number
    assigneeIds: string[]
    actor: Actor
    now: string
  },
) {
  const after = [...new Set(input.assigneeIds)]
  return db.transaction().execute((trx) =>
    changeCard(trx, { ...input, actorId: input.actor.id }, async (card) => {
      if (!(await areMembers(trx, input.schoolId, after))) {
        return { ok: false as const, reason: 'unknown_assignee' as const }
      }
      return {
        write: {},
        finish: async () => {
          const before = await listAssigneeIds(trx, card.id)
          await updateAssignees(trx, card.id, after, input.now)
          return { log: { action: 'assigned', detail: { before, after } }, value: null }
        },
      }
    }),
  )
}
