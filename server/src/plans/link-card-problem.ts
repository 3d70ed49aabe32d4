import type { Db } from '@caitien/db'
import { findCurrentProblem, setCardProblem } from './plan-problem.repository.ts'

/**
 * Links a card to one of its plan's current priority problems by hand, or to none
 * (decision 026: a link is not a plan field, so it has no version and no history; the
 * monthly figures do not read it). Refused when the problem is not a current one of the
 * card's plan (another plan's, or replaced by a later import).
 */
export async function linkCardToProblem(
  db: Db,
  input: { cardId: string; planId: string; problemId: string | null },
): Promise<{ ok: true } | { ok: false; reason: 'unknown_problem' }> {
  if (input.problemId !== null) {
    const problem = await findCurrentProblem(db, input.planId, input.problemId)
    if (!problem) return { ok: false, reason: 'unknown_problem' }
  }
  await setCardProblem(db, input.cardId, input.problemId)
  return { ok: true }
}
