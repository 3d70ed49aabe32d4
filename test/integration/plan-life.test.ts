import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { catchUpSnapshots, loadShippedFrameworks, purgeDeletedPlans } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * A plan's life and the cards' (issue 12), over HTTP against a real SQLite file: cards
 * added by hand and edited field by field, deleted and restored; plans carried over from
 * last year, renamed and moved to another school year with a preview, archived (read-only),
 * deleted with a typed confirmation, restored, and purged after 30 days by the app's clock;
 * and the monthly figures of a month that ended before a deletion, unchanged.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession
let assignee: HttpSession
let outsider: HttpSession
let tt18: string
let tt57: string

const plan004 = readFileSync(
  fileURLToPath(new URL('../fixtures/plans/plan-004.docx', import.meta.url)),
)

/** Moves the app's clock and logs everyone in again (sessions age with the clock). */
async function at(iso: string) {
  server.setNow(new Date(iso))
  for (const [who, login] of [
    [principal, world.users.principal.login],
    [staff, world.users.staff.login],
    [assignee, world.users.assignee.login],
    [outsider, world.outsider.login],
  ] as const) {
    await who.login(login)
  }
}

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  await loadShippedFrameworks(server.db)
  principal = httpSession(server.url)
  staff = httpSession(server.url)
  assignee = httpSession(server.url)
  outsider = httpSession(server.url)
  await at('2026-11-15T03:00:00Z')
  const { frameworks } = await parseResponse(principal.api.api.frameworks.$get())
  tt18 = frameworks.find((f) => f.code === 'TT18-2018')!.id
  tt57 = frameworks.find((f) => f.code.startsWith('TT57') && f.schoolLevel !== 'kindergarten')!.id
})
afterAll(async () => {
  await server.stop()
})

async function newPlan(
  who: HttpSession,
  input: { title?: string; schoolYear?: string; carryFromPlanId?: string } = {},
) {
  const res = await who.api.api.plans.$post({
    json: {
      schoolId: world.schoolId,
      title: input.title ?? 'Kế hoạch cải tiến chất lượng',
      schoolYear: input.schoolYear ?? '2026-2027',
      frameworkId: tt18,
      ...(input.carryFromPlanId ? { carryFromPlanId: input.carryFromPlanId } : {}),
    },
  })
  expect(res.status).toBe(201)
  return parseResponse(res)
}

async function addCard(planId: string, fields: Record<string, unknown>) {
  const res = await principal.api.api.plans[':planId'].cards.$post({
    param: { planId },
    json: fields,
  })
  expect(res.status).toBe(201)
  return (await parseResponse(res)).card
}

const board = (planId: string, who = principal) =>
  parseResponse(who.api.api.plans[':planId'].board.$get({ param: { planId } }))
const detail = (cardId: string) =>
  parseResponse(principal.api.api.cards[':cardId'].$get({ param: { cardId } }))

