import type { Db } from '@caitien/db'
import { isRole, type Actor, type Role } from '@caitien/shared'
import { notFound } from './http-error.ts'

/** The user's roles in a school: empty when they are not a member. */
export async function listRoles(db: Db, schoolId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('membership')
    .select('role')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.role).filter(isRole)
}

/**
 * Loads a plan the user may see and their roles in its school. A plan of another
 * school is answered exactly like a plan that does not exist: 404, nothing leaks.
 */
const planColumns = [
  'plan.id',
  'plan.school_id',
  'plan.title',
  'plan.school_year',
  'plan.framework_id',
  'plan.state',
  'school.name as school_name',
] as const

async function withRoles(
  db: Db,
  row: { school_id: string } | undefined,
  userId: string,
  what: string,
) {
  if (!row) throw notFound(what)
  const roles = await listRoles(db, row.school_id, userId)
  if (roles.length === 0) throw notFound(what)
  const actor: Actor = { id: userId, roles }
  return actor
}

export async function getPlanAccess(db: Db, planId: string, userId: string) {
  const row = await db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .where('plan.id', '=', planId)
    .executeTakeFirst()
  const actor = await withRoles(db, row, userId, 'plan')
  return { plan: row!, actor }
}

/**
 * Loads the plan behind a card and the user's roles in its school, in two queries;
 * 404 for outsiders and for unknown or deleted cards alike.
 */
export async function getCardAccess(db: Db, cardId: string, userId: string) {
  const row = await db
    .selectFrom('card')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .where('card.id', '=', cardId)
    .where('card.deleted_at', 'is', null)
    .executeTakeFirst()
  const actor = await withRoles(db, row, userId, 'card')
  return { plan: row!, actor }
}
