import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '@caitien/db'
import { DEVICE_DAYS } from './cookies.ts'

/** Portable SQL only: the same statements run on PostgreSQL (docs/decisions/003). */

export interface ThrottleRow {
  key: string
  failures: number
  blockedUntil: string
  expiresAt: string
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url')

/** A throttle key: its kind in clear, what it counts only as a hash (logins may be typos of passwords). */
export const throttleKey = (kind: 'pair' | 'device' | 'login' | 'address', ...parts: string[]) =>
  `${kind}:${hash(parts.join('\n'))}`

export async function listThrottles(db: Db, keys: string[]): Promise<ThrottleRow[]> {
  if (keys.length === 0) return []
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'failures', 'blocked_until', 'expires_at'])
    .where('key', 'in', keys)
    .execute()
  return rows.map((r) => ({
    key: r.key,
    failures: r.failures,
    blockedUntil: r.blocked_until,
    expiresAt: r.expires_at,
  }))
}

const EPOCH = new Date(0).toISOString()

/**
 * Counts one more failure on a key in one statement, unless the key is held (its
 * `blocked_until` is still ahead): true when counted. The first `free` failures leave
 * `blocked_until` alone; failure `free + 1 + i` holds the key until `blocks[i]`, the last
 * of `blocks` for any further one. The count starts over once its window (`expires_at`)
 * has passed. Being a single conditional upsert, two requests at once (even from two
 * server processes) can never both take the same try.
 */
export async function countThrottleFailure(
  db: Db,
  input: { key: string; now: string; windowEnd: string; free: number; blocks: string[] },
): Promise<boolean> {
  const { key, now, windowEnd, free, blocks } = input
  const firstBlock = free >= 1 ? EPOCH : blocks[0]!
  const result = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, blocked_until: firstBlock, expires_at: windowEnd })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => {
          const expired = eb('login_throttle.expires_at', '<=', now)
          // The stored count is the one before this failure.
          let blocked = eb
            .case()
            .when(expired)
            .then(free >= 1 ? eb.ref('login_throttle.blocked_until') : eb.val(blocks[0]!))
            .when('login_throttle.failures', '<', free)
            .then(eb.ref('login_throttle.blocked_until'))
          for (const [i, until] of blocks.slice(0, -1).entries()) {
            blocked = blocked.when('login_throttle.failures', '=', free + i).then(eb.val(until))
          }
          return {
            failures: eb
              .case()
              .when(expired)
              .then(1)
              .else(eb('login_throttle.failures', '+', 1))
              .end(),
            blocked_until: blocked.else(blocks.at(-1)!).end(),
            expires_at: eb
              .case()
              .when(expired)
              .then(windowEnd)
              .else(eb.ref('login_throttle.expires_at'))
              .end(),
          }
        })
        .where('login_throttle.blocked_until', '<=', now),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Gives back an attempt counted before the password was checked (it was right). */
export async function refundThrottle(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute()
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute()
}

/** Forgets counts whose window ended and devices that expired. */
export async function deleteExpiredThrottles(db: Db, now: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('expires_at', '<=', now)
    .where('blocked_until', '<=', now)
    .execute()
  await db.deleteFrom('login_device').where('expires_at', '<=', now).execute()
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Remembers a browser that logged in as the user; returns the token for its cookie. */
export async function insertDevice(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('login_device')
    .values({
      id: hash(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + DEVICE_DAYS * DAY_MS).toISOString(),
    })
    .execute()
  return token
}

/** The device behind a cookie token if it is still valid and belongs to this user. */
export async function findDevice(
  db: Db,
  token: string,
  userId: string,
  now: Date,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('login_device')
    .select('id')
    .where('id', '=', hash(token))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}
