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

/**
 * The person's roles in a school, as the web guesses them to show or hide controls: their
 * memberships there, or an overseer's reading when they belong to an overseeing body (the
 * server decides which schools a body oversees, and answers 404 elsewhere).
 */
export function rolesIn(
  me: {
    memberships: readonly { schoolId: string; roles: readonly Role[] }[]
    bodies: readonly unknown[]
  },
  schoolId: string,
): Role[] {
  const own = me.memberships.find((m) => m.schoolId === schoolId)?.roles
  if (own && own.length > 0) return [...own]
  return me.bodies.length > 0 ? ['overseer'] : []
}
