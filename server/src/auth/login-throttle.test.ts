import { createDb, migrateToLatest, type Db } from '@caitien/db'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLoginThrottle, delayAfter, retrySeconds } from './login-throttle.ts'

let db: Db
beforeEach(async () => {
  db = createDb({ file: ':memory:' })
  await migrateToLatest(db)
})
afterEach(async () => {
  await db.destroy()
})

const now = new Date('2026-11-22T08:00:00Z')
const who = { login: 'cohoa', address: '203.0.113.5' }

describe('delayAfter', () => {
  it('is free, then doubles from one second, up to the cap', () => {
    const rule = { free: 5, windowMs: 3_600_000 }
    const delays = [1, 5, 6, 7, 8, 15, 16, 40, 5000].map((n) => delayAfter(n, rule, 900_000))
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 512_000, 900_000, 900_000, 900_000])
  })
})

describe('createLoginThrottle', () => {
  const wrong = () => Promise.resolve(false)
  const right = () => Promise.resolve(true)

  it('checks at most the free tries and the one that starts the wait, however many at once', async () => {
    const throttle = createLoginThrottle()
    let checked = 0
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        throttle.guard(db, who, now, () => {
          checked++
          return wrong()
        }),
      ),
    )
    expect(checked).toBe(6)
    expect(answers.filter((a) => a.held)).toHaveLength(14)
    expect(answers.find((a) => a.held)).toEqual({ held: true, waitMs: 1000 })
  })

  it('counts each try once, even from two processes at once', async () => {
    // Two throttles over one database: two server processes, no shared queue.
    const [one, two] = [createLoginThrottle(), createLoginThrottle()]
    let checked = 0
    const check = () => {
      checked++
      return wrong()
    }
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).guard(db, who, now, check)),
    )
    expect(checked).toBe(6)
  })

  it('lets a person log in several times at once', async () => {
    const throttle = createLoginThrottle()
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => throttle.guard(db, who, now, right)),
    )
    expect(answers.every((a) => !a.held && a.passed)).toBe(true)
  })

  it('takes the try back when the password was right', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 4; i++) await throttle.guard(db, who, now, wrong)
    expect(await throttle.guard(db, who, now, right)).toEqual({ held: false, passed: true })
    const rows = await db.selectFrom('login_throttle').select(['key', 'failures']).execute()
    // The pair is forgotten; the login and address counts keep the four failures.
    expect(rows.map((r) => r.failures).sort()).toEqual([4, 4])
    expect(rows.every((r) => !r.key.includes('cohoa') && !r.key.includes('203.0.113'))).toBe(true)
  })

  it('starts a count over when its window has ended', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 7; i++) await throttle.guard(db, who, now, wrong)
    const nextDay = new Date(now.getTime() + 25 * 3_600_000)
    expect(await throttle.guard(db, who, nextDay, wrong)).toEqual({ held: false, passed: false })
    const rows = await db.selectFrom('login_throttle').select('failures').execute()
    expect(rows.map((r) => r.failures)).toEqual([1, 1, 1])
  })

  it('sweeps counts whose window has ended', async () => {
    const throttle = createLoginThrottle({ sweepEveryMs: 0 })
    await throttle.guard(db, who, now, wrong)
    await throttle.guard(
      db,
      { ...who, address: '198.51.100.1' },
      new Date(now.getTime() + 2 * 3_600_000),
      wrong,
    )
    // The first address's rows ended after an hour; the pair's day is not over yet.
    const rows = await db.selectFrom('login_throttle').select('key').execute()
    expect(rows.map((r) => r.key.split(':')[0]).sort()).toEqual([
      'address',
      'login',
      'pair',
      'pair',
    ])
  })
})

describe('retrySeconds', () => {
  it('rounds the wait up to whole seconds, at least one', () => {
    expect([1, 999, 1000, 59_001, 61_000].map(retrySeconds)).toEqual([1, 1, 1, 60, 61])
  })
})
