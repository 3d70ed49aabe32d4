import type { Db } from '@caitien/db'
import { isRole, type Role } from '@caitien/shared'
import { hashPassword } from '../auth/password.ts'
import type { Executor } from '../cards/card.repository.ts'

/** The schools a user belongs to, with their roles in each. */
export async function listMemberships(db: Db, userId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('school', 'school.id', 'membership.school_id')
    .select(['school.id', 'school.name', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('school.name')
    .execute()
  const bySchool = new Map<string, { schoolId: string; schoolName: string; roles: Role[] }>()
  for (const r of rows) {
    const entry = bySchool.get(r.id) ?? { schoolId: r.id, schoolName: r.name, roles: [] }
    if (isRole(r.role)) entry.roles.push(r.role)
    bySchool.set(r.id, entry)
  }
  return [...bySchool.values()]
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
  const byUser = new Map<string, { id: string; displayName: string; roles: Role[] }>()
  for (const r of rows) {
    const entry = byUser.get(r.id) ?? { id: r.id, displayName: r.display_name, roles: [] }
    if (isRole(r.role)) entry.roles.push(r.role)
    byUser.set(r.id, entry)
  }
  return [...byUser.values()]
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

export async function setPassword(db: Db, login: string, password: string, now: string) {
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst()
  if (!user) return false
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(password), password_changed_at: now })
    .where('id', '=', user.id)
    .execute()
  // A new password ends every open session of the account.
  await db.deleteFrom('auth_session').where('user_id', '=', user.id).execute()
  return true
}
