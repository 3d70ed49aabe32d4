import { queryTemplate, type Database, type Db, type Param } from '@caitien/db'
import { ROLES, isRole, type Actor, type Role } from '@caitien/shared'
import type { ExpressionBuilder } from 'kysely'
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

/** What access checks return of the plan. */
const planColumns = [
  'plan.id',
  'plan.school_id',
  'plan.title',
  'plan.school_year',
  'plan.framework_id',
  'plan.state',
  'school.name as school_name',
] as const

/**
 * The user's roles in the plan's school, as columns of the same query: one portable
 * `EXISTS` per role (ROLES is short and fixed), so an access check is a single query.
 */
function roleFlags(eb: ExpressionBuilder<Database, 'plan'>, userId: string) {
  return ROLES.map((role) =>
    eb
      .exists(
        eb
          .selectFrom('membership')
          .select('membership.role')
          .whereRef('membership.school_id', '=', 'plan.school_id')
          .where('membership.user_id', '=', userId)
          .where('membership.role', '=', role),
      )
      .as(`is_${role}`),
  )
}

function toAccess<R extends Record<`is_${Role}`, unknown>>(
  row: R | undefined,
  userId: string,
  what: string,
) {
  const roles = row ? ROLES.filter((role) => Boolean(row[`is_${role}`])) : []
  if (!row || roles.length === 0) throw notFound(what)
  const actor: Actor = { id: userId, roles }
  return { plan: row, actor }
}

/**
 * Loads a plan the user may see and their roles in its school, in one query. A plan of
 * another school is answered exactly like a plan that does not exist: 404, nothing leaks.
 */
const planAccess = queryTemplate((db, p: Param<{ planId: string; userId: string }>) =>
  db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .select((eb) => roleFlags(eb, p('userId')))
    .where('plan.id', '=', p('planId')),
)

export async function getPlanAccess(db: Db, planId: string, userId: string) {
  return toAccess(await planAccess.first(db, { planId, userId }), userId, 'plan')
}

const cardAccess = queryTemplate((db, p: Param<{ cardId: string; userId: string }>) =>
  db
    .selectFrom('card')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .select((eb) => roleFlags(eb, p('userId')))
    .where('card.id', '=', p('cardId'))
    .where('card.deleted_at', 'is', null),
)

/**
 * Loads the plan behind a card and the user's roles in its school, in one query;
 * 404 for outsiders and for unknown or deleted cards alike.
 */
export async function getCardAccess(db: Db, cardId: string, userId: string) {
  return toAccess(await cardAccess.first(db, { cardId, userId }), userId, 'card')
}