describe('an action added by hand and edited', () => {
  it('takes every plan field, within the same limits as any card', async () => {
    const { plan } = await newPlan(principal)
    const every = {
      standard: '2',
      standardName: 'Cán bộ quản lý, giáo viên, nhân viên và học sinh',
      criterion: '2.2',
      criterionLabel: 'Tiêu chí 2.2: Đối với giáo viên',
      section: 'Mức 1, 2, 3',
      weakness: 'Một số giáo viên chưa đạt chuẩn',
      target: 'Mức 2',
      tasks: 'Bồi dưỡng giáo viên',
      measures: 'Cử đi học',
      lead: 'Hiệu trưởng',
      coordinators: 'Tổ chuyên môn',
      timeframe: 'Tháng 1/2027',
      budget: '5 triệu',
      fundingSource: 'Ngân sách',
      support: 'Phòng học',
      expectedEvidence: 'Chứng chỉ',
      notes: 'Ưu tiên',
      assigneeIds: [world.users.assignee.id],
    }
    const card = await addCard(plan.id, every)
    const fields: Record<string, unknown> = { ...every }
    delete fields.assigneeIds
    expect((await detail(card.id)).card).toMatchObject({
      ...fields,
      dueMonth: '2027-01',
      budgetAmount: 5_000_000,
      assigneeIds: [world.users.assignee.id],
    })
    const tooLong = await principal.post(`/api/plans/${plan.id}/cards`, {
      tasks: 'x'.repeat(10_001),
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.message).toMatch(/tasks/)
  })

  it('logs each changed field with its text before and after, and shows it in the history', async () => {
    const { plan } = await newPlan(principal)
    // A card imported with a blank title: nothing in tasks.
    const card = await addCard(plan.id, { criterion: '1.1', target: 'Mức 2' })
    const edit = (json: Record<string, unknown> & { version: number }) =>
      principal.api.api.cards[':cardId'].$patch({ param: { cardId: card.id }, json })
    const ok = await edit({ version: 1, tasks: 'Xây dựng kế hoạch', target: 'Mức 2', notes: '' })
    expect(ok.status).toBe(200)
    const { card: edited } = await parseResponse(ok)
    expect(edited.version).toBe(2)
    const history = await parseResponse(
      staff.api.api.cards[':cardId'].activity.$get({ param: { cardId: card.id } }),
    )
    const entry = history.activity.find((a) => a.action === 'edited')
    expect(entry?.action === 'edited' && entry.detail).toMatchObject({
      fields: ['tasks'],
      changes: [{ field: 'tasks', before: null, after: 'Xây dựng kế hoạch' }],
    })
    expect(entry?.actor?.id).toBe(world.users.principal.id)

    // Nothing changed: nothing is written or logged; a stale version is refused.
    const same = await edit({ version: 2, tasks: 'Xây dựng kế hoạch' })
    expect((await parseResponse(same)).card.version).toBe(2)
    const stale = await principal.patch(`/api/cards/${card.id}`, { version: 1, tasks: 'Khác' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    const after = await detail(card.id)
    expect(after.card.activity.filter((a) => a.action === 'edited')).toHaveLength(1)
    expect(after.card.tasks).toBe('Xây dựng kế hoạch')
  })
})

describe('a deleted card', () => {
  it('leaves the board, is listed for restore, and comes back in its column, logged', async () => {
    const { plan } = await newPlan(principal)
    const card = await addCard(plan.id, { tasks: 'Tổ chức hội thảo', criterion: '3.1' })
    const moved = await principal.post(`/api/cards/${card.id}/move`, {
      to: 'in_progress',
      version: 1,
    })
    expect(moved.status).toBe(200)
    const gone = await principal.delete(`/api/cards/${card.id}`, { version: 2 })
    expect(gone.status).toBe(200)
    expect((await board(plan.id)).cards.map((c) => c.id)).not.toContain(card.id)
    expect((await principal.get(`/api/cards/${card.id}`)).status).toBe(404)

    const deleted = await parseResponse(
      principal.api.api.plans[':planId']['deleted-cards'].$get({ param: { planId: plan.id } }),
    )
    expect(deleted.cards).toEqual([
      expect.objectContaining({
        id: card.id,
        title: 'Tổ chức hội thảo',
        status: 'in_progress',
        version: 3,
        deletedBy: world.users.principal.login,
      }),
    ])
    expect((await staff.post(`/api/cards/${card.id}/restore`, { version: 3 })).status).toBe(403)
    expect((await principal.post(`/api/cards/${card.id}/restore`, { version: 2 })).status).toBe(409)

    const restored = await principal.api.api.cards[':cardId'].restore.$post({
      param: { cardId: card.id },
      json: { version: 3 },
    })
    expect(restored.status).toBe(200)
    const back = (await board(plan.id)).cards.find((c) => c.id === card.id)
    expect(back).toMatchObject({ status: 'in_progress', version: 4 })
    const actions = (await detail(card.id)).card.activity.map((a) => a.action)
    expect(actions.slice(0, 3)).toEqual(['restored', 'deleted', 'start'])
    // A live card is not restored again.
    expect((await principal.post(`/api/cards/${card.id}/restore`, { version: 4 })).status).toBe(404)
    const none = await parseResponse(
      principal.api.api.plans[':planId']['deleted-cards'].$get({ param: { planId: plan.id } }),
    )
    expect(none.cards).toEqual([])
  })

  it('keeps the figures of a month that ended before the deletion, equal to their rebuild', async () => {
    await at('2026-10-05T03:00:00Z')
    const { plan } = await newPlan(principal, { title: 'Kế hoạch tháng 10' })
    const a = await addCard(plan.id, { tasks: 'A', criterion: '1.1', timeframe: 'Tháng 10/2026' })
    const b = await addCard(plan.id, { tasks: 'B', criterion: '1.2', timeframe: 'Hằng năm' })
    const c = await addCard(plan.id, { tasks: 'C', criterion: '2.1', timeframe: 'Tháng 12/2026' })
    expect(
      (await principal.post(`/api/cards/${a.id}/move`, { to: 'in_progress', version: 1 })).status,
    ).toBe(200)

    // Just after October ends (school time) the scheduler freezes it.
    const novemberFirst = '2026-10-31T17:30:00Z'
    await at(novemberFirst)
    const taken = await catchUpSnapshots(server.db, new Date(novemberFirst))
    expect(taken).toContainEqual({ planId: plan.id, month: '2026-10' })
    const month = (m: string) =>
      parseResponse(
        principal.api.api.plans[':planId'].snapshots[':month'].$get({
          param: { planId: plan.id, month: m },
        }),
      )
    const frozen = await month('2026-10')
    expect(frozen.source).toBe('snapshot')
    expect(frozen.summary.total).toBe(3)
    expect(frozen.summary.overdue).toEqual([a.id])

    // In November: A deleted for good, B deleted and restored, C edited.
    await at('2026-11-10T03:00:00Z')
    expect((await principal.delete(`/api/cards/${a.id}`, { version: 2 })).status).toBe(200)
    expect((await principal.delete(`/api/cards/${b.id}`, { version: 1 })).status).toBe(200)
    expect((await principal.post(`/api/cards/${b.id}/restore`, { version: 2 })).status).toBe(200)
    expect(
      (await principal.patch(`/api/cards/${c.id}`, { version: 1, timeframe: 'Tháng 11/2026' }))
        .status,
    ).toBe(200)

    const october = await month('2026-10')
    expect(october.source).toBe('snapshot')
    expect(october.summary).toEqual(frozen.summary)
    expect(october.check).toEqual({ agrees: true, differences: [] })

    const decemberFirst = '2026-11-30T17:30:00Z'
    await at(decemberFirst)
    await catchUpSnapshots(server.db, new Date(decemberFirst))
    const november = await month('2026-11')
    expect(november.source).toBe('snapshot')
    expect(november.check).toEqual({ agrees: true, differences: [] })
    expect(november.summary.cards.map((x) => x.id).sort()).toEqual([b.id, c.id].sort())
    expect(november.summary.overdue).toEqual([c.id])
    await at('2026-11-15T03:00:00Z')
  })
})

describe('a plan from last year’s plan', () => {
  it('carries the unfinished actions over, linked to the originals, and leaves the verified ones', async () => {
    const { plan: last } = await newPlan(principal, {
      title: 'Kế hoạch 2025-2026',
      schoolYear: '2025-2026',
    })
    const lastPlan = { id: last.id, school_id: world.schoolId, school_year: '2025-2026' }
    const done = await insertCardInState(server.db, lastPlan, {
      status: 'verified',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const going = await insertCardInState(server.db, lastPlan, {
      status: 'in_progress',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const waiting = await addCard(last.id, {
      tasks: 'Sửa thư viện',
      criterion: '3.3',
      timeframe: 'Tháng 3/2026',
    })

    const res = await newPlan(principal, {
      title: 'Kế hoạch 2026-2027',
      schoolYear: '2026-2027',
      carryFromPlanId: last.id,
    })
    expect({ carried: res.carried, leftBehind: res.leftBehind }).toEqual({
      carried: 2,
      leftBehind: 1,
    })
    const next = await board(res.plan.id)
    expect(next.cards).toHaveLength(2)
    expect(next.cards.every((c) => c.status === 'planned')).toBe(true)

    const details = await Promise.all(next.cards.map((c) => detail(c.id)))
    const from = details.map((d) => d.card.carriedFrom?.cardId).sort()
    expect(from).toEqual([going, waiting.id].sort())
    const library = details.find((d) => d.card.carriedFrom?.cardId === waiting.id)!.card
    expect(library).toMatchObject({
      tasks: 'Sửa thư viện',
      timeframe: 'Tháng 3/2027',
      dueMonth: '2027-03',
      carriedFrom: { plan: { id: last.id, title: 'Kế hoạch 2025-2026' } },
    })
    expect(library.activity.at(-1)).toMatchObject({
      action: 'created',
      detail: { carriedFrom: { planId: last.id, cardId: waiting.id } },
    })
    const kept = details.find((d) => d.card.carriedFrom?.cardId === going)!.card
    expect(kept.assigneeIds).toEqual([world.users.assignee.id])
    expect(kept.evidence).toEqual([])

    // The original keeps its history, reachable from the link, and says where it went.
    const original = await detail(waiting.id)
    expect(original.card.activity[0]).toMatchObject({
      action: 'carried_over',
      detail: { toPlanId: res.plan.id, toCardId: library.id },
    })
    expect((await board(last.id)).cards.map((c) => c.id).sort()).toEqual(
      [done, going, waiting.id].sort(),
    )
  })

  it('carries over only from a plan of the same school, and only for the principal', async () => {
    const theirs = await principal.post('/api/plans', {
      schoolId: world.schoolId,
      title: 'X',
      schoolYear: '2026-2027',
      frameworkId: tt18,
      carryFromPlanId: world.otherPlan.id,
    })
    expect(theirs.status).toBe(404)
    const staffTry = await staff.post('/api/plans', {
      schoolId: world.schoolId,
      title: 'X',
      schoolYear: '2026-2027',
      frameworkId: tt18,
      carryFromPlanId: world.plan.id,
    })
    expect(staffTry.status).toBe(403)
  })
})

describe('a plan’s settings', () => {
  it('previews what another school year changes, then saves it and logs each card it moves', async () => {
    const { plan } = await newPlan(principal, { title: 'Kế hoạch đổi năm' })
    const yearly = await addCard(plan.id, { tasks: 'Hằng năm', timeframe: 'Hằng năm' })
    const dated = await addCard(plan.id, { tasks: 'Có ngày', timeframe: 'Tháng 3/2027' })
    const preview = await parseResponse(
      principal.api.api.plans[':planId'].settings.preview.$get({
        param: { planId: plan.id },
        query: { schoolYear: '2025-2026' },
      }),
    )
    expect(preview.schoolYear).toEqual({ before: '2026-2027', after: '2025-2026' })
    expect(preview.cards).toEqual([
      expect.objectContaining({
        id: yearly.id,
        dueBefore: '2027-05',
        dueAfter: '2026-05',
        overdueBefore: false,
        overdueAfter: true,
      }),
    ])
    expect(preview.overdue).toEqual({ becomes: 1, clears: 0 })
    // Nothing was written by the preview.
    expect((await detail(yearly.id)).card.dueMonth).toBe('2027-05')

    const saved = await principal.api.api.plans[':planId'].$patch({
      param: { planId: plan.id },
      json: { title: 'Kế hoạch năm trước', schoolYear: '2025-2026' },
    })
    expect(await parseResponse(saved)).toEqual({ ok: true, changedCards: 1 })
    const after = await board(plan.id)
    expect(after.plan).toMatchObject({ title: 'Kế hoạch năm trước', schoolYear: '2025-2026' })
    expect(after.cards.find((c) => c.id === yearly.id)?.dueMonth).toBe('2026-05')
    expect(after.cards.find((c) => c.id === dated.id)?.dueMonth).toBe('2027-03')
    const logged = (await detail(yearly.id)).card.activity[0]
    expect(logged).toMatchObject({
      action: 'edited',
      detail: { schoolYear: { before: '2026-2027', after: '2025-2026' } },
    })
    const plans = await parseResponse(principal.api.api.plans.$get())
    expect(plans.plans.find((p) => p.id === plan.id)?.title).toBe('Kế hoạch năm trước')
  })

  it('previews the criterion names another framework gives', async () => {
    const { plan } = await newPlan(principal)
    await addCard(plan.id, { tasks: 'Tiêu chí 1.1', standard: '1', criterion: '1.1' })
    const preview = await parseResponse(
      principal.api.api.plans[':planId'].settings.preview.$get({
        param: { planId: plan.id },
        query: { frameworkId: tt57 },
      }),
    )
    expect(preview.framework?.before?.id).toBe(tt18)
    expect(preview.framework?.after?.id).toBe(tt57)
    expect(preview.criteria).toEqual([
      { code: '1.1', before: expect.any(String), after: expect.anything() },
    ])
    expect(preview.criteria[0]!.before).not.toBe(preview.criteria[0]!.after)
    const unknown = await principal.get(
      `/api/plans/${plan.id}/settings/preview?frameworkId=no-such`,
    )
    expect(unknown.status).toBe(400)
    expect(
      (await staff.get(`/api/plans/${plan.id}/settings/preview?schoolYear=2027-2028`)).status,
    ).toBe(403)
  })
})

describe('an archived plan', () => {
  it('answers 409 to every kind of write, stays readable and exportable, and is listed last', async () => {
    const { plan } = await newPlan(principal, { title: 'Kế hoạch lưu trữ' })
    const card = await addCard(plan.id, {
      tasks: 'Việc cũ',
      criterion: '1.3',
      assigneeIds: [world.users.assignee.id],
    })
    const note = await assignee.post(`/api/cards/${card.id}/evidence`, {
      kind: 'note',
      title: 'Biên bản',
      note: 'x',
    })
    expect(note.status).toBe(201)
    const evidenceId: string = note.body.evidence.id
    const gone = await addCard(plan.id, { tasks: 'Đã xoá' })
    expect((await principal.delete(`/api/cards/${gone.id}`, { version: 1 })).status).toBe(200)

    const archived = await principal.api.api.plans[':planId'].archive.$post({
      param: { planId: plan.id },
    })
    expect(archived.status).toBe(200)
    const upload = () => {
      const form = new FormData()
      form.set('file', new Blob([new Uint8Array(plan004)]), 'plan-004.docx')
      return form
    }
    const writes: [string, HttpSession, string, string, unknown][] = [
      ['new card', principal, 'POST', `/api/plans/${plan.id}/cards`, { tasks: 'x' }],
      ['edit', principal, 'PATCH', `/api/cards/${card.id}`, { version: 1, tasks: 'y' }],
      ['delete', principal, 'DELETE', `/api/cards/${card.id}`, { version: 1 }],
      ['restore', principal, 'POST', `/api/cards/${gone.id}/restore`, { version: 2 }],
      [
        'assign',
        principal,
        'PUT',
        `/api/cards/${card.id}/assignees`,
        { version: 1, assigneeIds: [] },
      ],
      ['move', assignee, 'POST', `/api/cards/${card.id}/move`, { to: 'in_progress', version: 1 }],
      ['reorder', assignee, 'POST', `/api/cards/${card.id}/reorder`, { version: 1 }],
      [
        'evidence',
        assignee,
        'POST',
        `/api/cards/${card.id}/evidence`,
        { kind: 'note', title: 'a', note: 'b' },
      ],
      [
        'file',
        assignee,
        'POST',
        `/api/cards/${card.id}/evidence/files?name=a.pdf`,
        new TextEncoder().encode('%PDF-1.4\n%%EOF'),
      ],
      ['link', assignee, 'POST', `/api/cards/${card.id}/evidence/links`, { evidenceId }],
      ['code', principal, 'PATCH', `/api/evidence/${evidenceId}`, { code: '[H1-1.3-09]' }],
      ['remove evidence', assignee, 'DELETE', `/api/evidence/${evidenceId}`, undefined],
      ['comment', staff, 'POST', `/api/cards/${card.id}/comments`, { body: 'Ý kiến' }],
      ['import preview', principal, 'POST', `/api/plans/${plan.id}/import/preview`, upload()],
      ['import', principal, 'POST', `/api/plans/${plan.id}/import/confirm`, upload()],
      ['settings', principal, 'PATCH', `/api/plans/${plan.id}`, { title: 'Khác' }],
      ['snapshot', principal, 'POST', `/api/plans/${plan.id}/snapshots`, undefined],
    ]
    for (const [kind, who, method, path, body] of writes) {
      const res = await who.request(method, path, body, {
        headers:
          body instanceof Uint8Array ? { 'content-type': 'application/octet-stream' } : undefined,
      })
      expect({ kind, status: res.status, code: res.body?.error?.code }).toEqual({
        kind,
        status: 409,
        code: 'plan_archived',
      })
      expect(res.body.error.message).toContain('Kế hoạch lưu trữ')
    }
    const view = await board(plan.id, staff)
    expect(view.plan.state).toBe('archived')
    expect(view.cards.map((c) => c.id)).toEqual([card.id])
    expect((await staff.get(`/api/plans/${plan.id}/export?format=csv`)).status).toBe(200)
    expect((await staff.get(`/api/plans/${plan.id}/evidence?q=bien`)).body.items).toHaveLength(1)
    const { plans } = await parseResponse(staff.api.api.plans.$get())
    const states = plans.map((p) => p.state)
    expect(states.indexOf('archived')).toBeGreaterThan(states.lastIndexOf('active'))

    const english = await principal.request(
      'POST',
      `/api/plans/${plan.id}/cards`,
      { tasks: 'x' },
      {
        headers: { cookie: `${principal.cookie}; caitien_lang=en` },
      },
    )
    expect(english.body.error.message).toMatch(/archived.*read-only/)

    const back = await principal.api.api.plans[':planId'].unarchive.$post({
      param: { planId: plan.id },
    })
    expect(back.status).toBe(200)
    expect(
      (await principal.patch(`/api/cards/${card.id}`, { version: 1, tasks: 'y' })).status,
    ).toBe(200)
  })
})

describe('a deleted plan', () => {
  it('goes with its name typed, is listed for the principal, and comes back with its cards', async () => {
    const { plan: empty } = await newPlan(principal, { title: 'Kế hoạch trống' })
    expect((await principal.delete(`/api/plans/${empty.id}`, {})).status).toBe(200)

    const { plan } = await newPlan(principal, { title: 'Kế hoạch cần xoá' })
    const card = await addCard(plan.id, { tasks: 'Một việc' })
    const unconfirmed = await principal.delete(`/api/plans/${plan.id}`, {})
    expect(unconfirmed.status).toBe(409)
    expect(unconfirmed.body.error).toMatchObject({ code: 'confirmation_required' })
    expect(unconfirmed.body.error.message).toContain('Kế hoạch cần xoá')
    const wrong = await principal.delete(`/api/plans/${plan.id}`, { confirmTitle: 'Kế hoạch' })
    expect(wrong.status).toBe(409)
    expect(
      (await staff.delete(`/api/plans/${plan.id}`, { confirmTitle: 'Kế hoạch cần xoá' })).status,
    ).toBe(403)
    const deleted = await principal.api.api.plans[':planId'].$delete({
      param: { planId: plan.id },
      json: { confirmTitle: 'Kế hoạch cần xoá' },
    })
    expect(deleted.status).toBe(200)

    const { plans } = await parseResponse(principal.api.api.plans.$get())
    expect(plans.map((p) => p.id)).not.toContain(plan.id)
    expect((await principal.get(`/api/plans/${plan.id}/board`)).status).toBe(404)
    expect((await principal.get(`/api/cards/${card.id}`)).status).toBe(404)
    const bin = await parseResponse(principal.api.api.plans.deleted.$get())
    expect(bin.plans.map((p) => p.id)).toEqual(expect.arrayContaining([plan.id, empty.id]))
    expect(bin.plans.find((p) => p.id === plan.id)).toMatchObject({
      title: 'Kế hoạch cần xoá',
      cardCount: 1,
      purgeAt: '2026-12-15T03:00:00.000Z',
    })
    expect((await parseResponse(staff.api.api.plans.deleted.$get())).plans).toEqual([])
    expect((await outsider.get('/api/plans/deleted')).body.plans).toEqual([])
    expect((await staff.post(`/api/plans/${plan.id}/restore`)).status).toBe(403)
    expect((await outsider.post(`/api/plans/${plan.id}/restore`)).status).toBe(404)

    const restored = await principal.api.api.plans[':planId'].restore.$post({
      param: { planId: plan.id },
    })
    expect(restored.status).toBe(200)
    expect((await board(plan.id)).cards.map((c) => c.id)).toEqual([card.id])
  })

  it('is purged with everything of its own after 30 days by the app’s clock, not before', async () => {
    await at('2026-11-15T03:00:00Z')
    const { plan } = await newPlan(principal, { title: 'Kế hoạch bỏ' })
    await addCard(plan.id, { tasks: 'Việc' })
    const { plan: next } = await newPlan(principal, { carryFromPlanId: plan.id })
    expect(
      (await principal.delete(`/api/plans/${plan.id}`, { confirmTitle: 'Kế hoạch bỏ' })).status,
    ).toBe(200)
    const count = async (table: 'card' | 'activity' | 'plan') =>
      (
        await server.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(table === 'plan' ? 'id' : 'plan_id', '=', plan.id)
          .executeTakeFirstOrThrow()
      ).n

    await at('2026-12-15T02:59:00Z')
    expect(await purgeDeletedPlans(server.db, server.now())).toEqual([])
    expect(Number(await count('plan'))).toBe(1)

    await at('2026-12-15T03:01:00Z')
    const bin = await parseResponse(principal.api.api.plans.deleted.$get())
    expect(bin.plans.map((p) => p.id)).not.toContain(plan.id)
    expect((await principal.post(`/api/plans/${plan.id}/restore`)).status).toBe(409)
    const purged = await purgeDeletedPlans(server.db, server.now())
    expect(purged.map((p) => p.id)).toContain(plan.id)
    expect([await count('plan'), await count('card'), await count('activity')].map(Number)).toEqual(
      [0, 0, 0],
    )
    expect((await principal.post(`/api/plans/${plan.id}/restore`)).status).toBe(404)
    // The plan carried over from it stands; its cards' links are gone with the original.
    const carried = await board(next.id)
    expect(carried.cards).toHaveLength(1)
    expect((await detail(carried.cards[0]!.id)).card.carriedFrom).toBeNull()
    await at('2026-11-15T03:00:00Z')
  })
})

describe('the new routes and other schools', () => {
  it('answer 404 to another school’s principal and 401 without a session', async () => {
    const { plan } = await newPlan(principal, { title: 'Kế hoạch riêng' })
    const card = await addCard(plan.id, { tasks: 'Riêng' })
    const gone = await addCard(plan.id, { tasks: 'Đã xoá' })
    expect((await principal.delete(`/api/cards/${gone.id}`, { version: 1 })).status).toBe(200)
    const requests: [string, string, unknown?][] = [
      ['PATCH', `/api/plans/${plan.id}`, { title: 'Của tôi' }],
      ['GET', `/api/plans/${plan.id}/settings/preview?schoolYear=2027-2028`],
      ['POST', `/api/plans/${plan.id}/archive`],
      ['POST', `/api/plans/${plan.id}/unarchive`],
      ['DELETE', `/api/plans/${plan.id}`, { confirmTitle: 'Kế hoạch riêng' }],
      ['POST', `/api/plans/${plan.id}/restore`],
      ['GET', `/api/plans/${plan.id}/deleted-cards`],
      ['POST', `/api/cards/${gone.id}/restore`, { version: 2 }],
      ['POST', `/api/cards/${card.id}/restore`, { version: 1 }],
    ]
    const nobody = httpSession(server.url)
    for (const [method, path, body] of requests) {
      const theirs = await outsider.request(method, path, body)
      expect({ path, status: theirs.status }).toEqual({ path, status: 404 })
      const anonymous = await nobody.request(method, path, body)
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 })
    }
    expect((await nobody.get('/api/plans/deleted')).status).toBe(401)
    expect((await board(plan.id)).plan.title).toBe('Kế hoạch riêng')
  })
})
