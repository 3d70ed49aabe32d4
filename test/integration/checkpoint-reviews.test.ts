import { deriveCompletionLevel } from '@caitien/shared'
import { insertTestCard, insertTestPlan, insertTestUser } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * Checkpoint reviews (issue 13, Biểu 2 table VI) over HTTP on a real SQLite file: the plan's
 * council, a review opened (early only when confirmed) and prefilled from the board, a row's
 * level changed with a reason, signed off and locked, reopened with a reason; a past
 * checkpoint read from the activity log; outsiders, teachers and archived plans refused.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession
let chair: HttpSession
let secretary: HttpSession
let monitor: HttpSession
let outsider: HttpSession
let chairUser: { id: string; login: string }
let secretaryUser: { id: string; login: string }

async function at(iso: string) {
  server.setNow(new Date(iso))
  for (const [who, login] of [
    [principal, world.users.principal.login],
    [staff, world.users.staff.login],
    [chair, chairUser.login],
    [secretary, secretaryUser.login],
    [monitor, world.users.monitor.login],
    [outsider, world.outsider.login],
  ] as const) {
    await who.login(login)
  }
}

const path = (planId: string, tail = '') => `/api/plans/${planId}/checkpoints${tail}`

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  chairUser = await insertTestUser(server.db, world.schoolId, ['staff'])
  secretaryUser = await insertTestUser(server.db, world.schoolId, ['staff'])
  principal = httpSession(server.url)
  staff = httpSession(server.url)
  chair = httpSession(server.url)
  secretary = httpSession(server.url)
  monitor = httpSession(server.url)
  outsider = httpSession(server.url)
  await at('2026-12-10T03:00:00Z')
})
afterAll(async () => {
  await server.stop()
})

describe('the council', () => {
  it('is a Tổ giám sát by default for a 2018 plan, and the principal names its members', async () => {
    const before = await parseResponse(
      principal.api.api.plans[':planId'].council.$get({ param: { planId: world.plan.id } }),
    )
    expect(before.council).toMatchObject({
      kind: 'monitoring_team',
      isDefault: true,
      members: [],
    })
    expect(before.council.name.vi).toBe('Tổ giám sát')

    const byStaff = await staff.put(`/api/plans/${world.plan.id}/council`, {
      kind: 'self_assessment_council',
      members: [],
    })
    expect(byStaff.status).toBe(403)

    const twoChairs = await principal.put(`/api/plans/${world.plan.id}/council`, {
      kind: 'self_assessment_council',
      members: [
        { userId: chairUser.id, title: 'chair' },
        { userId: secretaryUser.id, title: 'chair' },
      ],
    })
    expect(twoChairs.status).toBe(400)
    expect(twoChairs.body.error.message).toMatch(/một người đứng đầu/)

    const outsiderMember = await principal.put(`/api/plans/${world.plan.id}/council`, {
      kind: 'self_assessment_council',
      members: [{ userId: world.outsider.id, title: 'member' }],
    })
    expect(outsiderMember.status).toBe(400)

    const saved = await principal.put(`/api/plans/${world.plan.id}/council`, {
      kind: 'self_assessment_council',
      members: [
        { userId: chairUser.id, title: 'chair' },
        { userId: secretaryUser.id, title: 'secretary' },
      ],
    })
    expect(saved.status).toBe(200)
    const after = await parseResponse(
      staff.api.api.plans[':planId'].council.$get({ param: { planId: world.plan.id } }),
    )
    expect(after.council.name.vi).toBe('Hội đồng tự đánh giá')
    expect(after.council.members.map((m) => [m.userId, m.title])).toEqual([
      [chairUser.id, 'chair'],
      [secretaryUser.id, 'secretary'],
    ])
  })
})

