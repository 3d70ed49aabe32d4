import type { Db } from '@caitien/db'
import {
  findPasswordHash,
  findUserByLogin,
  listMemberships as listMembershipRows,
  listSchoolStatesOfUser,
  updateMustChangePassword,
  updatePasswordHash,
} from '../schools/account.repository.ts'
import { findDevice, insertDevice } from './login-throttle.repository.ts'
import { hashPassword } from './password.ts'
import {
  deleteOtherSessions,
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
} from './session.repository.ts'

/** The account a login names (any case), with its password hash; undefined when none. */
export function findLoginUser(db: Db, login: string) {
  return findUserByLogin(db, login)
}

/** The hash a user's current password is checked against. */
export function findCurrentPasswordHash(db: Db, userId: string) {
  return findPasswordHash(db, userId)
}

/** Opens a session; returns the token for the cookie (only its hash is stored). */
export function startSession(db: Db, userId: string, now: Date) {
  return insertSession(db, userId, now)
}

export function endSession(db: Db, sessionId: string) {
  return deleteSession(db, sessionId)
}

/** The browser behind a device cookie, if it is still remembered for this very user. */
export function findKnownDevice(db: Db, token: string, userId: string, now: Date) {
  return findDevice(db, token, userId, now)
}

/** Remembers a browser that logged in as the user; returns the token for its cookie. */
export function rememberDevice(db: Db, userId: string, now: Date) {
  return insertDevice(db, userId, now)
}

/**
 * Sets a user's password; every open session of the account ends with it, in the same
 * transaction (the caller opens a fresh one for the person who changed it).
 */
export async function changePassword(
  db: Db,
  userId: string,
  password: string,
  now: Date,
  options: { mustChange?: boolean } = {},
) {
  const hash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, { userId, hash, now: now.toISOString(), ...options })
    await deleteSessionsOfUser(trx, userId)
  })
}

/**
 * May this account log in now? Not when deactivated, nor when every school it belongs to
 * is (the administrator, who belongs to none, may). A demo account logging in with the
 * public demo password outside a demo must choose a new one first: the flag is set here
 * (a one-time password is random, never the demo one, so this reads no other flag).
 */
export async function checkLoginAllowed(
  db: Db,
  user: { id: string; is_admin: number; deactivated_at: string | null },
  usedDemoPassword: boolean,
  demo: boolean,
): Promise<{ ok: true } | { ok: false; reason: 'deactivated' | 'school_deactivated' }> {
  if (user.deactivated_at !== null) return { ok: false, reason: 'deactivated' }
  // Someone whose every school is paused; a person in no school may still log in (and sees
  // that they are in no plan), as before.
  const schools = user.is_admin === 1 ? [] : await listSchoolStatesOfUser(db, user.id)
  if (schools.length > 0 && schools.every((deactivated) => deactivated))
    return { ok: false, reason: 'school_deactivated' }
  if (usedDemoPassword) await updateMustChangePassword(db, user.id, !demo)
  return { ok: true }
}

/** Ends every other session of the user (sign out of other devices); says how many. */
export function endOtherSessions(db: Db, userId: string, keepSessionId: string) {
  return deleteOtherSessions(db, userId, keepSessionId)
}

/** The schools a user belongs to, with their roles in each. */
export function listMemberships(db: Db, userId: string) {
  return listMembershipRows(db, userId)
}
