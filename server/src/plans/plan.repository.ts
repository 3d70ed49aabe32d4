import { queryTemplate, type Database, type Db, type Executor, type Param } from '@caitien/db'
import { ROLES, SCHOOL_ROLES, type Role } from '@caitien/shared'
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
  'plan.archived_at',
  'plan.carried_from_plan_id',
  'school.name as school_name',
] as const

/**
 * The user's roles in the plan's school, as columns of the same query: one portable
 * `EXISTS` per school role (SCHOOL_ROLES is short and fixed), and one for the overseer's
 * reading through a body that oversees the school (docs/decisions/018, 029), so an access
 * check is a single query.
 */
function roleFlags(eb: ExpressionBuilder<Database, 'plan'>, userId: string) {
  return [
    ...SCHOOL_ROLES.map((role) =>
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
    ),
    eb
      .exists(
        eb
          .selectFrom('oversight')
          .innerJoin('body_member', 'body_member.body_id', 'oversight.body_id')
          .select('oversight.body_id')
          .whereRef('oversight.school_id', '=', 'plan.school_id')
          .where('body_member.user_id', '=', userId),
      )
      .as('is_overseer'),
  ]
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
    .where('plan.id', '=', p('planId'))
    .where('plan.deleted_at', 'is', null),
)

/**
 * A live (not deleted) plan and the user's roles in its school, in one query (a template:
 * every request reads it).
 */
export async function findPlanAccess(db: Db, planId: string, userId: string) {
  return withRoles(await planAccess.first(db, { planId, userId }))
}

/** A deleted plan (not yet purged) and the user's roles in its school, for its restore. */
export async function findDeletedPlanAccess(db: Db, planId: string, userId: string) {
  const row = await db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .select(['plan.deleted_at'])
    .select((eb) => roleFlags(eb, userId))
    .where('plan.id', '=', planId)
    .where('plan.deleted_at', 'is not', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { deleted_at, ...plan } = row
  return withRoles({ ...plan, deleted_at: deleted_at! })
}

const cardAccess = queryTemplate((db, p: Param<{ cardId: string; userId: string }>) =>
  db
    .selectFrom('card')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select(planColumns)
    .select((eb) => roleFlags(eb, p('userId')))
    .where('card.id', '=', p('cardId'))
    .where('card.deleted_at', 'is', null)
    .where('plan.deleted_at', 'is', null),
)

/** The plan of a live card (of a live plan) and the user's roles in its school, in one query. */
export async function findCardPlanAccess(db: Db, cardId: string, userId: string) {
  return withRoles(await cardAccess.first(db, { cardId, userId }))
}

/** The live plan of a deleted card and the user's roles in its school, for its restore. */
export async function findDeletedCardPlanAccess(db: Db, cardId: string, userId: string) {
  return withRoles(
    await db
      .selectFrom('card')
      .innerJoin('plan', 'plan.id', 'card.plan_id')
      .innerJoin('school', 'school.id', 'plan.school_id')
      .select(planColumns)
      .select((eb) => roleFlags(eb, userId))
      .where('card.id', '=', cardId)
      .where('card.deleted_at', 'is not', null)
      .where('plan.deleted_at', 'is', null)
      .executeTakeFirst(),
  )
}

/**
 * The live plans of the schools the user belongs to or oversees: active ones first, then archived
 * ones, each the latest school year first; deleted plans never. With their live card counts.
 */
export async function listPlansOfUser(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select((eb) => [
      'plan.id',
      'plan.title',
      'plan.school_year',
      'plan.state',
      'plan.framework_id',
      'plan.archived_at',
      'school.id as school_id',
      'school.name as school_name',
      eb
        .selectFrom('card')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('card.plan_id', '=', 'plan.id')
        .where('card.deleted_at', 'is', null)
        .as('card_count'),
    ])
    .where((eb) =>
      eb.or([
        eb(
          'plan.school_id',
          'in',
          eb
            .selectFrom('membership')
            .select('membership.school_id')
            .where('membership.user_id', '=', userId),
        ),
        // The schools the person's bodies oversee (read-only, docs/decisions/029).
        eb(
          'plan.school_id',
          'in',
          eb
            .selectFrom('oversight')
            .innerJoin('body_member', 'body_member.body_id', 'oversight.body_id')
            .select('oversight.school_id')
            .where('body_member.user_id', '=', userId),
        ),
      ]),
    )
    .where('plan.deleted_at', 'is', null)
    .orderBy('plan.state')
    .orderBy('plan.school_year', 'desc')
    .orderBy('plan.title')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    schoolYear: r.school_year,
    state: r.state,
    archivedAt: r.archived_at,
    frameworkId: r.framework_id,
    cardCount: Number(r.card_count ?? 0),
    school: { id: r.school_id, name: r.school_name },
  }))
}

