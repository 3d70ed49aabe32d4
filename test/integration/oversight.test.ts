import ExcelJS from 'exceljs'
import { parseResponse } from 'hono/client'
import {
  insertTestBody,
  insertTestCard,
  insertTestOverseer,
  insertTestPlan,
  insertTestSchool,
  insertTestUser,
} from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint, insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * Overseeing bodies over HTTP on a real SQLite file (issue 14, docs/decisions/029): an
 * overseer reads exactly the schools under their body and writes nothing; their looks at a
 * school's evidence are logged for the school; the roll-up's figures and filters, its
 * workbook, its cost for a Sở of 1,500 schools; a signed review answered by the body and
 * read in the principal's inbox.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let overseer: HttpSession
let principal: HttpSession
let outsider: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  server.setNow(new Date('2026-12-10T03:00:00Z'))
  overseer = httpSession(server.url)
  principal = httpSession(server.url)
  outsider = httpSession(server.url)
  await overseer.login(world.overseer.login)
  await principal.login(world.users.principal.login)
  await outsider.login(world.outsider.login)
})
afterAll(async () => {
  await server.stop()
})

describe('an overseer reads the schools under their body and changes nothing', () => {
  it('reads the board of a school under the body, not one elsewhere (404 like nothing)', async () => {
    const card = await insertTestCard(server.db, world.plan, { criterion: '3.1' })
    const board = await parseResponse(
      overseer.api.api.plans[':planId'].board.$get({ param: { planId: world.plan.id } }),
    )
    expect(board.cards.some((c) => c.id === card)).toBe(true)
    expect(board.me.roles).toEqual(['overseer'])

    const elsewhere = await overseer.get(`/api/plans/${world.otherPlan.id}/board`)
    const missing = await overseer.get(`/api/plans/${crypto.randomUUID()}/board`)
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.body).toEqual(missing.body)
    expect((await overseer.get(`/api/cards/${world.otherCard}`)).status).toBe(404)
    expect((await overseer.get(`/api/plans/${world.otherPlan.id}/evidence`)).status).toBe(404)
    expect((await overseer.get(`/api/schools/${world.otherSchoolId}/years`)).status).toBe(404)
  })

  it('is refused every write with 403 and leaves the database as it was', async () => {
    const card = await insertCardInState(server.db, world.plan, {
      status: 'in_progress',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const before = await dbFingerprint(server.db)
    const writes = await Promise.all([
      overseer.post(`/api/cards/${card}/move`, { to: 'planned', version: 1 }),
      overseer.post(`/api/cards/${card}/comments`, { body: 'Nhận xét của xã' }),
      overseer.patch(`/api/cards/${card}`, { version: 1, notes: 'x' }),
      overseer.post(`/api/cards/${card}/evidence`, { kind: 'note', title: 'x', note: 'x' }),
      overseer.post(`/api/plans/${world.plan.id}/cards`, { tasks: 'Việc của xã' }),
      overseer.post(`/api/plans/${world.plan.id}/snapshots`),
      overseer.put(`/api/plans/${world.plan.id}/snapshots/2026-11/remarks`, { text: 'x' }),
    ])
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403, 403, 403])
    expect(writes[1].body.error.message).toMatch(/Cơ quan quản lý chỉ xem/)
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('logs each look at the evidence for the school, and not the school’s own', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2025-2026')
    const card = await insertTestCard(server.db, plan, { assigneeIds: [world.users.assignee.id] })
    const assignee = httpSession(server.url)
    await assignee.login(world.users.assignee.login)
    const upload = await assignee.post(
      `/api/cards/${card}/evidence/files?name=bien-ban.pdf`,
      new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
      { headers: { 'content-type': 'application/pdf' } },
    )
    expect(upload.status).toBe(201)
    const evidenceId = upload.body.evidence.id as string

    expect((await principal.get(`/api/plans/${plan.id}/evidence`)).status).toBe(200)
    server.setNow(new Date('2026-12-10T03:01:00Z'))
    expect((await overseer.get(`/api/plans/${plan.id}/evidence`)).status).toBe(200)
    server.setNow(new Date('2026-12-10T03:02:00Z'))
    expect((await overseer.get(`/api/evidence/${evidenceId}/file`)).status).toBe(200)
    server.setNow(new Date('2026-12-10T03:00:00Z'))
    expect((await outsider.get(`/api/evidence/${evidenceId}/file`)).status).toBe(404)

    const { views } = await parseResponse(
      principal.api.api.plans[':planId']['evidence-views'].$get({ param: { planId: plan.id } }),
    )
    expect(views.map((v) => [v.kind, v.evidenceTitle, v.userName])).toEqual([
      ['file', 'bien-ban.pdf', world.overseer.login],
      ['list', null, world.overseer.login],
    ])
    expect(views[0]!.bodyName).toMatch(/^Phòng Văn hóa - Xã hội/)
  })
})

