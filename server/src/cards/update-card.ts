import type { Db } from '@caitien/db'
import type { Actor, CardFields } from '@caitien/shared'
import { changeCard } from './change-card.ts'
import { cardColumns, changedPlanFields, figureState } from './card.repository.ts'

/** Edits plan fields; the version guards against overwriting someone else's edit. */
export async function updateCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    schoolYear: string
    version: number
    fields: CardFields
    actor: Actor
    now: string
  },
) {
  const columns = cardColumns(input.fields, input.schoolYear)
  return db.transaction().execute((trx) =>
    changeCard(trx, { ...input, actorId: input.actor.id }, (card) => ({
      write: columns,
      finish: () => ({
        log: {
          action: 'edited',
          detail: {
            fields: changedPlanFields(card, columns),
            state: figureState({ ...card, ...columns }),
          },
        },
        value: null,
      }),
    })),
  )
}
