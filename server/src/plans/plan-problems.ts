import type { Executor } from '@caitien/db'
import { cardTitleOfRow } from '@caitien/shared'
import { listCurrentProblems, listProblemLinks } from './plan-problem.repository.ts'

/**
 * The plan's priority problems (Biểu 2's table IV), in order, each with the cards on the
 * board that work on it (decision 024). Empty for a plan imported from another form.
 */
export async function listPlanProblems(db: Executor, planId: string) {
  const [problems, links] = await Promise.all([
    listCurrentProblems(db, planId),
    listProblemLinks(db, planId),
  ])
  return problems.map((problem) => ({
    ...problem,
    cards: links
      .filter((card) => card.plan_problem_id === problem.id)
      .map((card) => ({
        id: card.id,
        criterion: card.criterion,
        title: cardTitleOfRow(card),
      })),
  }))
}
