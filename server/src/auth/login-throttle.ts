/**
 * Slows down password guessing: after `maxPerLogin` wrong passwords for one login, or
 * `maxPerAddress` from one address, within `windowMs`, further attempts are refused until
 * `lockMs` after the last failure. A right password clears its login's count.
 *
 * In memory: one server process serves a school. Several processes would keep these
 * counters in the database behind the same interface.
 */
export function createLoginThrottle(
  options: {
    maxPerLogin?: number
    maxPerAddress?: number
    windowMs?: number
    lockMs?: number
  } = {},
) {
  const maxPerLogin = options.maxPerLogin ?? 5
  const maxPerAddress = options.maxPerAddress ?? 30
  const windowMs = options.windowMs ?? 15 * 60_000
  const lockMs = options.lockMs ?? 15 * 60_000
  const failures = new Map<string, number[]>()

  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < Math.max(windowMs, lockMs))
    if (list.length) failures.set(key, list)
    else failures.delete(key)
    return list
  }
  const lockedFor = (key: string, max: number, now: number) => {
    const list = recent(key, now).filter((t) => now - t < windowMs)
    if (list.length < max) return 0
    return Math.max(0, list[list.length - 1]! + lockMs - now)
  }

  return {
    /** Milliseconds until this login may be tried again from this address (0: now). */
    retryAfter(login: string, address: string, now: number): number {
      return Math.max(
        lockedFor(`login:${login}`, maxPerLogin, now),
        lockedFor(`addr:${address}`, maxPerAddress, now),
      )
    },
    fail(login: string, address: string, now: number): void {
      for (const key of [`login:${login}`, `addr:${address}`]) {
        failures.set(key, [...recent(key, now), now])
      }
    },
    succeed(login: string): void {
      failures.delete(`login:${login}`)
    },
  }
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>
