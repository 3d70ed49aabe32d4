import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, type Db } from '@caitien/db'
import { runAlone } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { databaseEnv, testDatabase, testEngine } from '../support/database.ts'
import { httpSession } from '../support/http-server.ts'

/**
 * Two real server processes (`pnpm start`'s main.ts, each its own child process) on one
 * PostgreSQL database and one evidence folder, as a deployment behind a load balancer runs
 * them (docs/decisions/028): a browser connected to one process hears about a move made
 * through the other (LISTEN/NOTIFY); a session opened on one works on the other and ends
 * on both; wrong passwords count across both; month-end snapshots are taken once.
 *
 * PostgreSQL only: a SQLite file belongs to one server process.
 */

type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>

const dir = mkdtempSync(join(tmpdir(), 'caitien-two-'))
const file = join(dir, 'caitien.sqlite')
let env: Record<string, string>
let a: ServerProcess
let b: ServerProcess
let db: Db

/** Reads a server-sent event stream until a text shows up or the time is over. */
async function openStream(url: string, cookie: string) {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal })
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  return {
    readUntil: async (needle: string, ms: number) => {
      const deadline = Date.now() + ms
      while (!text.includes(needle)) {
        const left = deadline - Date.now()
        if (left <= 0) return false
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), left)),
        ])
        if (!chunk || chunk.done) return text.includes(needle)
        text += decoder.decode(chunk.value)
      }
      return true
    },
    close: () => controller.abort(),
  }
}

describe.skipIf(testEngine !== 'pg')('two server processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    env = { ...(await databaseEnv(file)), CAITIEN_EVIDENCE_DIR: join(dir, 'evidence') }
    // The first one seeds the demo school; the second finds it there.
    a = await startServerProcess({ ...env, CAITIEN_NOW: '2026-11-20T03:00:00.000Z' })
    b = await startServerProcess({ ...env, CAITIEN_NOW: '2026-11-20T03:00:00.000Z' })
    db = createDb(await testDatabase(file))
  }, 120_000)
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await db?.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  it('tells a board open on one process about a move made through the other', async () => {
    const principal = httpSession(b.url)
    await principal.login('hieutruong', 'caitien123')
    const plans = await principal.api.api.plans.$get()
    const planId = ((await plans.json()) as { plans: { id: string }[] }).plans[0]!.id
    const board = await principal.get(`/api/plans/${planId}/board`)
    const card = (
      board.body.cards as { id: string; status: string; version: number; assigneeIds: string[] }[]
    ).find((c) => c.status === 'planned')!
    const stream = await openStream(`${b.url}/api/plans/${planId}/events`, principal.cookie)
    try {
      expect(await stream.readUntil('event: ready', 5000)).toBe(true)
      // The principal's own session, through the other process.
      const onA = httpSession(a.url)
      await onA.login('hieutruong', 'caitien123')
      const edit = await onA.patch(`/api/cards/${card.id}`, {
        version: card.version,
        notes: 'Sửa qua máy chủ A',
      })
      expect(edit.status).toBe(200)
      const started = Date.now()
      expect(await stream.readUntil(card.id, 5000)).toBe(true)
      expect(Date.now() - started).toBeLessThan(2000)
    } finally {
      stream.close()
    }
  })

  it('keeps a session opened on one process on the other, and ends it on both', async () => {
    const onA = httpSession(a.url)
    await onA.login('giaovien', 'caitien123')
    const me = await fetch(`${b.url}/api/session/me`, { headers: { cookie: onA.cookie } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { login: string } }).user.login).toBe('giaovien')
    const cookie = onA.cookie
    // The same browser (its cookies) logs out through B: the session ends on A too.
    const logout = await httpSession(b.url).request(
      'POST',
      '/api/session/logout',
      {},
      {
        headers: { cookie },
      },
    )
    expect(logout.status).toBe(200)
    const after = await fetch(`${a.url}/api/session/me`, { headers: { cookie } })
    expect(after.status).toBe(401)
  })

  it('counts wrong passwords made on either process against the same login', async () => {
    const login = 'giaovien2'
    // Five free failures per login and address, then a wait after each: the sixth failure
    // makes the next try wait a second (the processes' clocks stand still).
    const tries = [a, b, a, b, a, b]
    for (const [i, server] of tries.entries()) {
      const res = await httpSession(server.url).post('/api/session/login', {
        login,
        password: `sai-mat-khau-${i}`,
      })
      expect(res.status).toBe(401)
    }
    // The next try from the same address waits, on A as on B: the count is shared.
    for (const server of [a, b]) {
      const res = await httpSession(server.url).post('/api/session/login', {
        login,
        password: 'caitien123',
      })
      expect(res.status).toBe(429)
    }
  })

  it('takes each month-end snapshot once when both restart across month ends together', async () => {
    await Promise.all([a.stop(), b.stop()])
    const later = { ...env, CAITIEN_NOW: '2027-02-10T03:00:00.000Z' }
    ;[a, b] = await Promise.all([startServerProcess(later), startServerProcess(later)])
    const rows = await db
      .selectFrom('monthly_snapshot')
      .select(['plan_id', 'month'])
      .where('kind', '=', 'month_end')
      .execute()
    const keys = rows.map((r) => `${r.plan_id} ${r.month}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(rows.map((r) => r.month)).toEqual(expect.arrayContaining(['2026-12', '2027-01']))
    // Each snapshot was reported taken by exactly one of the two processes.
    const taken = (p: ServerProcess) => p.output().match(/snapshot taken: /g)?.length ?? 0
    const before = rows.filter((r) => r.month < '2026-11').length
    expect(taken(a) + taken(b)).toBe(rows.length - before)
  })

  it('runs a periodic job in one process at a time (an advisory lock), the next run after it', async () => {
    const other = createDb(await testDatabase(file))
    try {
      let release!: () => void
      const holding = new Promise<void>((r) => (release = r))
      let started!: () => void
      const running = new Promise<void>((r) => (started = r))
      const first = runAlone(db, 'a job', async () => {
        started()
        await holding
      })
      await running
      let ranAlongside = false
      const markRan = () => {
        ranAlongside = true
        return Promise.resolve()
      }
      expect(await runAlone(other, 'a job', markRan)).toBe(false)
      expect(ranAlongside).toBe(false)
      // Another job is not held up by it.
      expect(await runAlone(other, 'another job', () => Promise.resolve())).toBe(true)
      release()
      expect(await first).toBe(true)
      expect(await runAlone(other, 'a job', markRan)).toBe(true)
      expect(ranAlongside).toBe(true)
    } finally {
      await other.destroy()
    }
  })
})