describe('a checkpoint review', () => {
  const planId = () => world.plan.id
  let cards: Record<string, string>

  beforeAll(async () => {
    const a = world.users.assignee.id
    const card = (status: 'planned' | 'in_progress' | 'evidence_submitted' | 'verified') =>
      insertCardInState(server.db, world.plan, {
        status,
        evidence: status !== 'planned',
        assigneeIds: [a],
        createdBy: a,
      })
    cards = {
      verified: await card('verified'),
      lateInProgress: await card('in_progress'),
      laterInProgress: await card('in_progress'),
      submitted: await card('evidence_submitted'),
      planned: await card('planned'),
    }
    const due: Record<string, string | null> = {
      verified: '2026-12',
      lateInProgress: '2026-12',
      laterInProgress: '2027-03',
      submitted: '2026-11',
      planned: null,
    }
    for (const [name, id] of Object.entries(cards)) {
      await server.db
        .updateTable('card')
        .set({ due_month: due[name]! })
        .where('id', '=', id)
        .execute()
    }
  })

  it('lists both checkpoints, not opened, with their months', async () => {
    const list = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints.$get({ param: { planId: planId() } }),
    )
    expect(list.checkpoints.map((c) => [c.checkpoint, c.month, c.state, c.due])).toEqual([
      ['semester1', '2027-01', 'not_opened', false],
      ['yearEnd', '2027-05', 'not_opened', false],
    ])
  })

  it('refuses to open before the checkpoint month unless confirmed, and refuses a teacher', async () => {
    const early = await principal.post(path(planId(), '/semester1/open'), {})
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('confirmation_required')
    expect(early.body.error.message).toMatch(/Chưa đến thời điểm rà soát “Cuối học kỳ I”/)
    const byStaff = await staff.post(path(planId(), '/semester1/open'), { confirmEarly: true })
    expect(byStaff.status).toBe(403)
    const byMonitor = await monitor.post(path(planId(), '/semester1/open'), {
      confirmEarly: true,
    })
    expect(byMonitor.status).toBe(403)
  })

  it('opens prefilled from the board: each level the derivation of its card, the counts in the result', async () => {
    const opened = await chair.post(path(planId(), '/semester1/open'), { confirmEarly: true })
    expect(opened.status).toBe(201)
    const again = await principal.post(path(planId(), '/semester1/open'), { confirmEarly: true })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/đã được mở/)

    const { review } = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints[':checkpoint'].$get({
        param: { planId: planId(), checkpoint: 'semester1' },
      }),
    )
    const board = await parseResponse(
      principal.api.api.plans[':planId'].board.$get({ param: { planId: planId() } }),
    )
    expect(review).not.toBeNull()
    expect(review!.source).toBe('board')
    expect(review!.rows).toHaveLength(board.cards.length)
    for (const card of board.cards) {
      const row = review!.rows.find((r) => r.cardId === card.id)!
      const derived = deriveCompletionLevel(card, {
        checkpointMonth: '2027-01',
        yearEndMonth: '2027-05',
      })
      expect({ id: card.id, status: row.statusAt, level: row.level }).toEqual({
        id: card.id,
        status: card.status,
        level: derived,
      })
      expect(row.derivedLevel).toBe(derived)
    }
    const byCard = (name: string) => review!.rows.find((r) => r.cardId === cards[name])!.level
    expect(byCard('verified')).toBe('done')
    expect(byCard('lateInProgress')).toBe('notDone')
    expect(byCard('laterInProgress')).toBe('inProgress')
    expect(byCard('submitted')).toBe('inProgress')
    expect(byCard('planned')).toBe('inProgress')
    const { done, inProgress, notDone } = review!.counts
    expect(review!.result).toBe(
      `Hoàn thành ${done}/${review!.rows.length} hoạt động; đang thực hiện ${inProgress}; chưa hoàn thành ${notDone}.`,
    )
    expect(review!.assessor).toBe(`Hội đồng tự đánh giá (Chủ tịch: ${chairUser.login})`)
    expect(review!.log.map((e) => e.action)).toEqual(['opened'])
    expect(review!.log[0]).toMatchObject({ detail: { source: 'board', early: true } })
  })

  it('changes a row only with a reason, logs it and follows the counts in the result', async () => {
    const row = path(planId(), `/semester1/rows/${cards.lateInProgress}`)
    const noReason = await secretary.put(row, { level: 'inProgress' })
    expect(noReason.status).toBe(422)
    expect(noReason.body.error.code).toBe('reason_required')
    expect(noReason.body.error.message).toMatch(/Hãy ghi lý do/)
    const blank = await secretary.put(row, { level: 'inProgress', reason: '   ' })
    expect(blank.status).toBe(422)
    const byStaff = await staff.put(row, { level: 'inProgress', reason: 'x' })
    expect(byStaff.status).toBe(403)

    const changed = await secretary.put(row, {
      level: 'inProgress',
      reason: 'Đã gia hạn đến tháng 3 theo họp hội đồng',
    })
    expect(changed.status).toBe(200)
    const review = changed.body.review
    const r = review.rows.find((x: { cardId: string }) => x.cardId === cards.lateInProgress)
    expect(r).toMatchObject({
      derivedLevel: 'notDone',
      level: 'inProgress',
      reason: 'Đã gia hạn đến tháng 3 theo họp hội đồng',
      changedBy: { id: secretaryUser.id },
    })
    expect(review.counts.notDone).toBe(0)
    expect(review.result).toMatch(/chưa hoàn thành 0\.$/)
    expect(review.log.map((e: { action: string }) => e.action)).toEqual([
      'opened',
      'level_changed',
      'fields_changed',
    ])
    expect(review.log[1]).toMatchObject({
      reason: 'Đã gia hạn đến tháng 3 theo họp hội đồng',
      detail: { cardId: cards.lateInProgress, before: 'notDone', after: 'inProgress' },
      actor: { id: secretaryUser.id },
    })

    const unknownCard = await secretary.put(path(planId(), `/semester1/rows/${world.otherCard}`), {
      level: 'done',
      reason: 'x',
    })
    expect(unknownCard.status).toBe(404)
  })

  it('edits table VI texts, then signs off and locks every edit with a 409 naming the signer', async () => {
    const texts = await principal.patch(path(planId(), '/semester1'), {
      adjustment: 'Gia hạn hoạt động 2 đến tháng 3/2027.',
    })
    expect(texts.status).toBe(200)
    expect(texts.body.review.adjustment).toBe('Gia hạn hoạt động 2 đến tháng 3/2027.')

    const bySecretary = await secretary.post(path(planId(), '/semester1/sign'))
    expect(bySecretary.status).toBe(403)
    const signed = await chair.post(path(planId(), '/semester1/sign'))
    expect(signed.status).toBe(200)
    expect(signed.body.review).toMatchObject({
      signedBy: { id: chairUser.id, name: chairUser.login },
      signedAt: '2026-12-10T03:00:00.000Z',
    })

    const edit = await principal.put(path(planId(), `/semester1/rows/${cards.planned}`), {
      level: 'notDone',
      reason: 'Chưa bắt đầu',
    })
    expect(edit.status).toBe(409)
    expect(edit.body.error.message).toMatch(
      new RegExp(`đã được ${chairUser.login} ký duyệt lúc 10/12/2026 10:00`),
    )
    expect((await principal.patch(path(planId(), '/semester1'), { result: 'x' })).status).toBe(409)
    expect((await chair.post(path(planId(), '/semester1/sign'))).status).toBe(409)

    const list = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints.$get({ param: { planId: planId() } }),
    )
    expect(list.checkpoints[0]).toMatchObject({
      state: 'signed',
      signedBy: { id: chairUser.id },
      counts: { done: 1, notDone: 0 },
    })
  })

  it('reopens only with a reason, logged, and is editable again', async () => {
    const noReason = await principal.post(path(planId(), '/semester1/reopen'), {})
    expect(noReason.status).toBe(422)
    expect(noReason.body.error.message).toMatch(/lý do mở lại/)
    const byStaff = await staff.post(path(planId(), '/semester1/reopen'), { reason: 'x' })
    expect(byStaff.status).toBe(403)
    const reopened = await principal.post(path(planId(), '/semester1/reopen'), {
      reason: 'Sở yêu cầu bổ sung minh chứng',
    })
    expect(reopened.status).toBe(200)
    expect(reopened.body.review.signedAt).toBeNull()
    expect(reopened.body.review.log.at(-1)).toMatchObject({
      action: 'reopened',
      reason: 'Sở yêu cầu bổ sung minh chứng',
      actor: { id: world.users.principal.id },
    })
    const edit = await principal.put(path(planId(), `/semester1/rows/${cards.planned}`), {
      level: 'notDone',
      reason: 'Chưa bắt đầu',
    })
    expect(edit.status).toBe(200)
    const twice = await principal.post(path(planId(), '/semester1/reopen'), { reason: 'x' })
    expect(twice.status).toBe(409)
  })

  it('answers another school 404 on every checkpoint route, as for an unknown plan', async () => {
    const requests: [string, string, unknown?][] = [
      ['GET', path(planId())],
      ['GET', path(planId(), '/semester1')],
      ['POST', path(planId(), '/yearEnd/open'), { confirmEarly: true }],
      ['PATCH', path(planId(), '/semester1'), { result: 'x' }],
      ['PUT', path(planId(), `/semester1/rows/${cards.planned}`), { level: 'done', reason: 'x' }],
      ['POST', path(planId(), '/semester1/sign')],
      ['POST', path(planId(), '/semester1/reopen'), { reason: 'x' }],
      ['GET', `/api/plans/${planId()}/council`],
      ['PUT', `/api/plans/${planId()}/council`, { kind: 'monitoring_team', members: [] }],
    ]
    for (const [method, p, body] of requests) {
      const res = await outsider.request(method, p, body)
      expect({ p, method, status: res.status }).toEqual({ p, method, status: 404 })
    }
  })
})