describe("the administrator's list of bodies", () => {
  it('names the schools each body oversees, so the page can tick them', async () => {
    const schoolA = await insertTestSchool(server.db)
    const schoolB = await insertTestSchool(server.db)
    const admin = await insertTestUser(server.db, null, [], { isAdmin: true })
    const session = httpSession(server.url)
    await session.login(admin.login)
    const created = await parseResponse(
      session.api.api.admin.bodies.$post({
        json: { kind: 'commune_office', name: 'Phòng Văn hóa - Xã hội xã Thử' },
      }),
    )
    const none = await parseResponse(session.api.api.admin.bodies.$get())
    expect(none.bodies.find((b) => b.id === created.id)?.schoolIds).toEqual([])
    await parseResponse(
      session.api.api.admin.bodies[':bodyId'].schools.$put({
        param: { bodyId: created.id },
        json: { schoolIds: [schoolA, schoolB] },
      }),
    )
    const { bodies } = await parseResponse(session.api.api.admin.bodies.$get())
    const body = bodies.find((b) => b.id === created.id)!
    expect(body.schoolCount).toBe(2)
    expect([...body.schoolIds].sort()).toEqual([schoolA, schoolB].sort())
    expect(bodies.find((b) => b.id === world.bodyId)?.schoolIds).toEqual([world.schoolId])
  })
})

