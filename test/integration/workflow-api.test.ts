import { CARD_STATUSES, checkMoveCommand, type Role } from '@caitien/shared'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint, insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
const sessions = {} as Record<keyof World['users'], HttpSession>
const ROLES: Record<keyof World['users'], Role[]> = {
  assignee: ['staff'],
  staff: ['staff'],
  monitor: ['monitor'],
  monitorAssignee: ['monitor', 'staff'],
  principal: ['principal'],
}

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  for (const key of Object.keys(world.users) as (keyof World['users'])[]) {
    sessions[key] = httpSession(server.url)
    await sessions[key].login(world.users[key].login)
  }
})
afterAll(async () => {
  await server.stop()
})

const personas = ['assignee', 'staff', 'monitor', 'monitorAssignee', 'principal'] as const
const cases = CARD_STATUSES.flatMap((from) =>
  CARD_STATUSES.flatMap((to) =>
    personas.flatMap((persona) =>
      [
        { evidence: true, reason: 'Thiếu chữ ký' },
        { evidence: false, reason: 'Thiếu chữ ký' },
        { evidence: true, reason: null },
      ].map((v) => ({ from, to, persona, ...v })),
    ),
  ),
)

describe('the transition matrix through the API', () => {
  it.each(cases)(
    '$persona moves $from → $to (evidence $evidence, reason $reason)',
    async ({ from, to, persona, evidence, reason }) => {
      const assigneeIds = [world.users.assignee.id, world.users.monitorAssignee.id]
      const cardId = await insertCardInState(server.db, world.plan, {
        status: from,
        evidence,
        assigneeIds,
        createdBy: world.users.assignee.id,
      })
      // The evidence note is the assignee's: they took part, already as an assignee.
      const involvedIds = evidence ? [world.users.assignee.id] : []
      const expected = checkMoveCommand(
        { status: from, evidenceCount: evidence ? 1 : 0, assigneeIds, involvedIds },
        to,
        { id: world.users[persona].id, roles: ROLES[persona] },
        reason,
      )
      const before = await dbFingerprint(server.db)
      const res = await sessions[persona].post(`/api/cards/${cardId}/move`, {
        to,
        version: 1,
        reason,
      })
      const row = await server.db
        .selectFrom('card')
        .select(['status', 'version'])
        .where('id', '=', cardId)
        .executeTakeFirstOrThrow()
      if (expected.ok) {
        expect(res.status).toBe(200)
        expect(res.body.card).toMatchObject({ id: cardId, status: to, version: 2 })
        expect(row).toEqual({ status: to, version: 2 })
        const entry = await server.db
          .selectFrom('activity')
          .selectAll()
          .where('card_id', '=', cardId)
          .orderBy('seq', 'desc')
          .executeTakeFirst()
        if (expected.kind === 'reorder') {
          // A place in the same column is not an event of the plan: nothing is logged.
          expect(from).toBe(to)
          expect(entry?.action).not.toBe('reorder')
        } else {
          expect(entry).toMatchObject({
            action: expected.kind,
            from_status: from,
            to_status: to,
            actor_id: world.users[persona].id,
          })
        }
      } else {
        const status = ['role_not_allowed', 'own_card'].includes(expected.reason) ? 403 : 422
        expect(res.status).toBe(status)
        expect(res.body.error.code).toBe(expected.reason)
        expect(res.body.error.message.length).toBeGreaterThan(10)
        expect(row).toEqual({ status: from, version: 1 })
        expect(await dbFingerprint(server.db)).toBe(before)
      }
    },
  )

  it('words a refusal so that it says what is allowed', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'planned',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const res = await sessions.assignee.post(`/api/cards/${cardId}/move`, {
      to: 'verified',
      version: 1,
    })
    expect(res.status).toBe(422)
    expect(res.body.error).toEqual({
      code: 'no_such_transition',
      message: 'Thẻ ở cột “Kế hoạch” chỉ có thể chuyển sang “Đang thực hiện”.',
    })
  })

  it('refuses a monitor verifying a card assigned to them', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'evidence_submitted',
      evidence: true,
      assigneeIds: [world.users.monitorAssignee.id],
      createdBy: world.users.monitorAssignee.id,
    })
    const res = await sessions.monitorAssignee.post(`/api/cards/${cardId}/move`, {
      to: 'verified',
      version: 1,
    })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('own_card')
  })

  it('keeps the send-back reason in the activity log', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'evidence_submitted',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const res = await sessions.monitor.post(`/api/cards/${cardId}/move`, {
      to: 'in_progress',
      version: 1,
      reason: '  Biên bản chưa có chữ ký  ',
    })
    expect(res.status).toBe(200)
    const { activity } = await parseResponse(
      sessions.assignee.api.api.cards[':cardId'].activity.$get({ param: { cardId } }),
    )
    expect(activity[0]).toMatchObject({
      action: 'send_back',
      reason: 'Biên bản chưa có chữ ký',
      fromStatus: 'evidence_submitted',
      toStatus: 'in_progress',
    })
  })
})

