import { insertTestCard } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let assignee: HttpSession
let staff: HttpSession
let monitor: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
  staff = httpSession(server.url)
  await staff.login(world.users.staff.login)
  monitor = httpSession(server.url)
  await monitor.login(world.users.monitor.login)
})
afterAll(async () => {
  await server.stop()
})

describe('cards, by the principal', () => {
  it('creates a card with every plan field, parsing timeframe and budget beside the raw text', async () => {
    const res = await principal.api.api.plans[':planId'].cards.$post({
      param: { planId: world.plan.id },
      json: {
        standard: '3',
        standardName: 'Cơ sở vật chất và thiết bị dạy học',
        criterion: '3.4',
        criterionLabel: 'Tiêu chí 3.4: Khu vệ sinh, hệ thống cấp thoát nước',
        weakness: 'Khu vệ sinh xuống cấp',
        target: 'Mức 2',
        tasks: 'Sửa chữa khu vệ sinh\nLắp thêm vòi nước',
        lead: 'Phó HT phụ trách CSVC',
        timeframe: 'Tháng 9/2026 đến tháng 12/2026',
        budget: '12.000.000 đồng',
        fundingSource: 'Ngân sách',
        expectedEvidence: 'Biên bản nghiệm thu',
        assigneeIds: [world.users.assignee.id],
      },
    })
    expect(res.status).toBe(201)
    const { card } = await parseResponse(res)
    expect(card).toMatchObject({
      status: 'planned',
      version: 1,
      criterion: '3.4',
      title: 'Sửa chữa khu vệ sinh',
      assigneeIds: [world.users.assignee.id],
    })
    const detail = await parseResponse(
      assignee.api.api.cards[':cardId'].$get({ param: { cardId: card.id } }),
    )
    expect(detail.card).toMatchObject({
      criterionLabel: 'Tiêu chí 3.4: Khu vệ sinh, hệ thống cấp thoát nước',
      tasks: 'Sửa chữa khu vệ sinh\nLắp thêm vòi nước',
      timeframe: 'Tháng 9/2026 đến tháng 12/2026',
      startMonth: '2026-09',
      dueMonth: '2026-12',
      budget: '12.000.000 đồng',
      budgetAmount: 12_000_000,
    })
    expect(detail.card.activity[0]).toMatchObject({
      action: 'created',
      actor: { id: world.users.principal.id },
    })
  })

  it('edits with the version, and refuses an edit made against an older one', async () => {
    const id = await insertTestCard(server.db, world.plan)
    const edit = (json: { version: number; notes: string; budget?: string }) =>
      principal.api.api.cards[':cardId'].$patch({ param: { cardId: id }, json })
    const ok = await parseResponse(edit({ version: 1, notes: 'Ưu tiên', budget: 'Không có' }))
    expect(ok.card).toMatchObject({ notes: 'Ưu tiên', budgetAmount: 0, version: 2 })
    const stale = await edit({ version: 1, notes: 'Ghi đè' })
    // The 409 carries the card as it now is, typed by the route and its status.
    if (stale.status !== 409) throw new Error(`expected 409, got ${stale.status}`)
    const refusal = await stale.json()
    expect(refusal.error.code).toBe('version_conflict')
    expect(refusal.card.version).toBe(2)
  })

  it('assigns people and deletes a card, keeping its history', async () => {
    const id = await insertTestCard(server.db, world.plan)
    const assigned = await parseResponse(
      principal.api.api.cards[':cardId'].assignees.$put({
        param: { cardId: id },
        json: { version: 1, assigneeIds: [world.users.staff.id, world.users.assignee.id] },
      }),
    )
    expect(assigned.card.assigneeIds).toEqual(
      [world.users.staff.id, world.users.assignee.id].sort(),
    )
    const gone = await principal.api.api.cards[':cardId'].$delete({
      param: { cardId: id },
      json: { version: 2 },
    })
    expect(gone.status).toBe(200)
    expect((await principal.get(`/api/cards/${id}`)).status).toBe(404)
    const board = await parseResponse(
      principal.api.api.plans[':planId'].board.$get({ param: { planId: world.plan.id } }),
    )
    expect(board.cards.map((c) => c.id)).not.toContain(id)
    const history = await server.db
      .selectFrom('activity')
      .select('action')
      .where('card_id', '=', id)
      .orderBy('seq')
      .execute()
    expect(history.map((h) => h.action)).toEqual(['created', 'assigned', 'deleted'])
  })

  it('keeps create, edit, assign and delete to the principal', async () => {
    const id = await insertTestCard(server.db, world.plan, {
      assigneeIds: [world.users.assignee.id],
    })
    for (const who of [assignee, staff, monitor]) {
      expect((await who.post(`/api/plans/${world.plan.id}/cards`, { tasks: 'x' })).status).toBe(403)
      expect((await who.patch(`/api/cards/${id}`, { version: 1, notes: 'x' })).status).toBe(403)
      expect(
        (await who.put(`/api/cards/${id}/assignees`, { version: 1, assigneeIds: [] })).status,
      ).toBe(403)
      expect((await who.delete(`/api/cards/${id}`, { version: 1 })).status).toBe(403)
    }
  })
})

