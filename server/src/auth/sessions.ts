import type { Db } from '@caitien/db'
import {
  findPasswordHash,
  findUserByLogin,
  listMemberships as listMembershipRows,
  updatePasswordHash,
} from '../schools/account.repository.ts'
import { findDevice, insertDevice } from './login-throttle.repository.ts'
import { hashPassword } from './password.ts'
import { deleteSession, deleteSessionsOfUser, insertSession } from './session.repository.ts'

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
export async function changePassword(db: Db, userId: string, password: string, now: Date) {
  const hash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, { userId, hash, now: now.toISOString() })
    await deleteSessionsOfUser(trx, userId)
  })
}

/** The schools a user belongs to, with their roles in each. */
export function listMemberships(db: Db, userId: string) {
  return listMembershipRows(db, userId)
}
