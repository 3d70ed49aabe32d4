import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@caitien/db'
import { catchUpSnapshots, insertTestPlan } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'
import { databaseEnv, testDatabase } from '../support/database.ts'

/** A small seeded generator: the same school year every run. */
function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Status = 'planned' | 'in_progress' | 'evidence_submitted' | 'verified'
interface ModelCard {
  id: string
  status: Status
  version: number
  assignees: string[]
  dueMonth: string
  standard: string
  budget: number
  evidence: number
  deleted: boolean
}
interface Expected {
  total: number
  byStatus: Record<Status, number>
  overdue: string[]
  shareVerified: number
  budget: { verified: number; total: number }
  moves: { started: string[]; submitted: string[]; sentBack: string[]; verified: string[] }
  byStandard: Record<string, number>
  byAssignee: Record<string, number>
}

const MONTHS = [
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
]
const nextMonthStart = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number]
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`
}

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
const as = {} as Record<
  'assignee' | 'staff' | 'monitorAssignee' | 'monitor' | 'principal',
  HttpSession
>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  for (const key of Object.keys(as) as (keyof typeof as)[]) void key
  for (const key of ['assignee', 'staff', 'monitorAssignee', 'monitor', 'principal'] as const) {
    as[key] = httpSession(server.url)
    await as[key].login(world.users[key].login)
  }
})
afterAll(async () => {
  await server.stop()
})

describe('a whole school year of monthly snapshots', () => {
  it('freezes every month-end snapshot equal to the log and to figures computed here', async () => {
    const random = mulberry32(20262027)
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!
    const plan = await insertTestPlan(server.db, world.schoolId, '2026-2027')
    await server.db
      .updateTable('plan')
      .set({ created_at: '2026-08-20T02:00:00.000Z' })
      .where('id', '=', plan.id)
      .execute()
    const staffIds = [world.users.assignee.id, world.users.staff.id, world.users.monitorAssignee.id]
    const sessionOf = new Map([
      [world.users.assignee.id, as.assignee],
      [world.users.staff.id, as.staff],
      [world.users.monitorAssignee.id, as.monitorAssignee],
    ])

    // 42 actions, due from September to May, a third with a budget.
    server.setNow(new Date('2026-08-25T03:00:00Z'))
    const cards: ModelCard[] = []
    for (let i = 0; i < 42; i++) {
      const due = MONTHS[i % MONTHS.length]!
      const [y, m] = due.split('-').map(Number) as [number, number]
      const standard = String((i % 5) + 1)
      const budget = i % 3 === 0 ? (i + 1) * 1_000_000 : 0
      const assignees =
        i % 7 === 0 ? [staffIds[i % 3]!, staffIds[(i + 1) % 3]!] : [staffIds[i % 3]!]
      const res = await as.principal.post(`/api/plans/${plan.id}/cards`, {
        standard,
        criterion: `${standard}.${(i % 6) + 1}`,
        tasks: `Hoạt động cải tiến số ${i + 1}`,
        timeframe: `Tháng 9/2026 đến tháng ${m}/${y}`,
        budget: budget ? `${budget.toLocaleString('de-DE')} đồng` : 'Không có',
        assigneeIds: assignees,
      })
      expect(res.status).toBe(201)
      cards.push({
        id: res.body.card.id,
        status: 'planned',
        version: 1,
        assignees,
        dueMonth: due,
        standard,
        budget,
        evidence: 0,
        deleted: false,
      })
    }

    const expected = new Map<string, Expected>()
    let sendBacks = 0
    let reopens = 0
    let late = 0
    for (const month of MONTHS) {
      const moves = {
        started: new Set<string>(),
        submitted: new Set<string>(),
        sentBack: new Set<string>(),
        verified: new Set<string>(),
      }
      for (const day of [3, 10, 17, 24]) {
        server.setNow(new Date(`${month}-${String(day).padStart(2, '0')}T03:00:00Z`))
        // Sessions last 30 days from their last use; people log in again after a quiet month.
        if (day === 3)
          for (const [key, session] of Object.entries(as))
            await session.login(world.users[key as keyof typeof as].login)
        for (const card of cards.filter((c) => !c.deleted)) {
          const who = sessionOf.get(card.assignees[0]!)!
          const move = async (session: HttpSession, to: Status, reason?: string) => {
            const res = await session.post(`/api/cards/${card.id}/move`, {
              to,
              version: card.version,
              reason,
            })
            expect(res.status).toBe(200)
            card.version = res.body.card.version
            card.status = to
          }
          const r = random()
          if (card.status === 'planned' && r < 0.3) {
            await move(who, 'in_progress')
            moves.started.add(card.id)
          } else if (card.status === 'in_progress' && r < 0.4) {
            if (card.evidence === 0) {
              const ev = await who.post(`/api/cards/${card.id}/evidence`, {
                kind: 'note',
                title: 'Biên bản',
                note: 'Đã thực hiện',
              })
              expect(ev.status).toBe(201)
              card.evidence++
            }
            await move(who, 'evidence_submitted')
            moves.submitted.add(card.id)
            if (month > card.dueMonth) late++
          } else if (card.status === 'evidence_submitted' && r < 0.25) {
            await move(as.monitor, 'in_progress', 'Minh chứng chưa đầy đủ')
            moves.sentBack.add(card.id)
            sendBacks++
          } else if (card.status === 'evidence_submitted' && r < 0.75) {
            await move(as.monitor, 'verified')
            moves.verified.add(card.id)
          } else if (card.status === 'verified' && r < 0.04) {
            await move(as.principal, 'in_progress', 'Cần cập nhật số liệu')
            reopens++
          }
        }
        if (day === 10) {
          // A timeframe moved later, and a card handed to someone else.
          const edited = pick(cards.filter((c) => !c.deleted))
          const res = await as.principal.patch(`/api/cards/${edited.id}`, {
            version: edited.version,
            timeframe: 'Tháng 9/2026 đến tháng 5/2027',
          })
          expect(res.status).toBe(200)
          edited.version = res.body.card.version
          edited.dueMonth = '2027-05'
          const reassigned = pick(cards.filter((c) => !c.deleted && c.status !== 'verified'))
          const to = [pick(staffIds)]
          const assigned = await as.principal.put(`/api/cards/${reassigned.id}/assignees`, {
            version: reassigned.version,
            assigneeIds: to,
          })
          expect(assigned.status).toBe(200)
          reassigned.version = assigned.body.card.version
          reassigned.assignees = to
        }
        if (month === '2027-01' && day === 17) {
          const gone =
            cards.find((c) => !c.deleted && c.status === 'planned') ??
            cards.find((c) => !c.deleted)!
          expect(
            (await as.principal.delete(`/api/cards/${gone.id}`, { version: gone.version })).status,
          ).toBe(200)
          gone.deleted = true
        }
      }

      // The figures, computed here from the test's own record of the year.
      const live = cards.filter((c) => !c.deleted)
      const byStatus: Record<Status, number> = {
        planned: 0,
        in_progress: 0,
        evidence_submitted: 0,
        verified: 0,
      }
      const byStandard: Record<string, number> = {}
      const byAssignee: Record<string, number> = {}
      for (const c of live) {
        byStatus[c.status]++
        byStandard[c.standard] = (byStandard[c.standard] ?? 0) + 1
        for (const a of new Set(c.assignees)) byAssignee[a] = (byAssignee[a] ?? 0) + 1
      }
      expected.set(month, {
        total: live.length,
        byStatus,
        overdue: live
          .filter((c) => c.status !== 'verified' && c.dueMonth <= month)
          .map((c) => c.id)
          .sort(),
        shareVerified: Math.round((byStatus.verified / live.length) * 10_000) / 10_000,
        budget: {
          verified: live.filter((c) => c.status === 'verified').reduce((s, c) => s + c.budget, 0),
          total: live.reduce((s, c) => s + c.budget, 0),
        },
        moves: {
          started: [...moves.started].sort(),
          submitted: [...moves.submitted].sort(),
          sentBack: [...moves.sentBack].sort(),
          verified: [...moves.verified].sort(),
        },
        byStandard,
        byAssignee,
      })

      // Just after midnight (school time) the scheduler freezes the month that ended.
      const after = new Date(new Date(`${nextMonthStart(month)}-01T00:30:00+07:00`).getTime())
      server.setNow(after)
      const taken = await catchUpSnapshots(server.db, after)
      expect(taken.filter((t) => t.planId === plan.id)).toEqual([{ planId: plan.id, month }])
    }
    expect(sendBacks).toBeGreaterThan(3)
    expect(reopens).toBeGreaterThan(0)
    expect(late).toBeGreaterThan(0)

    server.setNow(new Date('2027-06-15T03:00:00Z'))
    await as.principal.login(world.users.principal.login)
    await as.monitor.login(world.users.monitor.login)
    await as.staff.login(world.users.staff.login)
    expect(await catchUpSnapshots(server.db, new Date('2027-06-15T03:00:00Z'))).toEqual([])
    for (const month of MONTHS) {
      const view = await parseResponse(
        as.principal.api.api.plans[':planId'].snapshots[':month'].$get({
          param: { planId: plan.id, month },
        }),
      )
      expect(view.source).toBe('snapshot')
      expect({ month, check: view.check }).toEqual({
        month,
        check: { agrees: true, differences: [] },
      })
      const s = view.summary
      const e = expected.get(month)!
      expect({
        month,
        total: s.total,
        byStatus: s.byStatus,
        overdue: s.overdue,
        shareVerified: s.shareVerified,
        budget: s.budget,
        moves: s.moves,
      }).toEqual({
        month,
        total: e.total,
        byStatus: e.byStatus,
        overdue: e.overdue,
        shareVerified: e.shareVerified,
        budget: e.budget,
        moves: e.moves,
      })
      expect(Object.fromEntries(s.byStandard.map((x) => [x.standard, x.total]))).toEqual(
        e.byStandard,
      )
      expect(Object.fromEntries(s.byAssignee.map((x) => [x.userId, x.total]))).toEqual(e.byAssignee)
    }
    const param = { param: { planId: plan.id } }
    const progress = await parseResponse(as.monitor.api.api.plans[':planId'].progress.$get(param))
    expect(progress.months.map((m) => m.month)).toEqual(MONTHS)
    expect(progress.months.every((m) => m.source === 'snapshot')).toBe(true)
    expect(progress.months.map((m) => m.byStatus.verified)).toEqual(
      MONTHS.map((m) => expected.get(m)!.byStatus.verified),
    )
    const list = await parseResponse(as.monitor.api.api.plans[':planId'].snapshots.$get(param))
    expect(list.snapshots.filter((x) => x.kind === 'month_end').map((x) => x.month)).toEqual(MONTHS)
    expect((await as.staff.get(`/api/plans/${plan.id}/snapshots`)).status).toBe(403)
  })
})

describe('snapshots missed while the server was down', () => {
  it('appear exactly once each, dated to their months, after a restart across two month ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caitien-restart-'))
    const env = {
      ...(await databaseEnv(join(dir, 'caitien.sqlite'))),
      CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
    }
    const monthEnds = async () => {
      const db = createDb(await testDatabase(join(dir, 'caitien.sqlite')))
      const rows = await db
        .selectFrom('monthly_snapshot')
        .select(['month', 'taken_at'])
        .where('kind', '=', 'month_end')
        .orderBy('month')
        .execute()
      await db.destroy()
      return rows
    }
    try {
      let app = await startServerProcess({ ...env, CAITIEN_NOW: '2026-10-20T03:00:00.000Z' })
      const staff = httpSession(app.url)
      await staff.login('giaovien', 'caitien123')
      const before = await monthEnds()
      expect(before.map((r) => r.month)).toEqual(['2026-09'])
      await app.stop('SIGKILL')

      // Down through the ends of October and November.
      app = await startServerProcess({ ...env, CAITIEN_NOW: '2026-12-05T03:00:00.000Z' })
      const after = await monthEnds()
      expect(after.map((r) => r.month)).toEqual(['2026-09', '2026-10', '2026-11'])
      expect(after.slice(1).every((r) => r.taken_at === '2026-12-05T03:00:00.000Z')).toBe(true)
      await app.stop()

      app = await startServerProcess({ ...env, CAITIEN_NOW: '2026-12-06T03:00:00.000Z' })
      expect((await monthEnds()).map((r) => r.month)).toEqual(['2026-09', '2026-10', '2026-11'])
      await app.stop()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
