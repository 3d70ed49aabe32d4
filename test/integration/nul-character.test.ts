import { readFileSync } from 'node:fs'
import { insertTestPlan } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * U+0000 in what a client sends. PostgreSQL text cannot hold it (SQLite's can), so it would
 * fail the query there; on both engines it is refused with a clear 400 in the user's
 * language, and nothing is written (docs/decisions/028).
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let assignee: HttpSession
let principal: HttpSession
let cardId: string

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  cardId = await insertCardInState(server.db, world.plan, {
    status: 'in_progress',
    evidence: false,
    assigneeIds: [world.users.assignee.id],
    createdBy: world.users.assignee.id,
  })
})
afterAll(async () => {
  await server.stop()
})

describe('a NUL character', () => {
  it('in a JSON body, at any depth, is refused with a 400 that says so, and nothing is written', async () => {
    const sent = [
      () => assignee.post(`/api/cards/${cardId}/comments`, { body: 'a\u0000b' }),
      () =>
        assignee.post(`/api/cards/${cardId}/evidence`, {
          kind: 'note',
          title: 'x',
          note: 'n\u0000',
        }),
      () => principal.patch(`/api/cards/${cardId}`, { version: 1, notes: 'x\u0000y' }),
      () => httpSession(server.url).post('/api/session/login', { login: 'a\u0000', password: 'b' }),
    ]
    for (const send of sent) {
      const res = await send()
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/U\+0000/)
    }
    const card = await assignee.get(`/api/cards/${cardId}`)
    expect(card.body.card.comments).toEqual([])
    expect(card.body.card.evidence).toEqual([])
    expect(card.body.card.version).toBe(1)
  })

  it('in a path is refused with a 400; the same request without it goes through', async () => {
    const res = await assignee.get(`/api/cards/${cardId}%00`)
    expect(res.status).toBe(400)
    const ok = await assignee.post(`/api/cards/${cardId}/comments`, { body: 'a b' })
    expect(ok.status).toBe(201)
  })

  it('in an imported file is dropped as a stray byte: the plan and the staff list import', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2020-2021')
    const csv = readFileSync(
      new URL('../fixtures/plans/own-kindergarten-phoi-hop.csv', import.meta.url),
      'utf8',
    ).replace(/Tháng/g, 'Th\u0000áng')
    const form = new FormData()
    form.set('file', new Blob([csv]), 'ke-hoach.csv')
    const confirm = await principal.request('POST', `/api/plans/${plan.id}/import/confirm`, form)
    expect(confirm.status).toBe(200)
    const cards = await server.db
      .selectFrom('card')
      .select('timeframe')
      .where('plan_id', '=', plan.id)
      .execute()
    expect(cards.length).toBeGreaterThan(0)
    expect(cards.some((c) => c.timeframe?.includes('Tháng'))).toBe(true)

    const staff = new FormData()
    staff.set(
      'file',
      new Blob(['Họ và tên,Tên đăng nhập,Vai trò\nLê Thị\u0000 Lan,lan\u0000le,giáo viên\n']),
      'nhan-su.csv',
    )
    const preview = await principal.request(
      'POST',
      `/api/schools/${world.schoolId}/people/import/preview`,
      staff,
    )
    expect(preview.status).toBe(200)
    expect(JSON.stringify(preview.body)).not.toContain('\\u0000')
  })
})