/** The deleted, not yet purged plans of some schools, the latest deletion first. */
export async function listDeletedPlans(db: Executor, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return []
  const rows = await db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .leftJoin('app_user', 'app_user.id', 'plan.deleted_by')
    .select((eb) => [
      'plan.id',
      'plan.title',
      'plan.school_year',
      'plan.deleted_at',
      'app_user.display_name as deleted_by_name',
      'school.id as school_id',
      'school.name as school_name',
      eb
        .selectFrom('card')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('card.plan_id', '=', 'plan.id')
        .where('card.deleted_at', 'is', null)
        .as('card_count'),
    ])
    .where('plan.school_id', 'in', [...schoolIds])
    .where('plan.deleted_at', 'is not', null)
    .orderBy('plan.deleted_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    schoolYear: r.school_year,
    deletedAt: r.deleted_at!,
    deletedBy: r.deleted_by_name,
    cardCount: Number(r.card_count ?? 0),
    school: { id: r.school_id, name: r.school_name },
  }))
}

/** A plan's title and school year, live or deleted (for a carried-over card's link). */
export async function findPlanTitle(db: Executor, planId: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'school_year', 'deleted_at'])
    .where('id', '=', planId)
    .executeTakeFirst()
}

/** Writes a plan's settings (those given). */
export async function updatePlanSettings(
  db: Executor,
  planId: string,
  settings: { title?: string; school_year?: string; framework_id?: string; now: string },
): Promise<void> {
  const { now, ...columns } = settings
  await db
    .updateTable('plan')
    .set({ ...columns, updated_at: now })
    .where('id', '=', planId)
    .execute()
}

/** Archives a plan (read-only) or makes it active again. */
export async function updatePlanState(
  db: Executor,
  planId: string,
  input: { state: 'active' | 'archived'; by: string | null; now: string },
): Promise<void> {
  const archived = input.state === 'archived'
  await db
    .updateTable('plan')
    .set({
      state: input.state,
      archived_at: archived ? input.now : null,
      archived_by: archived ? input.by : null,
      updated_at: input.now,
    })
    .where('id', '=', planId)
    .execute()
}

/** Deletes a plan softly (by: who), or restores it (null). */
export async function updatePlanDeleted(
  db: Executor,
  planId: string,
  input: { deletedAt: string | null; by: string | null; now: string },
): Promise<void> {
  await db
    .updateTable('plan')
    .set({ deleted_at: input.deletedAt, deleted_by: input.by, updated_at: input.now })
    .where('id', '=', planId)
    .execute()
}

/**
 * Removes for good the plans deleted before an instant, with everything of theirs (the
 * foreign keys cascade: cards, evidence rows, comments, the log, snapshots, remarks).
 * Evidence files are left to the evidence sweep. Returns the plans removed.
 */
export async function deletePlansDeletedBefore(db: Executor, before: string) {
  const gone = await db
    .selectFrom('plan')
    .select(['id', 'school_id'])
    .where('deleted_at', 'is not', null)
    .where('deleted_at', '<', before)
    .execute()
  if (gone.length === 0) return []
  await db
    .deleteFrom('plan')
    .where(
      'id',
      'in',
      gone.map((p) => p.id),
    )
    .execute()
  return gone
}

export async function insertPlan(
  db: Executor,
  plan: {
    id: string
    schoolId: string
    title: string
    schoolYear: string
    frameworkId: string | null
    carriedFromPlanId?: string | null
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
      carried_from_plan_id: plan.carriedFromPlanId ?? null,
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

/** The plans monthly snapshots are still taken for: active, not deleted. */
export async function listActivePlans(db: Executor) {
  return db
    .selectFrom('plan')
    .select(planRefColumns)
    .where('state', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute()
}

/** The code of the plan's criteria framework ('TT57-2026-pho-thong'); null without one. */
export async function findPlanFrameworkCode(db: Executor, planId: string): Promise<string | null> {
  const row = await db
    .selectFrom('plan')
    .leftJoin('framework', 'framework.id', 'plan.framework_id')
    .select('framework.code')
    .where('plan.id', '=', planId)
    .executeTakeFirst()
  return row?.code ?? null
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

/** The live, active plans of a school in a school year: those its calendar's months apply to. */
export async function listActivePlansOfSchoolYear(
  db: Executor,
  schoolId: string,
  schoolYear: string,
) {
  return db
    .selectFrom('plan')
    .select(planRefColumns)
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where('state', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute()
}
