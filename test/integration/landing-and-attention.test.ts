import { insertTestPlan, insertTestUser } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/*
 * Issue 12, "landing and attention": where each person lands (their last plan, or the plan
 * where something waits for them), the monitor's review count across plans, and the
 * send-back marker the board answer carries.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let sessions: Record<'assignee' | 'staff' | 'monitor' | 'principal' | 'outsider', HttpSession>
let secondPlan: Awaited<ReturnType<typeof insertTestPlan>>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  secondPlan = await insertTestPlan(server.db, world.schoolId, '2025-2026')
  const login = async (login: string) => {
    const s = httpSession(server.url)
    await s.login(login)
    return s
  }
  sessions = {
    assignee: await login(world.users.assignee.login),
    staff: await login(world.users.staff.login),
    monitor: await login(world.users.monitor.login),
    principal: await login(world.users.principal.login),
    outsider: await login(world.outsider.login),
  }
})
afterAll(async () => {
  await server.stop()
})

const plans = (s: HttpSession) => parseResponse(s.api.api.plans.$get())
const openBoard = (s: HttpSession, planId: string) =>
  s.api.api.plans[':planId'].board.$get({ param: { planId } })
const board = (s: HttpSession, planId: string) => parseResponse(openBoard(s, planId))

async function lastPlanOf(userId: string) {
  const row = await server.db
    .selectFrom('app_user')
    .select('last_plan_id')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.last_plan_id
}

/** A card of the plan waiting for review, submitted by the assignee. */
function waitingCard(plan: typeof secondPlan) {
  return insertCardInState(server.db, plan, {
    status: 'evidence_submitted',
    evidence: true,
    assigneeIds: [world.users.assignee.id],
    createdBy: world.users.assignee.id,
  })
}

