import type { Db } from '@caitien/db'
import {
  canWriteSchool,
  planLifeMessages,
  planWriteRefusal,
  type Actor,
  type Role,
} from '@caitien/shared'
import { ApiException, forbiddenBy, notFound, wordedBy } from './http-error.ts'
import {
  findCardPlanAccess,
  findDeletedCardPlanAccess,
  findDeletedPlanAccess,
  findPlanAccess,
} from './plans/plan.repository.ts'
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
 * A deleted plan is answered 404 too (its restore reads it with getDeletedPlanAccess).
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

/**
 * 409 when the plan may not be written now (shared planWriteRefusal: archived), worded
 * with its title. Checked once the person is known to be a member, before what they ask.
 */
export function assertPlanWritable(plan: { state: 'active' | 'archived'; title: string }): void {
  const refusal = planWriteRefusal(plan)
  if (!refusal) return
  throw new ApiException(
    409,
    'plan_archived',
    wordedBy(planLifeMessages, (m) => m[refusal]({ title: plan.title })),
  )
}

/**
 * 403 for a person who reads the school only as an overseer (shared canWriteSchool): an
 * overseeing body changes nothing of a school's plan (docs/decisions/029).
 */
export function assertSchoolWriter(actor: Actor): void {
  if (!canWriteSchool(actor)) throw forbiddenBy('oversee_read_only')
}

/** getPlanAccess for a write to the plan's cards, evidence, imports or remarks. */
export async function getPlanWriteAccess(db: Db, planId: string, userId: string) {
  const access = await getPlanAccess(db, planId, userId)
  assertSchoolWriter(access.actor)
  assertPlanWritable(access.plan)
  return access
}

/** getCardAccess for a write to the card, its evidence or its comments. */
export async function getCardWriteAccess(db: Db, cardId: string, userId: string) {
  const access = await getCardAccess(db, cardId, userId)
  assertSchoolWriter(access.actor)
  assertPlanWritable(access.plan)
  return access
}

/** A deleted plan of the user's school (not yet purged), for its restore; 404 otherwise. */
export async function getDeletedPlanAccess(db: Db, planId: string, userId: string) {
  return toAccess(await findDeletedPlanAccess(db, planId, userId), userId)
}

/** A deleted card of a live, writable plan of the user's school, for its restore. */
export async function getDeletedCardAccess(db: Db, cardId: string, userId: string) {
  const access = toAccess(await findDeletedCardPlanAccess(db, cardId, userId), userId)
  assertSchoolWriter(access.actor)
  assertPlanWritable(access.plan)
  return access
}
