import { queryTemplate, type Database, type Db, type Executor, type Param } from '@caitien/db'
import { ROLES, type Role } from '@caitien/shared'
import type { ExpressionBuilder } from 'kysely'

/**
 * The plans' SQL: plans, what an access check reads of them, and the lead texts an import
 * remembers (docs/decisions/020).
 */

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

/** A plan with the user's roles in its school; roles empty for an outsider. */
function withRoles<R extends Record<`is_${Role}`, unknown>>(row: R | undefined) {
  if (!row) return undefined
  const roles = ROLES.filter((role) => Boolean(row[`is_${role}`]))
  return { plan: row, roles }
}

const planAccess = queryTemplate((db, p: Param<{ planId: string; userId: string }>) =>
  db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .select((eb) => roleFlags(eb, p('userId')))
    .where('plan.id', '=', p('planId')),
)

/** A plan and the user's roles in its school, in one query (a template: every request reads it). */
export async function findPlanAccess(db: Db, planId: string, userId: string) {
  return withRoles(await planAccess.first(db, { planId, userId }))
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

/** The plan of a live card and the user's roles in its school, in one query. */
export async function findCardPlanAccess(db: Db, cardId: string, userId: string) {
  return withRoles(await cardAccess.first(db, { cardId, userId }))
}

/** The plans of the schools the user belongs to, the latest school year first. */
export async function listPlansOfUser(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('membership', 'membership.school_id', 'plan.school_id')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select([
      'plan.id',
      'plan.title',
      'plan.school_year',
      'plan.state',
      'plan.framework_id',
      'school.id as school_id',
      'school.name as school_name',
    ])
    .distinct()
    .where('membership.user_id', '=', userId)
    .orderBy('plan.school_year', 'desc')
    .orderBy('plan.title')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    schoolYear: r.school_year,
    state: r.state,
    frameworkId: r.framework_id,
    school: { id: r.school_id, name: r.school_name },
  }))
}

export async function insertPlan(
  db: Executor,
  plan: {
    id: string
    schoolId: string
    title: string
    schoolYear: string
    frameworkId: string | null
    now: string
  },
): Promise<void> {
  await db
    .insertInto('plan')
    .values({
      id: plan.id,
      school_id: plan.schoolId,
      title: plan.title,
      school_year: plan.schoolYear,
      framework_id: plan.frameworkId,
      state: 'active',
      created_at: plan.now,
      updated_at: plan.now,
    })
    .execute()
}

const planRefColumns = ['id', 'school_id', 'school_year', 'created_at'] as const

/** What snapshots need of a plan. */
export async function findPlanRef(db: Executor, planId: string) {
  return db.selectFrom('plan').select(planRefColumns).where('id', '=', planId).executeTakeFirst()
}

export async function getPlanRef(db: Executor, planId: string) {
  const plan = await findPlanRef(db, planId)
  if (!plan) throw new Error(`no plan ${planId}`)
  return plan
}

/** The plans monthly snapshots are still taken for. */
export async function listActivePlans(db: Executor) {
  return db.selectFrom('plan').select(planRefColumns).where('state', '=', 'active').execute()
}

/** A plan with its school's name, as a report heads it. */
export async function getPlanWithSchool(db: Executor, planId: string) {
  return db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select([
      'plan.title',
      'plan.school_year',
      'plan.framework_id',
      'plan.school_id',
      'school.name as school_name',
    ])
    .where('plan.id', '=', planId)
    .executeTakeFirstOrThrow()
}

/** The accounts remembered for the lead texts of a school's plans (folded text → users). */
export async function listLeadMappings(db: Executor, schoolId: string) {
  return db
    .selectFrom('lead_mapping')
    .select(['lead_key', 'user_id'])
    .where('school_id', '=', schoolId)
    .execute()
}

/** Remembers the accounts a lead text stands for (none: forgets it). */
export async function updateLeadMapping(
  db: Executor,
  input: { schoolId: string; leadKey: string; userIds: readonly string[]; now: string },
): Promise<void> {
  await db
    .deleteFrom('lead_mapping')
    .where('school_id', '=', input.schoolId)
    .where('lead_key', '=', input.leadKey)
    .execute()
  if (input.userIds.length === 0) return
  await db
    .insertInto('lead_mapping')
    .values(
      input.userIds.map((user_id) => ({
        school_id: input.schoolId,
        lead_key: input.leadKey,
        user_id,
        created_at: input.now,
      })),
    )
    .execute()
}
