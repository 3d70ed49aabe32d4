import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * The same request sent many times at once. On SQLite one connection runs one transaction at
 * a time; on PostgreSQL they run side by side (docs/decisions/028): "read, decide, write"
 * must still come out as if one ran after the other, with a clear 4xx for the losers and
 * never a 500 or a duplicate.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let assignee: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  server.setNow(new Date('2026-12-10T03:00:00Z'))
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
})
afterAll(async () => {
  await server.stop()
})

const AT_ONCE = 8

describe('the same write sent at once', () => {
  it('opens a checkpoint review once: one 201, the others a clear 409', async () => {
    await insertCardInState(server.db, world.plan, {
      status: 'in_progress',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        principal.post(`/api/plans/${world.plan.id}/checkpoints/semester1/open`, {
          confirmEarly: true,
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([
      201,
      ...Array.from({ length: AT_ONCE - 1 }, () => 409),
    ])
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.error.message).toMatch(/đã được mở/)
    const reviews = await server.db
      .selectFrom('checkpoint_review')
      .select('id')
      .where('plan_id', '=', world.plan.id)
      .execute()
    expect(reviews).toHaveLength(1)
  })

  it('gives evidence added at once to one card distinct codes, in sequence', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'in_progress',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        assignee.post(`/api/cards/${cardId}/evidence`, {
          kind: 'note',
          title: `Minh chứng ${i}`,
          note: `Ghi chú ${i}`,
        }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    const codes = answers.map((a) => a.body.evidence.code as string).sort()
    expect(new Set(codes).size).toBe(AT_ONCE)
    expect(codes.map((c) => c.slice(-3))).toEqual(
      Array.from({ length: AT_ONCE }, (_, i) => `${String(i + 1).padStart(2, '0')}]`),
    )
  })

  it('creates one account for a login sent at once: the others a clear 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        principal.post(`/api/schools/${world.schoolId}/people`, {
          login: 'cungmotlan',
          displayName: 'Cùng Một Lần',
          roles: ['staff'],
        }),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([201, ...Array.from({ length: AT_ONCE - 1 }, () => 409)])
  })

  it('moves a card once when the same move is sent at once', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'planned',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const { body } = await assignee.get(`/api/cards/${cardId}`)
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        assignee.post(`/api/cards/${cardId}/move`, {
          to: 'in_progress',
          version: body.card.version,
        }),
      ),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([])
    const moves = await server.db
      .selectFrom('activity')
      .select('id')
      .where('card_id', '=', cardId)
      .where('action', '!=', 'created')
      .execute()
    expect(moves).toHaveLength(1)
  })

  it('never leaves a card submitted without evidence when its last item is deleted at once', async () => {
    // A submit needs live evidence (docs/decisions/015); a delete of the card's only item
    // sent at the same moment must come out as if one ran after the other: submitted with
    // its item, or in progress without it. The card's row lock orders them on PostgreSQL.
    for (let round = 0; round < 12; round++) {
      const cardId = await insertCardInState(server.db, world.plan, {
        status: 'in_progress',
        evidence: true,
        assigneeIds: [world.users.assignee.id],
        createdBy: world.users.assignee.id,
      })
      const { body } = await assignee.get(`/api/cards/${cardId}`)
      const item = body.card.evidence[0] as { id: string }
      const [submit, remove] = await Promise.all([
        assignee.post(`/api/cards/${cardId}/move`, {
          to: 'evidence_submitted',
          version: body.card.version,
        }),
        assignee.delete(`/api/evidence/${item.id}`),
      ])
      expect([200, 409, 422]).toContain(submit.status)
      expect([200, 403, 409]).toContain(remove.status)
      const card = await server.db
        .selectFrom('card')
        .select('status')
        .where('id', '=', cardId)
        .executeTakeFirstOrThrow()
      const live = await server.db
        .selectFrom('evidence')
        .select('id')
        .where('card_id', '=', cardId)
        .where('deleted_at', 'is', null)
        .execute()
      if (card.status === 'evidence_submitted') expect(live).toHaveLength(1)
      else expect(card.status).toBe('in_progress')
    }
  })
})
