import type { Db, Executor } from '@caitien/db'
import { isRole, type Role } from '@caitien/shared'
import { hashPassword } from '../auth/password.ts'

/**
 * The accounts' SQL: schools, users and their memberships (docs/decisions/020). Sessions
 * and the login throttle have their own repositories in auth/.
 */

/** The user's roles in a school: empty when they are not a member. */
export async function listRoles(db: Executor, schoolId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('membership')
    .select('role')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.role).filter(isRole)
}

/** Every role the user holds, school by school (one row per school and role). */
export async function listUserRoles(db: Executor, userId: string) {
  return db
    .selectFrom('membership')
    .select(['school_id', 'role'])
    .where('user_id', '=', userId)
    .execute()
}

/** Are all these users members of the school? (True for none.) */
export async function areMembers(
  db: Executor,
  schoolId: string,
  userIds: readonly string[],
): Promise<boolean> {
  if (userIds.length === 0) return true
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', [...userIds])
    .execute()
  return rows.length === new Set(userIds).size
}

/** The ids of a school's members. */
export async function listMemberIds(db: Executor, schoolId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .where('school_id', '=', schoolId)
    .execute()
  return new Set(rows.map((m) => m.user_id))
}

/** Membership rows (one per role) gathered per id, in their order, each with its roles. */
function withRoles<R extends { id: string; role: string }, T>(
  rows: R[],
  entry: (row: R) => T,
): (T & { roles: Role[] })[] {
  const byId = new Map<string, T & { roles: Role[] }>()
  for (const r of rows) {
    const found = byId.get(r.id) ?? { ...entry(r), roles: [] }
    if (isRole(r.role)) found.roles.push(r.role)
    byId.set(r.id, found)
  }
  return [...byId.values()]
}

/** The schools a user belongs to, with their roles in each. */
export async function listMemberships(db: Db, userId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('school', 'school.id', 'membership.school_id')
    .select(['school.id', 'school.name', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('school.name')
    .execute()
  return withRoles(rows, (r) => ({ schoolId: r.id, schoolName: r.name }))
}

/** Everyone in a school with their roles: for assignment and the assignee filter. */
export async function listSchoolMembers(db: Executor, schoolId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['app_user.id', 'app_user.display_name', 'membership.role'])
    .where('membership.school_id', '=', schoolId)
    .orderBy('app_user.display_name')
    .execute()
  return withRoles(rows, (r) => ({ id: r.id, displayName: r.display_name }))
}

export async function insertSchool(
  db: Db,
  input: { name: string; schoolLevel: string; now: string; id?: string },
): Promise<string> {
  const id = input.id ?? crypto.randomUUID()
  await db
    .insertInto('school')
    .values({ id, name: input.name, school_level: input.schoolLevel, created_at: input.now })
    .execute()
  return id
}

export async function insertUser(
  db: Db,
  input: { login: string; displayName: string; password: string; isAdmin?: boolean; now: string },
): Promise<string> {
  const id = crypto.randomUUID()
  await db
    .insertInto('app_user')
    .values({
      id,
      login: input.login.toLowerCase(),
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      is_admin: input.isAdmin ? 1 : 0,
      created_at: input.now,
      password_changed_at: input.now,
    })
    .execute()
  return id
}

export async function insertMembership(
  db: Db,
  input: { schoolId: string; userId: string; roles: Role[]; now: string },
): Promise<void> {
  if (input.roles.length === 0) return
  await db
    .insertInto('membership')
    .values(
      input.roles.map((role) => ({
        school_id: input.schoolId,
        user_id: input.userId,
        role,
        created_at: input.now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Takes roles in a school away from a user; returns those they had. Their open board
 * streams of that school close at the next heartbeat once no role is left.
 */
export async function deleteMembership(
  db: Db,
  input: { schoolId: string; userId: string; roles: Role[] },
): Promise<Role[]> {
  if (input.roles.length === 0) return []
  const rows = await db
    .deleteFrom('membership')
    .where('school_id', '=', input.schoolId)
    .where('user_id', '=', input.userId)
    .where('role', 'in', input.roles)
    .returning('role')
    .execute()
  return rows.map((r) => r.role).filter(isRole)
}

/** A user by login (any case), with what a password check needs. */
export async function findUserByLogin(db: Executor, login: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash'])
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst()
}

export async function findPasswordHash(db: Executor, userId: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.password_hash
}

export async function updatePasswordHash(
  db: Executor,
  input: { userId: string; hash: string; now: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: input.hash, password_changed_at: input.now })
    .where('id', '=', input.userId)
    .execute()
}

/** Is there any school yet? (None on the first start.) */
export async function hasSchools(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('school').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

export async function findSchool(db: Executor, schoolId: string) {
  return db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst()
}

export async function listSchools(db: Executor) {
  return db.selectFrom('school').select(['id', 'name', 'school_level']).orderBy('name').execute()
}

/** Every account with its memberships (a row per school and role), or a school's. */
export async function listUsers(db: Executor, schoolId?: string) {
  return db
    .selectFrom('app_user')
    .leftJoin('membership', 'membership.user_id', 'app_user.id')
    .select([
      'app_user.login',
      'app_user.display_name',
      'app_user.is_admin',
      'membership.school_id',
      'membership.role',
    ])
    .orderBy('app_user.login')
    .$if(schoolId !== undefined, (q) => q.where('membership.school_id', '=', schoolId!))
    .execute()
}

/** The display names of everyone who is a member of some school. */
export async function listMemberNames(db: Executor) {
  return db
    .selectFrom('app_user')
    .innerJoin('membership', 'membership.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.display_name'])
    .distinct()
    .execute()
}

/** Remembers the plan whose board the user opened last (where they land next time). */
export async function updateLastPlan(db: Executor, userId: string, planId: string) {
  await db.updateTable('app_user').set({ last_plan_id: planId }).where('id', '=', userId).execute()
}
