import type { Db } from '@caitien/db'
import { findBoardStamp, listBoardCards } from '../cards/card.repository.ts'
import { listSchoolMembers } from '../schools/account.repository.ts'

/**
 * What a board answer depends on, in one cheap query (findBoardStamp): equal stamps mean
 * an equal board.
 */
export function loadBoardStamp(db: Db, plan: { id: string; school_id: string }) {
  return findBoardStamp(db, plan.id, plan.school_id)
}

/** The part of a board every member sees alike: the school's members and the cards. */
export async function loadBoard(db: Db, plan: { id: string; school_id: string }) {
  const [cards, members] = await Promise.all([
    listBoardCards(db, plan.id),
    listSchoolMembers(db, plan.school_id),
  ])
  return { members, cards }
}
