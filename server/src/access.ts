import type { Db } from '@caitien/db'
import type { Actor, Role } from '@caitien/shared'
import { notFound } from './http-error.ts'
import { findCardPlanAccess, findPlanAccess } from './plans/plan.repository.ts'
import { listRoles } from './schools/account.repository.ts'

/** The user as the rules see them in a school: no roles when they are not a member. */
export async function getSchoolActor(db: Db, schoolId: string, userId: string): Promise<Actor> {
  return { id: userId, roles: await listRoles(db, schoolId, userId) }
}

function toAccess<P>(found: { plan: P; roles: Role[] } | undefined, userId: string) {
  if (!found || found.roles.length === 0) throw notFound()
  const actor: Actor = { id: userId, roles: found.roles }
  return { plan: found.plan, actor }
}

/**
 * Loads a plan the user may see and their roles in its school, in one query. A plan of
 * another school is answered exactly like a plan that does not exist: 404, nothing leaks.
 */
export async function getPlanAccess(db: Db, planId: string, userId: string) {
  return toAccess(await findPlanAccess(db, planId, userId), userId)
}

/**
 * Loads the plan behind a card and the user's roles in its school, in one query;
 * 404 for outsiders and for unknown or deleted cards alike.
 */
export async function getCardAccess(db: Db, cardId: string, userId: string) {
  return toAccess(await findCardPlanAccess(db, cardId, userId), userId)
}
