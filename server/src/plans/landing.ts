import type { Db } from '@caitien/db'
import { loadInbox } from '../reviews/inbox.ts'
import { updateLastPlan } from '../schools/account.repository.ts'
import { listPlansOfUser } from './plan.repository.ts'

/**
 * Where someone lands: the plan they opened last, unless something waits for them only in
 * another plan (a card sent back to them, evidence for them to review), then the plan
 * where most waits. Without a last plan: a plan where something waits, else the first
 * active plan, else the first. Plans they no longer see are never chosen.
 *
 * @example
 * chooseLandingPlan({ plans: [a, b], lastPlanId: 'a', waiting: new Map([['b', 3]]) }) // → 'b'
 */
export function chooseLandingPlan(input: {
  plans: readonly { id: string; state: string }[]
  lastPlanId: string | null
  waiting: ReadonlyMap<string, number>
}): string | null {
  const { plans, waiting } = input
  const last = plans.find((p) => p.id === input.lastPlanId)
  if (last && (waiting.get(last.id) ?? 0) > 0) return last.id
  let busiest: { id: string; n: number } | null = null
  for (const plan of plans) {
    const n = waiting.get(plan.id) ?? 0
    if (n > 0 && (!busiest || n > busiest.n)) busiest = { id: plan.id, n }
  }
  if (busiest) return busiest.id
  return (last ?? plans.find((p) => p.state === 'active') ?? plans[0])?.id ?? null
}

/** How many things wait for the user in each plan: cards sent back, cards to review. */
function waitingByPlan(inbox: Awaited<ReturnType<typeof loadInbox>>): Map<string, number> {
  const waiting = new Map<string, number>()
  for (const item of [...inbox.sentBack, ...inbox.toReview]) {
    waiting.set(item.planId, (waiting.get(item.planId) ?? 0) + 1)
  }
  return waiting
}

/** The user's plans and the one to land on (chooseLandingPlan). */
export async function loadPlansAndLanding(
  db: Db,
  user: { id: string; lastPlanId: string | null },
  now: Date,
) {
  const [plans, inbox] = await Promise.all([
    listPlansOfUser(db, user.id),
    loadInbox(db, user.id, now),
  ])
  const landing = chooseLandingPlan({
    plans,
    lastPlanId: user.lastPlanId,
    waiting: waitingByPlan(inbox),
  })
  return { plans, landing }
}

/** Opening a plan's board makes it the user's last plan; a write only when it changes. */
export async function rememberLastPlan(
  db: Db,
  user: { id: string; lastPlanId: string | null },
  planId: string,
): Promise<void> {
  if (user.lastPlanId === planId) return
  await updateLastPlan(db, user.id, planId)
}
