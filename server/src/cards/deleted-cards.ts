import type { Db } from '@caitien/db'
import { listDeletedCards as listDeletedCardRows } from './card.repository.ts'

/** A plan's deleted cards, to restore from: the latest deletion first, with who deleted it. */
export function listDeletedCards(db: Db, planId: string) {
  return listDeletedCardRows(db, planId)
}