describe('evidence and comments', () => {
  it('gives evidence codes [Hn-a.b-xx] numbered within the criterion', async () => {
    const a = await insertTestCard(server.db, world.plan, {
      criterion: '2.3',
      assigneeIds: [world.users.assignee.id],
    })
    const b = await insertTestCard(server.db, world.plan, {
      criterion: '2.3',
      assigneeIds: [world.users.assignee.id],
    })
    const codes = []
    for (const card of [a, b, a]) {
      const res = await parseResponse(
        assignee.api.api.cards[':cardId'].evidence.$post({
          param: { cardId: card },
          json: { kind: 'link', title: 'Kế hoạch', url: 'https://truong.edu.vn/kh.pdf' },
        }),
      )
      codes.push(res.evidence.code)
    }
    expect(codes).toEqual(['[H2-2.3-01]', '[H2-2.3-02]', '[H2-2.3-03]'])
    const detail = await parseResponse(
      monitor.api.api.cards[':cardId'].$get({ param: { cardId: a } }),
    )
    expect(detail.card.evidence.map((e) => e.code)).toEqual(['[H2-2.3-01]', '[H2-2.3-03]'])
  })

  it('lets only assignees and the principal add evidence, and everyone comment', async () => {
    const id = await insertTestCard(server.db, world.plan, {
      assigneeIds: [world.users.assignee.id],
    })
    expect(
      (await staff.post(`/api/cards/${id}/evidence`, { kind: 'note', title: 'a', note: 'b' }))
        .status,
    ).toBe(403)
    expect(
      (await monitor.post(`/api/cards/${id}/evidence`, { kind: 'note', title: 'a', note: 'b' }))
        .status,
    ).toBe(403)
    expect(
      (await principal.post(`/api/cards/${id}/evidence`, { kind: 'note', title: 'a', note: 'b' }))
        .status,
    ).toBe(201)
    expect(
      (await monitor.post(`/api/cards/${id}/comments`, { body: 'Cần bổ sung ảnh' })).status,
    ).toBe(201)
    const detail = await parseResponse(
      staff.api.api.cards[':cardId'].$get({ param: { cardId: id } }),
    )
    expect(detail.card.comments).toEqual([
      expect.objectContaining({
        body: 'Cần bổ sung ảnh',
        author: { id: world.users.monitor.id, displayName: world.users.monitor.login },
      }),
    ])
    expect(detail.card.activity.map((e) => e.action)).toEqual([
      'commented',
      'evidence_added',
      'created',
    ])
  })
})

