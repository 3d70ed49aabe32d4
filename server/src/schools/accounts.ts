import type { Db } from '@caitien/db'
import type { SchoolRole } from '@caitien/shared'
import { changePassword } from '../auth/sessions.ts'
import { verifyPassword } from '../auth/password.ts'
import {
  deleteMembership,
  findSchool,
  findUserByLogin,
  insertMembership,
  insertSchool,
  insertUser,
  listSchools as listSchoolRows,
  listUsers,
} from './account.repository.ts'

/**
 * The administrator's work on schools and accounts (the CLI): each a use case over the
 * account repository, refusing with a reason rather than throwing.
 */

export function createSchool(db: Db, input: { name: string; schoolLevel: string; now: string }) {
  return insertSchool(db, input)
}

export function listSchools(db: Db) {
  return listSchoolRows(db)
}

/** An account, with roles in a school when given; the login is unique whatever its case. */
export async function createUser(
  db: Db,
  input: {
    login: string
    displayName: string
    password: string
    isAdmin?: boolean
    school?: { id: string; roles: SchoolRole[] }
    now: string
  },
) {
  if (input.school && !(await findSchool(db, input.school.id))) {
    return { ok: false as const, reason: 'no_school' as const }
  }
  if (await findUserByLogin(db, input.login)) {
    return { ok: false as const, reason: 'login_taken' as const }
  }
  const id = await insertUser(db, input)
  if (input.school) {
    const { id: schoolId, roles } = input.school
    await insertMembership(db, { schoolId, userId: id, roles, now: input.now })
  }
  return { ok: true as const, id }
}

/** Gives roles in a school to the account of a login. */
export async function grantRoles(
  db: Db,
  input: { login: string; schoolId: string; roles: SchoolRole[]; now: string },
) {
  const user = await findUserByLogin(db, input.login)
  if (!user) return { ok: false as const, reason: 'no_user' as const }
  await insertMembership(db, { ...input, userId: user.id })
  return { ok: true as const }
}

/**
 * Takes roles in a school away from the account of a login; says which it had. Their open
 * board streams of that school close at the next heartbeat once no role is left.
 */
export async function revokeRoles(
  db: Db,
  input: { login: string; schoolId: string; roles: SchoolRole[] },
) {
  const user = await findUserByLogin(db, input.login)
  if (!user) return { ok: false as const, reason: 'no_user' as const }
  const removed = await deleteMembership(db, { ...input, userId: user.id })
  return { ok: true as const, removed }
}

/** Every account with its memberships (a row per school and role), or a school's. */
export function listAccounts(db: Db, schoolId?: string) {
  return listUsers(db, schoolId)
}

/** Sets a new password for the account of a login; its open sessions end. */
export async function resetPassword(db: Db, input: { login: string; password: string; now: Date }) {
  const user = await findUserByLogin(db, input.login)
  if (!user) return { ok: false as const, reason: 'no_user' as const }
  // Only the hash of the current password is known here.
  if (await verifyPassword(input.password, user.password_hash)) {
    return { ok: false as const, reason: 'same_as_current' as const }
  }
  await changePassword(db, user.id, input.password, input.now)
  return { ok: true as const }
}
