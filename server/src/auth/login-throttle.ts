import type { Db } from '@caitien/db'
import {
  countThrottleFailure,
  deleteExpiredThrottles,
  deleteThrottle,
  listThrottles,
  refundThrottle,
  throttleKey,
} from './login-throttle.repository.ts'

/** A count: `free` failures cost nothing, each further one doubles the wait from 1 s. */
export interface ThrottleRule {
  free: number
  /** The count starts over this long after its first failure. */
  windowMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** docs/decisions/014 explains each number. */
export const DEFAULT_THROTTLE_RULES = {
  /** One login from one address, or from one browser with a device cookie. */
  own: { free: 5, windowMs: 24 * HOUR },
  /** One login from browsers without its device cookie, whatever their address. */
  login: { free: 25, windowMs: HOUR },
  /** One address, every login (unknown ones too), browsers without a device cookie. */
  address: { free: 100, windowMs: HOUR },
  maxDelayMs: 15 * MINUTE,
  /** Expired counts and devices are deleted at most this often. */
  sweepEveryMs: 10 * MINUTE,
}
export type ThrottleRules = typeof DEFAULT_THROTTLE_RULES

/** Who is trying: the login typed, the client's address, and the device cookie if it is theirs. */
export interface Attempt {
  login: string
  address: string
  deviceId?: string
}

export type Guarded = { held: true; waitMs: number } | { held: false; passed: boolean }

/** The wait the `failures`-th failure imposes on the next try. */
export function delayAfter(failures: number, rule: ThrottleRule, maxDelayMs: number): number {
  if (failures <= rule.free) return 0
  return Math.min(SECOND * 2 ** Math.min(failures - rule.free - 1, 30), maxDelayMs)
}

/**
 * Slows password guessing without letting anyone lock a user out (docs/decisions/014).
 * `guard` wraps every password check (login, password change): it counts the try as a
 * failure before the check, so that parallel requests cannot all slip through, and takes
 * it back when the password was right.
 *
 * A browser with the user's device cookie is counted on its own. Any other is counted per
 * (login, address), and also per login and per address with higher allowances, which
 * slow guessing spread over many addresses or many logins but never that user's own
 * browsers. The counts live in the database: every server process shares them. Within a
 * process, checks of the same (login, address) or device run one after the other, so
 * that a person who logs in twice at once is not taken for a guesser.
 */
export function createLoginThrottle(rules: Partial<ThrottleRules> = {}) {
  const r: ThrottleRules = { ...DEFAULT_THROTTLE_RULES, ...rules }
  let lastSweep = 0
  const queues = new Map<string, Promise<unknown>>()

  async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
    const before = queues.get(key) ?? Promise.resolve()
    const mine = before.then(run, run)
    const tail = mine.catch(() => undefined)
    queues.set(key, tail)
    try {
      return await mine
    } finally {
      if (queues.get(key) === tail) queues.delete(key)
    }
  }

  function countsFor(attempt: Attempt) {
    if (attempt.deviceId)
      return [{ key: throttleKey('device', attempt.deviceId), rule: r.own, own: true }]
    return [
      { key: throttleKey('pair', attempt.login, attempt.address), rule: r.own, own: true },
      { key: throttleKey('login', attempt.login), rule: r.login, own: false },
      { key: throttleKey('address', attempt.address), rule: r.address, own: false },
    ]
  }

  /** Counts a failure on each key, or says how long the first held one waits. */
  async function take(db: Db, counts: ReturnType<typeof countsFor>, now: number) {
    const at = new Date(now).toISOString()
    const taken: string[] = []
    for (const { key, rule } of counts) {
      const blocks: string[] = []
      for (let n = rule.free + 1; ; n++) {
        const delay = delayAfter(n, rule, r.maxDelayMs)
        blocks.push(new Date(now + delay).toISOString())
        if (delay >= r.maxDelayMs) break
      }
      const windowEnd = new Date(now + rule.windowMs).toISOString()
      if (await countThrottleFailure(db, { key, now: at, windowEnd, free: rule.free, blocks })) {
        taken.push(key)
        continue
      }
      for (const done of taken) await refundThrottle(db, done)
      const [row] = await listThrottles(db, [key])
      return { held: true as const, waitMs: Math.max(1, Date.parse(row?.blockedUntil ?? at) - now) }
    }
    return { held: false as const }
  }

  return {
    rules: r,
    /** Runs `verify` (the password check) if the attempt is not held. */
    async guard(
      db: Db,
      attempt: Attempt,
      now: Date,
      verify: () => Promise<boolean>,
    ): Promise<Guarded> {
      const t = now.getTime()
      if (t - lastSweep >= r.sweepEveryMs) {
        lastSweep = t
        await deleteExpiredThrottles(db, now.toISOString())
      }
      const counts = countsFor(attempt)
      return oneAtATime(counts[0]!.key, async () => {
        // A held count admits nothing and counts nothing.
        const rows = await listThrottles(
          db,
          counts.map((c) => c.key),
        )
        const waitMs = Math.max(0, ...rows.map((row) => Date.parse(row.blockedUntil) - t))
        if (waitMs > 0) return { held: true, waitMs }
        const taken = await take(db, counts, t)
        if (taken.held) return taken
        const passed = await verify()
        if (passed) {
          for (const count of counts) {
            if (count.own) await deleteThrottle(db, count.key)
            else await refundThrottle(db, count.key)
          }
        }
        return { held: false, passed }
      })
    },
  }
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>

/** How long a held check waits, in whole seconds, at least 1 (Retry-After, the message). */
export function retrySeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / SECOND))
}