describe('optimistic concurrency', () => {
  it('answers a stale move with 409 and the current card, changing nothing', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'planned',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const first = await sessions.principal.post(`/api/cards/${cardId}/move`, {
      to: 'in_progress',
      version: 1,
    })
    expect(first.status).toBe(200)
    const before = await dbFingerprint(server.db)
    const stale = await sessions.assignee.post(`/api/cards/${cardId}/move`, {
      to: 'in_progress',
      version: 1,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.card).toMatchObject({ id: cardId, status: 'in_progress', version: 2 })
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('lets exactly one of two concurrent moves at one version win', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'evidence_submitted',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const [verify, sendBack] = await Promise.all([
      sessions.monitor.post(`/api/cards/${cardId}/move`, { to: 'verified', version: 1 }),
      sessions.monitorAssignee.post(`/api/cards/${cardId}/move`, {
        to: 'in_progress',
        version: 1,
        reason: 'Thiếu',
      }),
    ])
    expect([verify.status, sendBack.status].sort()).toEqual([200, 409])
    const moves = await server.db
      .selectFrom('activity')
      .select('action')
      .where('card_id', '=', cardId)
      .where('to_status', 'is not', null)
      .where('action', '!=', 'created')
      .execute()
    expect(moves).toHaveLength(1)
  })
})

describe('ordering within a column', () => {
  it('places a moved card before the named card, and reorders inside a column', async () => {
    const plan = world.plan
    const mk = () =>
      insertCardInState(server.db, plan, {
        status: 'in_progress',
        evidence: false,
        assigneeIds: [world.users.assignee.id],
        createdBy: world.users.assignee.id,
      })
    const a = await mk()
    const b = await mk()
    const c = await mk()
    const column = async () => {
      const board = await parseResponse(
        sessions.assignee.api.api.plans[':planId'].board.$get({ param: { planId: plan.id } }),
      )
      return board.cards
        .filter((x) => [a, b, c].includes(x.id) && x.status === 'in_progress')
        .map((x) => x.id)
    }
    // The three were inserted with distinct positions in creation order.
    await server.db.updateTable('card').set({ position: 1 }).where('id', '=', a).execute()
    await server.db.updateTable('card').set({ position: 2 }).where('id', '=', b).execute()
    await server.db.updateTable('card').set({ position: 3 }).where('id', '=', c).execute()
    expect(await column()).toEqual([a, b, c])
    const res = await sessions.assignee.post(`/api/cards/${c}/reorder`, {
      version: 1,
      beforeCardId: a,
    })
    expect(res.status).toBe(200)
    expect(await column()).toEqual([c, a, b])
    const toEnd = await sessions.assignee.post(`/api/cards/${c}/reorder`, {
      version: 2,
      beforeCardId: null,
    })
    expect(toEnd.status).toBe(200)
    expect(await column()).toEqual([a, b, c])
    const stranger = await sessions.staff.post(`/api/cards/${a}/reorder`, {
      version: 1,
      beforeCardId: null,
    })
    expect(stranger.status).toBe(403)
  })
})