describe('a past checkpoint', () => {
  it('reads each card as it stood at the end of the checkpoint month, from the activity log', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId)
    await at('2026-10-05T03:00:00Z')
    const created = await principal.post(`/api/plans/${plan.id}/cards`, {
      tasks: 'Bồi dưỡng giáo viên',
      criterion: '3.1',
      standard: '3',
      timeframe: 'Tháng 10/2026 đến tháng 3/2027',
    })
    expect(created.status).toBe(201)
    const cardId: string = created.body.card.id
    await at('2027-01-12T03:00:00Z')
    const start = await principal.post(`/api/cards/${cardId}/move`, {
      to: 'in_progress',
      version: 1,
    })
    expect(start.status).toBe(200)
    await at('2027-02-03T03:00:00Z')
    const back = await principal.post(`/api/cards/${cardId}/move`, { to: 'planned', version: 2 })
    expect(back.status).toBe(200)

    const opened = await principal.post(path(plan.id, '/semester1/open'), {})
    expect(opened.status).toBe(201)
    expect(opened.body.review.source).toBe('log')
    expect(opened.body.review.rows).toEqual([
      expect.objectContaining({
        cardId,
        title: 'Bồi dưỡng giáo viên',
        criterion: '3.1',
        statusAt: 'in_progress',
        dueMonth: '2027-03',
        level: 'inProgress',
      }),
    ])
    await at('2026-12-10T03:00:00Z')
  })

  it('is read-only on an archived plan', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId)
    await insertTestCard(server.db, plan)
    expect((await principal.post(`/api/plans/${plan.id}/archive`)).status).toBe(200)
    const open = await principal.post(path(plan.id, '/semester1/open'), { confirmEarly: true })
    expect(open.status).toBe(409)
    expect(open.body.error.code).toBe('plan_archived')
    const council = await principal.put(`/api/plans/${plan.id}/council`, {
      kind: 'monitoring_team',
      members: [],
    })
    expect(council.body.error.code).toBe('plan_archived')
    expect((await staff.get(path(plan.id))).status).toBe(200)
  })
})

