import type { Db } from '@caitien/db'
import type { Actor, CardFields } from '@caitien/shared'
import { calendarFor } from '../schools/calendar-for.ts'
import { changeCard } from './change-card.ts'
import { cardColumns, figureState, planFieldChanges } from './card.repository.ts'

/**
 * Edits plan fields; the version guards against overwriting someone else's edit. Each
 * changed field is logged with its text before and after; an edit that changes nothing
 * writes nothing and logs nothing.
 */
export async function updateCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    schoolId: string
    schoolYear: string
    version: number
    fields: CardFields
    actor: Actor
    now: string
  },
) {
  return db.transaction().execute(async (trx) => {
    const calendar = await calendarFor(trx, input.schoolId, input.schoolYear)
    const columns = cardColumns(input.fields, input.schoolYear, calendar)
    return changeCard(trx, { ...input, actorId: input.actor.id }, (card) => {
      const changes = planFieldChanges(card, columns)
      if (changes.length === 0) {
        return { write: 'none', finish: () => ({ log: null, value: { changed: 0 } }) }
      }
      return {
        write: columns,
        finish: () => ({
          log: {
            action: 'edited',
            detail: {
              fields: changes.map((c) => c.field),
              changes,
              state: figureState({ ...card, ...columns }),
            },
          },
          value: { changed: changes.length },
        }),
      }
    })
  })
}
