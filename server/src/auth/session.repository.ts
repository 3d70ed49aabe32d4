import { createHash, randomBytes } from 'node:crypto'
import { queryTemplate, type Db, type Executor, type Param } from '@caitien/db'
import type { SessionUser } from '../app-env.ts'
import { SESSION_DAYS } from './cookies.ts'

const DAY_MS = 24 * 60 * 60 * 1000

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Creates a session; returns the token for the cookie (only its hash is stored). */
export async function insertSession(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('auth_session')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    })
    .execute()
  return token
}

/** Read on every request: a template (db/src/query-template.ts). */
const sessionUser = queryTemplate((db, p: Param<{ id: string }>) =>
  db
    .selectFrom('auth_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.login',
      'u.display_name',
      'u.is_admin',
      'u.last_plan_id',
      'u.must_change_password',
      'u.deactivated_at',
    ])
    .where('s.id', '=', p('id')),
)

/** The session's user, or undefined when the token is unknown or expired. Sliding expiry. */
export async function findSessionUser(
  db: Db,
  token: string,
  now: Date,
): Promise<SessionUser | undefined> {
  const id = hashToken(token)
  const row = await sessionUser.first(db, { id })
  if (!row || row.expires_at <= now.toISOString() || row.deactivated_at !== null) return undefined
  // Refresh at most once a day so a busy board does not write on every request.
  if (now.getTime() - Date.parse(row.last_seen_at) > DAY_MS) {
    await db
      .updateTable('auth_session')
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
      })
      .where('id', '=', id)
      .execute()
  }
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.sessionId,
    lastPlanId: row.last_plan_id,
  }
}

/**
 * Which of these sessions are still open, with their user still a member of the given
 * school (open event streams ask before each write), in one query per 500.
 */
export async function findSessionsInSchools(
  db: Db,
  checks: readonly { sessionId: string; schoolId: string }[],
  now: Date,
): Promise<Set<string>> {
  const allowed = new Set<string>()
  for (let i = 0; i < checks.length; i += 500) {
    const part = checks.slice(i, i + 500)
    const rows = await db
      .selectFrom('auth_session as s')
      .innerJoin('membership as m', 'm.user_id', 's.user_id')
      .select(['s.id', 'm.school_id'])
      .where('s.id', 'in', [...new Set(part.map((c) => c.sessionId))])
      .where('m.school_id', 'in', [...new Set(part.map((c) => c.schoolId))])
      .where('s.expires_at', '>', now.toISOString())
      .execute()
    for (const r of rows) allowed.add(sessionInSchoolKey(r.id, r.school_id))
  }
  return allowed
}

export const sessionInSchoolKey = (sessionId: string, schoolId: string) =>
  `${sessionId} ${schoolId}`

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('id', '=', sessionId).execute()
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('user_id', '=', userId).execute()
}

/** Ends every session of the user but one (sign out of other devices). */
export async function deleteOtherSessions(
  db: Executor,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('auth_session')
    .where('user_id', '=', userId)
    .where('id', '<>', keepSessionId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends every session of these users (a school deactivated). */
export async function deleteSessionsOfUsers(
  db: Executor,
  userIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < userIds.length; i += 500) {
    await db
      .deleteFrom('auth_session')
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute()
  }
}