describe('the roll-up', () => {
  it('has one row per school under the body, by name, with its figures and filters', async () => {
    const schoolB = await insertTestSchool(server.db, 'Trường Mầm non Bình Minh')
    const schoolA = await insertTestSchool(server.db, 'Trường Tiểu học An Phú')
    const elsewhere = await insertTestSchool(server.db, 'Trường ngoài cơ quan')
    const bodyId = await insertTestBody(server.db, [schoolA, schoolB])
    await insertTestBody(server.db, [elsewhere])
    const who = await insertTestOverseer(server.db, bodyId)
    const session = httpSession(server.url)
    await session.login(who.login)
    await server.db
      .updateTable('school')
      .set({ school_level: 'kindergarten' })
      .where('id', '=', schoolB)
      .execute()
    const planA = await insertTestPlan(server.db, schoolA, '2026-2027')
    await insertTestPlan(server.db, schoolA, '2025-2026')
    await insertTestPlan(server.db, schoolA, '2024-2025')
    // Due in 11/2026, not verified, on 10/12/2026: overdue. Due later: on time.
    await insertTestCard(server.db, planA, { timeframe: 'Tháng 11/2026' })
    await insertTestCard(server.db, planA, { timeframe: 'Tháng 5/2027' })
    const done = await insertTestCard(server.db, planA, { timeframe: 'Tháng 10/2026' })
    await server.db
      .updateTable('card')
      .set({ status: 'verified', expected_evidence: 'Biên bản' })
      .where('id', '=', done)
      .execute()

    const all = await parseResponse(
      session.api.api.bodies[':bodyId'].rollup.$get({ param: { bodyId }, query: {} }),
    )
    expect(all.total).toBe(2)
    expect(all.rows.map((r) => r.schoolName)).toEqual([
      'Trường Mầm non Bình Minh',
      'Trường Tiểu học An Phú',
    ])
    const a = all.rows[1]!
    expect(a).toMatchObject({
      total: 3,
      byStatus: { planned: 2, in_progress: 0, evidence_submitted: 0, verified: 1 },
      overdue: 1,
      evidence: { expected: 1, verified: 1 },
      continuousYears: 3,
      plan: { id: planA.id, schoolYear: '2026-2027' },
      attention: ['overdue_rows'],
    })
    expect(all.rows[0]).toMatchObject({ plan: null, total: 0, attention: ['no_plan'] })

    const kindergartens = await parseResponse(
      session.api.api.bodies[':bodyId'].rollup.$get({
        param: { bodyId },
        query: { level: 'kindergarten' },
      }),
    )
    expect(kindergartens.rows.map((r) => r.schoolId)).toEqual([schoolB])

    // Another body's overseer, and a school's principal, get 404 as for no body at all.
    expect((await overseer.get(`/api/bodies/${bodyId}/rollup`)).status).toBe(404)
    expect((await principal.get(`/api/bodies/${bodyId}/rollup`)).status).toBe(404)

    const file = await session.request('GET', `/api/bodies/${bodyId}/rollup/export`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/spreadsheetml/)
    const res = await fetch(`${server.url}/api/bodies/${bodyId}/rollup/export`, {
      headers: { cookie: session.cookie },
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const sheet = wb.worksheets[0]!
    const names = sheet.getColumn(1).values.slice(5)
    expect(names).toEqual(['Trường Mầm non Bình Minh', 'Trường Tiểu học An Phú'])
    expect(JSON.stringify(sheet.getRow(4).values)).not.toMatch(/hạng|rank/i)
  })

  it('answers for a Sở of 1,500 schools with 30 cards each well under 1.5 s', async () => {
    const now = new Date().toISOString()
    const bodyId = await insertTestBody(server.db, [], 'provincial_department')
    const who = await insertTestOverseer(server.db, bodyId)
    const session = httpSession(server.url)
    await session.login(who.login)
    const schools = Array.from({ length: 1500 }, (_, i) => ({
      id: crypto.randomUUID(),
      name: `Trường số ${String(i).padStart(4, '0')}`,
      school_level: i % 3 === 0 ? 'secondary' : 'primary',
      created_at: now,
    }))
    const plans = schools.map((s) => ({
      id: crypto.randomUUID(),
      school_id: s.id,
      title: 'Kế hoạch cải tiến chất lượng',
      school_year: '2026-2027',
      framework_id: null,
      state: 'active' as const,
      created_at: now,
      updated_at: now,
      archived_at: null,
      archived_by: null,
      deleted_at: null,
      deleted_by: null,
      carried_from_plan_id: null,
    }))
    const statuses = ['planned', 'in_progress', 'evidence_submitted', 'verified'] as const
    await server.db.transaction().execute(async (trx) => {
      for (let i = 0; i < schools.length; i += 200) {
        await trx
          .insertInto('school')
          .values(schools.slice(i, i + 200))
          .execute()
        await trx
          .insertInto('plan')
          .values(plans.slice(i, i + 200))
          .execute()
        await trx
          .insertInto('oversight')
          .values(
            schools
              .slice(i, i + 200)
              .map((s) => ({ body_id: bodyId, school_id: s.id, created_at: now })),
          )
          .execute()
      }
      const cards = plans.flatMap((p) =>
        Array.from({ length: 30 }, (_, k) => ({
          id: crypto.randomUUID(),
          plan_id: p.id,
          school_id: p.school_id,
          status: statuses[k % 4]!,
          position: k,
          version: 1,
          due_month: k % 5 === 0 ? '2026-10' : '2027-05',
          expected_evidence: k % 2 === 0 ? 'Biên bản' : null,
          created_at: now,
          updated_at: now,
        })),
      )
      for (let i = 0; i < cards.length; i += 1000) {
        await trx
          .insertInto('card')
          .values(cards.slice(i, i + 1000))
          .execute()
      }
    })
    const times: number[] = []
    let rows = 0
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      const res = await session.get(`/api/bodies/${bodyId}/rollup?attention=1`)
      times.push(performance.now() - start)
      expect(res.status).toBe(200)
      rows = res.body.rows.length
      expect(res.body.total).toBe(1500)
    }
    expect(rows).toBe(1500)
    console.log(
      `roll-up of 1,500 schools × 30 cards: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
    )
    expect(Math.min(...times)).toBeLessThan(1500)
  })
})

describe('reviews go up', () => {
  it('a signed review waits for the body, is sent back with a reason, and the principal reads it', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2024-2025')
    await insertTestCard(server.db, plan)
    const path = `/api/plans/${plan.id}/checkpoints/semester1`
    expect((await principal.post(`${path}/open`, { confirmEarly: true })).status).toBe(201)
    const review = await server.db
      .selectFrom('checkpoint_review')
      .select('id')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow()
    const answer = `/api/bodies/${world.bodyId}/reviews/${review.id}/answer`
    const early = await overseer.post(answer, { verdict: 'acknowledged' })
    expect(early.status).toBe(409)

    expect((await principal.post(`${path}/sign`)).status).toBe(200)
    const inbox = await parseResponse(overseer.api.api.inbox.$get())
    expect(inbox.reviewsToAnswer.map((r) => r.reviewId)).toContain(review.id)

    const noReason = await overseer.post(answer, { verdict: 'sent_back', reason: '  ' })
    expect(noReason.status).toBe(422)
    expect(noReason.body.error.message).toMatch(/lý do/)
    const sent = await overseer.post(answer, {
      verdict: 'sent_back',
      reason: 'Bổ sung biên bản họp hội đồng',
    })
    expect(sent.status).toBe(200)
    expect((await overseer.post(answer, { verdict: 'acknowledged' })).status).toBe(409)
    expect((await outsider.post(answer, { verdict: 'acknowledged' })).status).toBe(404)

    const after = await parseResponse(overseer.api.api.inbox.$get())
    expect(after.reviewsToAnswer.map((r) => r.reviewId)).not.toContain(review.id)
    const mine = await parseResponse(principal.api.api.inbox.$get())
    expect(mine.overseerAnswers[0]).toMatchObject({
      planId: plan.id,
      checkpoint: 'semester1',
      verdict: 'sent_back',
      reason: 'Bổ sung biên bản họp hội đồng',
      current: true,
      unread: true,
    })

    // Reopened and signed again: the new signing waits for a new answer.
    expect((await principal.post(`${path}/reopen`, { reason: 'Bổ sung biên bản' })).status).toBe(
      200,
    )
    server.setNow(new Date('2026-12-11T03:00:00Z'))
    await principal.login(world.users.principal.login)
    expect((await principal.post(`${path}/sign`)).status).toBe(200)
    await overseer.login(world.overseer.login)
    expect((await overseer.post(answer, { verdict: 'acknowledged' })).status).toBe(200)
  })
})
