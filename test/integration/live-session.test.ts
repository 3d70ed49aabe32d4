import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { insertTestUser } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, type World } from '../support/world.ts'
import { httpSession, startTestServer } from '../support/http-server.ts'
import { databaseEnv } from '../support/database.ts'

/**
 * An open live-update stream (GET /api/plans/:planId/events) lives only as long as its
 * session and its user's membership of the plan's school.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>
/** Heartbeats a minute apart: whatever closes a stream here is not the heartbeat. */
let slow: Server
let slowWorld: World
/** Heartbeats every 300 ms: for changes made by another process. */
let fast: Server
let fastWorld: World

beforeAll(async () => {
  slow = await startTestServer({ heartbeatMs: 60_000 })
  slowWorld = await buildWorld(slow.db)
  fast = await startTestServer({ heartbeatMs: 300 })
  fastWorld = await buildWorld(fast.db)
})
afterAll(async () => {
  await slow.stop()
  await fast.stop()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function openStream(server: Server, planId: string, cookie: string) {
  const controller = new AbortController()
  const res = await fetch(`${server.url}/api/plans/${planId}/events`, {
    headers: { cookie },
    signal: controller.signal,
  })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let ended = false
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        text += decoder.decode(value)
      }
    } catch {
      // aborted by the test
    }
    ended = true
  })()
  const stream = {
    get text() {
      return text
    },
    /** Has the server closed the stream within `ms`? */
    endsWithin: async (ms: number) => {
      await Promise.race([pump, sleep(ms)])
      return ended
    },
    waitFor: async (needle: string, ms = 5000) => {
      const deadline = Date.now() + ms
      while (!text.includes(needle) && !ended && Date.now() < deadline) await sleep(20)
      return text.includes(needle)
    },
    close: () => controller.abort(),
  }
  expect(await stream.waitFor('event: ready')).toBe(true)
  return stream
}

function publish(server: Server, planId: string, cardId: string) {
  server.events.publish({
    type: 'card.changed',
    planId,
    cardId,
    version: 2,
    actorId: null,
    at: new Date().toISOString(),
  })
}

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))

/** `pnpm cli …` against a server's database file, in its own process (never blocking this one). */
async function cli(file: string, ...args: string[]) {
  const database = await databaseEnv(file)
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, ...database },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => resolve({ code, out, err }))
  })
}

describe('a live-update stream ends with its session', () => {
  it('closes on logout, while the same user’s other sessions keep theirs', async () => {
    const user = await insertTestUser(slow.db, slowWorld.schoolId, ['staff'])
    const a = httpSession(slow.url)
    const b = httpSession(slow.url)
    await a.login(user.login)
    await b.login(user.login)
    const streamA = await openStream(slow, slowWorld.plan.id, a.cookie)
    const streamB = await openStream(slow, slowWorld.plan.id, b.cookie)
    expect((await a.post('/api/session/logout')).status).toBe(200)
    expect(await streamA.endsWithin(3000)).toBe(true)
    publish(slow, slowWorld.plan.id, 'card-after-logout')
    expect(await streamB.waitFor('card-after-logout')).toBe(true)
    expect(streamA.text).not.toContain('card-after-logout')
    streamB.close()
  })

  it('closes the streams of the other sessions when the password is changed', async () => {
    const user = await insertTestUser(slow.db, slowWorld.schoolId, ['staff'])
    const here = httpSession(slow.url)
    const elsewhere = httpSession(slow.url)
    await here.login(user.login)
    await elsewhere.login(user.login)
    const stream = await openStream(slow, slowWorld.plan.id, elsewhere.cookie)
    const change = await here.post('/api/session/password', {
      currentPassword: 'test-password-1',
      newPassword: 'hoa-sen-trong-dam-2026',
    })
    expect(change.status).toBe(200)
    expect(await stream.endsWithin(3000)).toBe(true)
  })

  it('writes no event to a stream whose session was ended by another process', async () => {
    const user = await insertTestUser(slow.db, slowWorld.schoolId, ['staff'])
    const s = httpSession(slow.url)
    await s.login(user.login)
    const stream = await openStream(slow, slowWorld.plan.id, s.cookie)
    publish(slow, slowWorld.plan.id, 'card-while-open')
    expect(await stream.waitFor('card-while-open')).toBe(true)
    // What a reset by the CLI does to the table, without a word to this process.
    await slow.db.deleteFrom('auth_session').where('user_id', '=', user.id).execute()
    publish(slow, slowWorld.plan.id, 'card-after-end')
    expect(await stream.endsWithin(3000)).toBe(true)
    expect(stream.text).not.toContain('card-after-end')
  })

  it('closes after a password reset by the admin CLI, at the next heartbeat', async () => {
    const user = await insertTestUser(fast.db, fastWorld.schoolId, ['staff'])
    const s = httpSession(fast.url)
    await s.login(user.login)
    const stream = await openStream(fast, fastWorld.plan.id, s.cookie)
    expect(await stream.waitFor('event: ping')).toBe(true)
    const reset = await cli(fast.file, 'user:reset-password', '--login', user.login)
    expect(reset.err).toBe('')
    expect(reset.code).toBe(0)
    expect(await stream.endsWithin(5000)).toBe(true)
  }, 60_000)

  it('closes when its user is no longer a member of the plan’s school', async () => {
    const user = await insertTestUser(fast.db, fastWorld.schoolId, ['staff', 'monitor'])
    const s = httpSession(fast.url)
    await s.login(user.login)
    const stream = await openStream(fast, fastWorld.plan.id, s.cookie)
    const args = ['user:revoke', '--login', user.login, '--school', fastWorld.schoolId]
    const partly = await cli(fast.file, ...args, '--roles', 'monitor')
    expect(partly).toMatchObject({ code: 0, out: expect.stringMatching(/no longer monitor/) })
    // Still staff there: the stream goes on.
    expect(await stream.endsWithin(1500)).toBe(false)
    const pings = stream.text.split('event: ping').length
    const fully = await cli(fast.file, ...args)
    expect(fully).toMatchObject({ code: 0, out: expect.stringMatching(/no longer staff/) })
    expect(await stream.endsWithin(5000)).toBe(true)
    expect(pings).toBeGreaterThan(2)
    // And the session itself still works elsewhere: only this school's stream ended.
    expect((await s.get('/api/session/me')).status).toBe(200)
  }, 60_000)
})