describe("the school's years", () => {
  it('lists the plans newest year first with their year-end results, and exports them as one workbook', async () => {
    const older = await insertTestPlan(server.db, world.schoolId, '2025-2026')
    await at('2026-03-05T03:00:00Z')
    const ids: string[] = []
    for (const timeframe of ['Tháng 3/2026', 'Tháng 4/2026']) {
      const made = await principal.post(`/api/plans/${older.id}/cards`, {
        tasks: `Hoạt động ${timeframe}`,
        timeframe,
      })
      ids.push(made.body.card.id)
    }
    await at('2026-12-10T03:00:00Z')
    // Verified since, without a logged move: the year-end review reads the log at May's end.
    await server.db
      .updateTable('card')
      .set({ status: 'verified' })
      .where('id', '=', ids[0]!)
      .execute()
    const opened = await principal.post(path(older.id, '/yearEnd/open'), {})
    expect(opened.status).toBe(201)
    expect(opened.body.review.source).toBe('log')
    const oldest = await insertTestPlan(server.db, world.schoolId, '2024-2025')
    const c2 = await insertTestCard(server.db, oldest, { timeframe: 'Tháng 3/2025' })
    await server.db.updateTable('card').set({ status: 'verified' }).where('id', '=', c2).execute()

    expect((await staff.get(`/api/schools/${world.schoolId}/years`)).status).toBe(403)
    expect((await outsider.get(`/api/schools/${world.schoolId}/years`)).status).toBe(404)
    expect((await outsider.get(`/api/schools/${world.schoolId}/years/export`)).status).toBe(404)
    const years = await parseResponse(
      monitor.api.api.schools[':schoolId'].years.$get({ param: { schoolId: world.schoolId } }),
    )
    expect(years.years.map((y) => y.schoolYear)).toEqual(['2026-2027', '2025-2026', '2024-2025'])
    const plan2025 = years.years[1]!.plans[0]!
    // The review read the log: neither card was verified through a logged move.
    expect(plan2025.results).toEqual({
      from: 'yearEnd',
      counts: { done: 0, inProgress: 0, notDone: 2 },
      total: 2,
    })
    expect(plan2025.checkpoints.map((c) => c.state)).toEqual(['not_opened', 'open'])
    // No review in 2024-2025: the board's figures at the year's end.
    expect(years.years[2]!.plans[0]!.results).toEqual({
      from: 'board',
      counts: { done: 1, inProgress: 0, notDone: 0 },
      total: 1,
    })

    const res = await fetch(`${server.url}/api/schools/${world.schoolId}/years/export`, {
      headers: { cookie: principal.cookie },
    })
    expect(res.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      '2026-2027',
      '2025-2026',
      '2024-2025',
    ])
    const summary = wb.getWorksheet('Tổng hợp')!
    const lines = summary
      .getSheetValues()
      .slice(4)
      .map((r) => (r as unknown[]).slice(1, 9))
    expect(lines.map((l) => l[0])).toEqual([
      '2026-2027',
      '2026-2027',
      '2026-2027',
      '2025-2026',
      '2024-2025',
    ])
    expect(lines[3]).toEqual([
      '2025-2026',
      'Kế hoạch thử',
      'Đang thực hiện',
      'Rà soát cuối năm học',
      0,
      0,
      2,
      2,
    ])
    expect(lines[4]!.slice(3)).toEqual(['Bảng công việc (chưa rà soát cuối năm)', 1, 0, 0, 1])
    const year = wb.getWorksheet('2026-2027')!
    const texts = year
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .filter((v) => typeof v === 'string')
    expect(texts).toContain('Cuối học kỳ I')
    expect(texts).toContain('Gia hạn hoạt động 2 đến tháng 3/2027.')
    expect(texts).toContain('Mức độ thực hiện (Cuối học kỳ I)')
    expect(texts.some((t) => t.includes('Đã gia hạn đến tháng 3 theo họp hội đồng'))).toBe(true)
  })
})
