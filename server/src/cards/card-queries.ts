import type { Executor } from '@caitien/db'
import { countSubmissions, listCardActivity } from '../activity/activity.repository.ts'
import { listCardEvidence } from '../evidence/evidence.repository.ts'
import { listCardReviews } from '../reviews/review.repository.ts'
import {
  findBoardCard,
  findCardById,
  findCarriedFrom,
  listAssigneeIds,
  listComments,
  toCardDetail,
} from './card.repository.ts'
import { findCurrentProblem } from '../plans/plan-problem.repository.ts'

/** One card as the board shows it (after a write, for the optimistic reconcile). */
export async function loadBoardCard(db: Executor, cardId: string) {
  return (await findBoardCard(db, cardId))?.card
}

/** A card's history, newest first, each entry's detail typed by its action. */
export function listActivity(db: Executor, cardId: string) {
  return listCardActivity(db, cardId)
}

/** The whole card: every plan field, its evidence, comments, history and verdicts. */
export async function loadCardDetail(db: Executor, cardId: string) {
  const row = await findCardById(db, cardId)
  if (!row) return undefined
  const [assigneeIds, evidence, comments, activity, reviews, submissions, carriedFrom] =
    await Promise.all([
      listAssigneeIds(db, cardId),
      listCardEvidence(db, cardId),
      listComments(db, cardId),
      listCardActivity(db, cardId),
      listCardReviews(db, cardId),
      countSubmissions(db, cardId),
      row.carried_from_card_id ? findCarriedFrom(db, cardId) : Promise.resolve(null),
    ])
  const problem = row.plan_problem_id
    ? ((await findCurrentProblem(db, row.plan_id, row.plan_problem_id)) ?? null)
    : null
  return {
    ...toCardDetail(row, assigneeIds),
    /** The card of last year's plan this one continues, with its plan. */
    carriedFrom,
    /** Biểu 2: the plan's priority problem (table IV) this card works on. */
    problem,
    evidence,
    comments,
    activity,
    reviews,
    /** How many times the card was submitted again after a send-back. */
    resubmissions: Math.max(0, submissions - 1),
  }
}