describe('landing', () => {
  it('lands on the plan whose board the person opened last, remembered on the server', async () => {
    const { staff } = sessions
    expect(await lastPlanOf(world.users.staff.id)).toBeNull()
    // Nothing opened yet and nothing waiting: the first active plan.
    const first = await plans(staff)
    expect(first.plans.map((p) => p.id)).toEqual([world.plan.id, secondPlan.id])
    expect(first.landing).toBe(world.plan.id)

    expect((await openBoard(staff, secondPlan.id)).status).toBe(200)
    expect(await lastPlanOf(world.users.staff.id)).toBe(secondPlan.id)
    // Any browser: a new session of the same person lands there too.
    const elsewhere = httpSession(server.url)
    await elsewhere.login(world.users.staff.login)
    expect((await plans(elsewhere)).landing).toBe(secondPlan.id)

    // Another school's plan is not opened, and is not remembered.
    expect((await openBoard(staff, world.otherPlan.id)).status).toBe(404)
    expect(await lastPlanOf(world.users.staff.id)).toBe(secondPlan.id)

    // A 304 (the board unchanged) still counts as opening it.
    await openBoard(staff, world.plan.id)
    const first304 = await staff.get(`/api/plans/${secondPlan.id}/board`)
    const tag = first304.headers.get('etag')!
    await openBoard(staff, world.plan.id)
    const revalidated = await staff.request('GET', `/api/plans/${secondPlan.id}/board`, undefined, {
      headers: { 'if-none-match': tag },
    })
    expect(revalidated.status).toBe(304)
    expect(await lastPlanOf(world.users.staff.id)).toBe(secondPlan.id)
  })

  it('lands a monitor on the plan where cards wait for their review, counted across plans', async () => {
    const { monitor } = sessions
    await board(monitor, world.plan.id)
    expect((await plans(monitor)).landing).toBe(world.plan.id)

    const there = await waitingCard(secondPlan)
    const inbox = await parseResponse(monitor.api.api.inbox.$get())
    expect(inbox.toReview.map((i) => [i.cardId, i.planId])).toEqual([[there, secondPlan.id]])
    // Something waits only in the other plan: land there.
    expect((await plans(monitor)).landing).toBe(secondPlan.id)

    // Once something waits in their last plan too, they stay on it; the count spans both.
    const here = await waitingCard(world.plan)
    const both = await parseResponse(monitor.api.api.inbox.$get())
    expect(new Set(both.toReview.map((i) => i.planId))).toEqual(
      new Set([world.plan.id, secondPlan.id]),
    )
    expect(both.toReview.map((i) => i.cardId).sort()).toEqual([here, there].sort())
    expect((await plans(monitor)).landing).toBe(world.plan.id)

    // Staff have nothing to review: the cards waiting do not move them.
    expect((await plans(sessions.staff)).landing).toBe(secondPlan.id)
  })

  it('lands staff on the plan where a card was sent back to them, with the marker on its tile', async () => {
    const { assignee, monitor } = sessions
    await board(assignee, world.plan.id)
    expect((await plans(assignee)).landing).toBe(world.plan.id)

    const cardId = await waitingCard(secondPlan)
    const before = (await board(monitor, secondPlan.id)).cards.find((c) => c.id === cardId)!
    expect(before.sentBack).toBeNull()
    const reason = 'Biên bản chưa có chữ ký của Hiệu trưởng'
    const moved = await parseResponse(
      monitor.api.api.cards[':cardId'].move.$post({
        param: { cardId },
        json: { to: 'in_progress', version: before.version, reason },
      }),
    )
    // The move's answer carries the marker already (the board's optimistic reconcile).
    expect(moved.card.sentBack).toMatchObject({ reason })

    expect((await plans(assignee)).landing).toBe(secondPlan.id)

    // Every member's board answer carries the marker, with the reason and who sent it back.
    const seen = await board(sessions.staff, secondPlan.id)
    const tile = seen.cards.find((c) => c.id === cardId)!
    expect(tile.sentBack).toMatchObject({ reason })
    expect(tile.sentBack?.reviewer).toBeTruthy()
    expect(Date.parse(tile.sentBack!.at)).not.toBeNaN()
    expect(seen.cards.filter((c) => c.sentBack !== null).map((c) => c.id)).toEqual([cardId])

    // Submitted again: no longer a returned card.
    const resubmitted = await parseResponse(
      assignee.api.api.cards[':cardId'].move.$post({
        param: { cardId },
        json: { to: 'evidence_submitted', version: moved.card.version },
      }),
    )
    expect(resubmitted.card.sentBack).toBeNull()
    const after = await board(assignee, secondPlan.id)
    expect(after.cards.find((c) => c.id === cardId)!.sentBack).toBeNull()

    // Withdrawn before anyone looked: its latest verdict is still the send-back, marked
    // again in the move's answer as on the board.
    const withdrawn = await parseResponse(
      assignee.api.api.cards[':cardId'].move.$post({
        param: { cardId },
        json: { to: 'in_progress', version: resubmitted.card.version },
      }),
    )
    expect(withdrawn.card.sentBack).toMatchObject({ reason })
    const again = await board(assignee, secondPlan.id)
    expect(again.cards.find((c) => c.id === cardId)!.sentBack).toEqual(withdrawn.card.sentBack)
  })

  it('reads the markers of a whole board in a constant number of queries', async () => {
    const { monitor, principal } = sessions
    const read = () => server.countQueries(() => openBoard(principal, secondPlan.id))
    await read() // remembers the plan: the reads below write nothing
    // Each counted read follows a write, so that it builds the board (not the board cache's).
    const some = (await board(principal, secondPlan.id)).cards[0]!
    const comment = await principal.post(`/api/cards/${some.id}/comments`, { body: 'Đã xem' })
    expect(comment.status).toBe(201)
    const few = await read()
    for (let i = 0; i < 6; i++) {
      const cardId = await waitingCard(secondPlan)
      const card = (await board(monitor, secondPlan.id)).cards.find((c) => c.id === cardId)!
      await parseResponse(
        monitor.api.api.cards[':cardId'].move.$post({
          param: { cardId },
          json: { to: 'in_progress', version: card.version, reason: `Lý do ${i}` },
        }),
      )
    }
    const many = await read()
    const body = await parseResponse(openBoard(principal, secondPlan.id))
    expect(body.cards.filter((c) => c.sentBack !== null).length).toBeGreaterThanOrEqual(6)
    expect(many.queries).toBe(few.queries)
  })

  it('lands someone in no plan nowhere, and an outsider never on another school', async () => {
    const mine = await plans(sessions.outsider)
    expect(mine.plans.map((p) => p.id)).toEqual([world.otherPlan.id])
    expect(mine.landing).toBe(world.otherPlan.id)

    const loner = await insertTestUser(server.db, null, [])
    const s = httpSession(server.url)
    await s.login(loner.login)
    expect(await plans(s)).toEqual({ plans: [], landing: null })
  })
})
