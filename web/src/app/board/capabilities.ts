import {
  canManagePlan,
  canReview,
  canSeeProgress,
  planWriteRefusal,
  type Actor,
  type PlanState,
  type Role,
} from '@caitien/shared'

/** What the board page offers a person in a plan, from shared's predicates alone. */
export interface PlanCapabilities {
  /** The review queue and the monthly dashboard (the monitoring team and the principal). */
  followsProgress: boolean
  /** Verdicts and the month's remarks (the monitoring team). */
  reviews: boolean
  /** New plans, imports, on-demand snapshots (the principal). */
  manages: boolean
  /** The plan takes writes: not archived (shared planWriteRefusal). */
  writes: boolean
}

export function planCapabilities(
  me: Actor,
  plan: { state: PlanState } = { state: 'active' },
): PlanCapabilities {
  return {
    followsProgress: canSeeProgress(me),
    reviews: canReview(me),
    manages: canManagePlan(me),
    writes: planWriteRefusal(plan) === null,
  }
}

/** The school where someone in no plan yet may start one: the first they run as principal. */
export function schoolForNewPlan<M extends { roles: readonly Role[] }>(
  userId: string,
  memberships: readonly M[],
): M | undefined {
  return memberships.find((m) => canManagePlan({ id: userId, roles: m.roles }))
}