describe('the board read', () => {
  it('takes the same number of queries for 10 and for 500 cards', async () => {
    const { insertTestPlan } = await import('@caitien/server/testing')
    const small = await insertTestPlan(server.db, world.schoolId)
    const large = await insertTestPlan(server.db, world.schoolId)
    const users = Object.values(world.users).map((u) => u.id)
    for (const [plan, n] of [
      [small, 10],
      [large, 500],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const id = await insertTestCard(server.db, plan, {
          assigneeIds: [users[i % users.length]!],
        })
        if (i % 3 === 0) await assignee.post(`/api/cards/${id}/comments`, { body: 'ok' })
      }
    }
    const read = (planId: string) =>
      server.countQueries(() => principal.get(`/api/plans/${planId}/board`))
    const a = await read(small.id)
    const b = await read(large.id)
    expect(a.result.body.cards).toHaveLength(10)
    expect(b.result.body.cards).toHaveLength(500)
    expect(b.result.body.cards[0].commentCount).toBe(1)
    expect(b.queries).toBe(a.queries)
    expect(a.queries).toBeLessThanOrEqual(10)
  })

  it('answers 304 to a board that has not changed, without reading its cards', async () => {
    const first = await principal.get(`/api/plans/${world.plan.id}/board`)
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const conditional = () =>
      principal.request('GET', `/api/plans/${world.plan.id}/board`, undefined, {
        headers: { 'if-none-match': etag },
      })
    const again = await server.countQueries(conditional)
    expect(again.result.status).toBe(304)
    // Session, plan access and roles, and the one stamp query: no card is read.
    expect(again.queries).toBeLessThanOrEqual(4)

    // Any write makes the old tag stale: a reorder, a comment, a move.
    const id = (first.body.cards as { id: string; version: number }[])[0]!
    const writes = [
      () => assignee.post(`/api/cards/${id.id}/comments`, { body: 'Đã xem' }),
      () =>
        principal.post(`/api/cards/${id.id}/reorder`, { version: id.version, beforeCardId: null }),
    ]
    let tag = etag
    for (const write of writes) {
      expect((await write()).status).toBeLessThan(300)
      const res = await principal.request('GET', `/api/plans/${world.plan.id}/board`, undefined, {
        headers: { 'if-none-match': tag },
      })
      expect(res.status).toBe(200)
      tag = res.headers.get('etag')!
    }
    // Another viewer gets another tag: the answer carries their roles.
    const other = await staff.get(`/api/plans/${world.plan.id}/board`)
    expect(other.headers.get('etag')).not.toBe(tag)
  })
})

describe('the board cache', () => {
  it('builds the cards once for every member until the board changes', async () => {
    const path = `/api/plans/${world.plan.id}/board`
    // Each reader has opened this board before: opening another plan's board than one's
    // last writes it down once (where they land), which is not what is counted here.
    for (const s of [principal, staff, monitor]) await s.get(path)
    // A write first, so that the next read builds the board whatever was read before.
    const first = (await principal.get(path)).body.cards[0] as { id: string }
    expect((await assignee.post(`/api/cards/${first.id}/comments`, { body: 'Xem' })).status).toBe(
      201,
    )
    const built = await server.countQueries(() => principal.get(path))
    expect(built.result.status).toBe(200)
    expect(built.result.headers.get('content-type')).toMatch(/^application\/json/)
    // Another member, nothing changed: session, access and stamp, no card read.
    const reused = await server.countQueries(() => staff.get(path))
    expect(reused.queries).toBeLessThanOrEqual(3)
    expect(reused.queries).toBeLessThan(built.queries)
    expect(reused.result.body.cards).toEqual(built.result.body.cards)
    expect(reused.result.body.members).toEqual(built.result.body.members)
    // Each viewer still gets their own part.
    expect(reused.result.body.me).toEqual({ id: world.users.staff.id, roles: ['staff'] })
    expect(built.result.body.me.id).toBe(world.users.principal.id)

    // A comment changes the stamp: the next reader gets the new count, freshly built.
    const card = (built.result.body.cards as { id: string; commentCount: number }[])[0]!
    expect((await assignee.post(`/api/cards/${card.id}/comments`, { body: 'Mới' })).status).toBe(
      201,
    )
    const after = await server.countQueries(() => monitor.get(path))
    const same = (after.result.body.cards as { id: string; commentCount: number }[]).find(
      (c) => c.id === card.id,
    )!
    expect(same.commentCount).toBe(card.commentCount + 1)
    expect(after.queries).toBe(built.queries)
  })
})

describe('live updates', () => {
  it('tells an open event stream about a move within 2 seconds', async () => {
    const id = await insertTestCard(server.db, world.plan, {
      assigneeIds: [world.users.assignee.id],
    })
    const controller = new AbortController()
    const res = await fetch(`${server.url}/api/plans/${world.plan.id}/events`, {
      headers: { cookie: principal.cookie },
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (needle: string, ms: number) => {
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
    }
    expect(await readUntil('event: ready', 2000)).toBe(true)
    const started = Date.now()
    const move = await assignee.post(`/api/cards/${id}/move`, { to: 'in_progress', version: 1 })
    expect(move.status).toBe(200)
    expect(await readUntil(id, 2000)).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(text).toMatch(/event: card\.changed/)
    controller.abort()
  })
})
