import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@caitien/db'
import { MOVE_KINDS, allowedTargets, type Actor, type CardStatus } from '@caitien/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { databaseEnv, testDatabase, testEngine } from '../support/database.ts'

/**
 * The real server process (`tsx src/main.ts`) over a SQLite file, killed with SIGKILL while
 * 32 clients move cards and comment, and restarted on the same files: no write the server
 * acknowledged may be lost, and the database must stay whole.
 *
 * CAITIEN_CRASH_SECONDS sets how long the clients work (default 6; 20 for a longer soak).
 */
const SECONDS = Number(process.env.CAITIEN_CRASH_SECONDS ?? 6)
const CLIENTS = 32
const PASSWORD = 'caitien123'
/** Every move action: the entries that change a card's column. */
const STATUS_ACTIONS = ['created', ...MOVE_KINDS] as const
const MOVE_ACTIONS: string[] = [...MOVE_KINDS]

let dir: string
let env: Record<string, string>
let server: Awaited<ReturnType<typeof startServerProcess>>
/** Where the server listens now: a restart picks a new port. */
let base = ''
let planId: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caitien-crash-'))
  env = {
    ...(await databaseEnv(join(dir, 'caitien.sqlite'))),
    CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
  }
  server = await startServerProcess(env)
  base = server.url
  const principal = await Client.login('hieutruong')
  const plans = await principal.call('GET', '/api/plans')
  planId = plans!.body.plans[0].id
}, 90_000)
afterAll(async () => {
  await server.stop('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Every HTTP attempt, and those that found no server (killed or restarting). */
const traffic = { attempts: 0, connectionErrors: 0 }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface BoardCard {
  id: string
  status: CardStatus
  version: number
  assigneeIds: string[]
  involvedIds: string[]
  evidenceCount: number
}

/** One browser: its own session cookie, retrying while the server is down. */
class Client {
  cookie = ''
  me!: Actor
  relogins = 0
  serverErrors: string[] = []

  constructor(readonly login: string) {}

  static async login(login: string) {
    const client = new Client(login)
    await client.logIn()
    const me = await client.call('GET', '/api/session/me')
    if (me?.status !== 200) throw new Error(`${login}: /api/session/me answered ${me?.status}`)
    client.me = { id: me.body.user.id, roles: me.body.memberships[0].roles }
    return client
  }

  async logIn() {
    const res = await this.call('POST', '/api/session/login', {
      login: this.login,
      password: PASSWORD,
    })
    if (res?.status !== 200) throw new Error(`login ${this.login}: ${res?.status}`)
  }

  /**
   * One request, sent again after connection errors (the server is being killed or is
   * restarting) until `until`; undefined when it never got an answer.
   */
  async call(method: string, path: string, body?: unknown, until = () => Date.now() + 60_000) {
    const limit = Date.now() + 60_000
    for (let attempt = 0; attempt < 10_000 && Date.now() < Math.min(until(), limit); attempt++) {
      let res: Response
      traffic.attempts++
      try {
        res = await fetch(base + path, {
          method,
          headers: {
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        })
      } catch {
        traffic.connectionErrors++
        await sleep(50)
        continue
      }
      const setCookie = res.headers.get('set-cookie')
      if (setCookie) this.cookie = setCookie.split(';')[0]!
      const text = await res.text().catch(() => null)
      // The connection died while the answer was read: it may or may not have happened.
      if (text === null) return undefined
      const answer = { status: res.status, body: text ? JSON.parse(text) : null }
      if (answer.status >= 500) this.serverErrors.push(`${method} ${path} → ${text}`)
      if (answer.status === 401 && !path.startsWith('/api/session/login')) {
        this.relogins++
        await this.logIn()
        continue
      }
      return answer
    }
    return undefined
  }
}

describe('concurrent moves of one card', () => {
  it('accepts exactly one of 16 simultaneous moves made at the same version, answering 409 to the rest', async () => {
    const principal = await Client.login('hieutruong')
    const logins = ['giaovien', 'giaovien2', 'giamsat2', 'hieutruong']
    const movers: Client[] = []
    for (let i = 0; i < 16; i++) movers.push(await Client.login(logins[i % logins.length]!))
    const assigneeIds = movers.filter((m) => m.login !== 'hieutruong').map((m) => m.me.id)
    const created = await principal.call('POST', `/api/plans/${planId}/cards`, {
      tasks: 'Một thẻ, mười sáu người kéo',
      standard: '1',
      criterion: '1.3',
      assigneeIds: [...new Set(assigneeIds)],
    })
    expect(created?.status).toBe(201)
    const card = created!.body.card as BoardCard
    expect(card).toMatchObject({ status: 'planned', version: 1 })

    const answers = await Promise.all(
      movers.map((m) =>
        m.call('POST', `/api/cards/${card.id}/move`, { to: 'in_progress', version: 1 }),
      ),
    )
    const statuses = answers.map((a) => a?.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(15)
    for (const a of answers.filter((a) => a?.status === 409)) {
      expect(a!.body.error.code).toBe('version_conflict')
      expect(a!.body.card).toMatchObject({ id: card.id, status: 'in_progress', version: 2 })
    }
    const activity = await principal.call('GET', `/api/cards/${card.id}/activity`)
    const moves = (activity!.body.activity as { action: string }[]).filter((e) =>
      MOVE_ACTIONS.includes(e.action),
    )
    expect(moves).toHaveLength(1)
  })
})

interface AckedMove {
  cardId: string
  version: number
  status: CardStatus
}

describe('a server killed while people work', () => {
  it(
    'keeps every acknowledged move and comment through two SIGKILLs, and the database stays whole',
    async () => {
      // The principal adds cards with evidence, assigned to staff, so there is work to move.
      const principal = await Client.login('hieutruong')
      const people = new Map<string, Client>()
      for (const login of ['giaovien', 'giaovien2', 'giamsat', 'giamsat2', 'hieutruong'])
        people.set(login, await Client.login(login))
      const staff = ['giaovien', 'giaovien2', 'giamsat2'].map((l) => people.get(l)!.me.id)
      for (let i = 0; i < 24; i++) {
        const assigneeIds = i % 4 === 3 ? [staff[0]!, staff[1]!] : [staff[i % 3]!]
        const created = await principal.call('POST', `/api/plans/${planId}/cards`, {
          tasks: `Việc số ${i + 1}`,
          standard: String((i % 5) + 1),
          criterion: `${(i % 5) + 1}.${(i % 9) + 1}`,
          assigneeIds,
        })
        expect(created?.status).toBe(201)
        const evidence = await principal.call(
          'POST',
          `/api/cards/${created!.body.card.id}/evidence`,
          {
            kind: 'note',
            title: 'Biên bản',
            note: `Biên bản họp số ${i + 1}`,
          },
        )
        expect(evidence?.status).toBe(201)
      }

      // 32 clients, each its own session, spread over the five people.
      const logins = ['giaovien', 'giaovien2', 'giamsat', 'giamsat2', 'hieutruong']
      const clients = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) => Client.login(logins[i % logins.length]!)),
      )
      const ackedMoves: AckedMove[] = []
      const ackedComments: string[] = []
      const started = Date.now()
      // Time spent restarting is added: the clients get SECONDS of a live server.
      let deadline = started + SECONDS * 1000
      const until = () => deadline
      const trafficBefore = { ...traffic }

      async function work(client: Client, n: number) {
        let cards: BoardCard[] = []
        for (let op = 0; op < 5_000 && Date.now() < deadline; op++) {
          if (op % 8 === 0 || cards.length === 0) {
            const board = await client.call('GET', `/api/plans/${planId}/board`, undefined, until)
            if (board?.status === 200) cards = board.body.cards
            continue
          }
          const card = cards[Math.floor(Math.random() * cards.length)]!
          if (Math.random() < 0.3) {
            const res = await client.call(
              'POST',
              `/api/cards/${card.id}/comments`,
              { body: `Ý kiến ${n}-${op}` },
              until,
            )
            if (res?.status === 201) ackedComments.push(res.body.comment.id)
            continue
          }
          // Moves between columns only: each writes a version and an activity entry, which
          // the check below pairs up (a reorder bumps the version and logs nothing).
          const elsewhere = (c: BoardCard) =>
            allowedTargets(c, client.me).filter((to) => to !== c.status)
          const movable = cards.filter((c) => elsewhere(c).length > 0)
          const target = movable[Math.floor(Math.random() * movable.length)]
          if (!target) continue
          const choices = elsewhere(target)
          const to = choices[Math.floor(Math.random() * choices.length)]!
          const res = await client.call(
            'POST',
            `/api/cards/${target.id}/move`,
            { to, version: target.version, reason: 'Cần bổ sung minh chứng' },
            until,
          )
          const now = res?.body?.card as BoardCard | undefined
          if (res?.status === 200) {
            ackedMoves.push({ cardId: target.id, version: now!.version, status: now!.status })
          }
          // The answer carries the card as it now is: keep the local board current.
          if (now) cards = cards.map((c) => (c.id === now.id ? { ...c, ...now } : c))
        }
      }

      async function killTwice() {
        const kills: number[] = []
        for (const [from, to] of [
          [0.15, 0.4],
          [0.55, 0.8],
        ] as const) {
          const at = started + SECONDS * 1000 * (from + Math.random() * (to - from))
          await sleep(Math.max(at - Date.now(), 100))
          const killedAt = Date.now()
          kills.push(killedAt - started)
          await server.stop('SIGKILL')
          server = await startServerProcess(env)
          base = server.url
          deadline += Date.now() - killedAt
        }
        return kills
      }

      const [kills] = await Promise.all([killTwice(), ...clients.map((c, i) => work(c, i))])
      await server.stop('SIGTERM')
      const summary = {
        seconds: SECONDS,
        wallSeconds: (Date.now() - started) / 1000,
        killedAtMs: kills,
        httpAttempts: traffic.attempts - trafficBefore.attempts,
        connectionErrors: traffic.connectionErrors - trafficBefore.connectionErrors,
        acknowledgedMoves: ackedMoves.length,
        acknowledgedComments: ackedComments.length,
      }
      console.log('crash test:', JSON.stringify(summary))
      expect(kills).toHaveLength(2)
      // The clients did run into the dead server.
      expect(traffic.connectionErrors).toBeGreaterThan(trafficBefore.connectionErrors)
      expect(ackedMoves.length + ackedComments.length).toBeGreaterThan(0)
      expect(clients.flatMap((c) => c.serverErrors)).toEqual([])
      // Sessions live in the database: nobody had to log in again after a restart.
      expect(clients.map((c) => c.relogins)).toEqual(clients.map(() => 0))

      const db = createDb(await testDatabase(join(dir, 'caitien.sqlite')))
      try {
        // SQLite checks its own file; PostgreSQL's write-ahead log is its (the server's) affair.
        if (testEngine === 'sqlite') {
          const integrity = await sql<{
            integrity_check: string
          }>`pragma integrity_check`.execute(db)
          expect(integrity.rows).toEqual([{ integrity_check: 'ok' }])
        }

        const comments = await db.selectFrom('comment').select('id').execute()
        const stored = new Set(comments.map((c) => c.id))
        expect(ackedComments.filter((id) => !stored.has(id))).toEqual([])

        const cards = await db
          .selectFrom('card')
          .select(['id', 'status', 'version'])
          .where('plan_id', '=', planId)
          .execute()
        const activity = await db
          .selectFrom('activity')
          .select(['card_id', 'action', 'from_status', 'to_status', 'seq'])
          .where('plan_id', '=', planId)
          .where('action', 'in', STATUS_ACTIONS)
          .orderBy('seq')
          .execute()
        const problems: string[] = []
        for (const card of cards) {
          const entries = activity.filter((a) => a.card_id === card.id)
          const moves = entries.filter((a) => MOVE_ACTIONS.includes(a.action))
          // Only moves write a new version here: version n is the (n-1)th move.
          if (card.version !== moves.length + 1) {
            problems.push(`${card.id}: version ${card.version} after ${moves.length} moves`)
          }
          const last = entries.at(-1)
          if (last?.to_status !== card.status) {
            problems.push(`${card.id}: is ${card.status}, its last move went to ${last?.to_status}`)
          }
          for (const [i, move] of moves.entries()) {
            const before = i === 0 ? 'planned' : moves[i - 1]!.to_status
            if (move.from_status !== before) {
              problems.push(`${card.id}: move ${i + 1} from ${move.from_status}, was ${before}`)
            }
          }
          for (const acked of ackedMoves.filter((m) => m.cardId === card.id)) {
            if (card.version < acked.version) {
              problems.push(`${card.id}: version ${card.version} < acknowledged ${acked.version}`)
            }
            const move = moves[acked.version - 2]
            if (move?.to_status !== acked.status) {
              problems.push(
                `${card.id}: acknowledged move to ${acked.status} at version ${acked.version}, stored ${move?.to_status}`,
              )
            }
          }
        }
        const known = new Set(cards.map((c) => c.id))
        for (const m of ackedMoves.filter((m) => !known.has(m.cardId))) {
          problems.push(`${m.cardId}: acknowledged move, card not stored`)
        }
        expect(problems).toEqual([])
      } finally {
        await db.destroy()
      }
    },
    60_000 + SECONDS * 3_000,
  )
})
