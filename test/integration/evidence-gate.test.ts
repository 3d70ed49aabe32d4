import { allowedTargets, type Actor } from '@caitien/shared'
import { insertTestCard, insertTestUser } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint, insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * The gate at the moment it matters (docs/decisions/015): a submitted card keeps at least
 * one evidence item until it is verified or withdrawn, verifying re-checks the evidence in
 * its own transaction, and nobody who took part in a card verifies it.
 */
let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let bossMonitor: { id: string; login: string }
const s = {} as Record<
  'assignee' | 'staff' | 'monitor' | 'monitorAssignee' | 'principal' | 'bossMonitor',
  HttpSession
>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  bossMonitor = await insertTestUser(server.db, world.schoolId, ['principal', 'monitor'])
  for (const key of ['assignee', 'staff', 'monitor', 'monitorAssignee', 'principal'] as const) {
    s[key] = httpSession(server.url)
    await s[key].login(world.users[key].login)
  }
  s.bossMonitor = httpSession(server.url)
  await s.bossMonitor.login(bossMonitor.login)
})
afterAll(async () => {
  await server.stop()
})

const note = (who: HttpSession, cardId: string, title = 'Biên bản họp tổ') =>
  who.post(`/api/cards/${cardId}/evidence`, { kind: 'note', title, note: 'Đã họp' })

async function versionOf(cardId: string): Promise<number> {
  const row = await server.db
    .selectFrom('card')
    .select('version')
    .where('id', '=', cardId)
    .executeTakeFirstOrThrow()
  return row.version
}

/** A card assigned to these people, started by the first of them. */
async function startedCard(assignees: { id: string }[], who: HttpSession) {
  const id = await insertTestCard(server.db, world.plan, {
    assigneeIds: assignees.map((a) => a.id),
  })
  expect((await who.post(`/api/cards/${id}/move`, { to: 'in_progress', version: 1 })).status).toBe(
    200,
  )
  return id
}

async function move(who: HttpSession, cardId: string, to: string, reason?: string) {
  return who.post(`/api/cards/${cardId}/move`, { to, version: await versionOf(cardId), reason })
}

async function boardCard(cardId: string) {
  const board = await s.principal.get(`/api/plans/${world.plan.id}/board`)
  return (board.body.cards as { id: string }[]).find((c) => c.id === cardId) as Parameters<
    typeof allowedTargets
  >[0] & { id: string; involvedIds: string[] }
}

async function setAssignees(cardId: string, assigneeIds: string[], who = s.principal) {
  const res = await who.put(`/api/cards/${cardId}/assignees`, {
    version: await versionOf(cardId),
    assigneeIds,
  })
  expect(res.status).toBe(200)
  return res
}

describe('a submitted card keeps its evidence', () => {
  it('refuses to delete the last item of a submitted card, says to withdraw first, and allows it after', async () => {
    const card = await startedCard([world.users.assignee], s.assignee)
    const first = await note(s.assignee, card, 'Biên bản 1')
    const second = await note(s.assignee, card, 'Biên bản 2')
    expect((await move(s.assignee, card, 'evidence_submitted')).status).toBe(200)

    // One of two may go; the last one may not.
    expect((await s.assignee.delete(`/api/evidence/${first.body.evidence.id}`)).status).toBe(200)
    const before = await dbFingerprint(server.db)
    const refused = await s.assignee.delete(`/api/evidence/${second.body.evidence.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('conflict')
    expect(refused.body.error.message).toBe(
      'Đây là minh chứng cuối cùng của một thẻ đang chờ xác nhận. Hãy rút thẻ về “Đang thực hiện” trước, rồi mới xoá minh chứng.',
    )
    expect(await dbFingerprint(server.db)).toBe(before)
    const queue = await s.monitor.get(`/api/plans/${world.plan.id}/review-queue`)
    const entry = queue.body.queue.find((q: { card: { id: string } }) => q.card.id === card)
    expect(entry.card.evidenceCount).toBe(1)

    // Withdrawn, the card is work in progress again: its evidence is the assignee's to change.
    expect((await move(s.assignee, card, 'in_progress')).status).toBe(200)
    expect((await s.assignee.delete(`/api/evidence/${second.body.evidence.id}`)).status).toBe(200)
    expect((await move(s.assignee, card, 'evidence_submitted')).body.error.code).toBe(
      'evidence_missing',
    )
  })

  it('refuses to delete an item where it is linked to a submitted card as that card’s only evidence', async () => {
    const home = await startedCard([world.users.assignee], s.assignee)
    const other = await startedCard([world.users.assignee], s.assignee)
    const item = await note(s.assignee, home, 'Kế hoạch chung')
    expect(
      (
        await s.assignee.post(`/api/cards/${other}/evidence/links`, {
          evidenceId: item.body.evidence.id,
        })
      ).status,
    ).toBe(201)
    // The home card has a second item; the other card has only the link.
    await note(s.assignee, home, 'Ảnh hoạt động')
    expect((await move(s.assignee, other, 'evidence_submitted')).status).toBe(200)
    const res = await s.assignee.delete(`/api/evidence/${item.body.evidence.id}`)
    expect(res.status).toBe(409)
    expect((await boardCard(other)).evidenceCount).toBe(1)
  })

  it('refuses to verify a submitted card that has no evidence left, in English too', async () => {
    // A card left without evidence by data written before this rule.
    const card = await insertCardInState(server.db, world.plan, {
      status: 'evidence_submitted',
      evidence: false,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const before = await dbFingerprint(server.db)
    const res = await fetch(`${server.url}/api/cards/${card}/move`, {
      method: 'POST',
      headers: {
        cookie: `${s.monitor.cookie}; caitien_lang=en`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ to: 'verified', version: 1 }),
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: unknown }).error).toEqual({
      code: 'evidence_missing',
      message: 'Add at least one evidence item before moving to "Verified".',
    })
    expect(await dbFingerprint(server.db)).toBe(before)
    // The monitor can still send it back.
    expect((await move(s.monitor, card, 'in_progress', 'Chưa có minh chứng')).status).toBe(200)
  })
})

describe('nobody who took part verifies', () => {
  it('refuses the monitor who uploaded and submitted, after the principal reassigned the card', async () => {
    const card = await startedCard([world.users.monitorAssignee], s.monitorAssignee)
    await note(s.monitorAssignee, card)
    expect((await move(s.monitorAssignee, card, 'evidence_submitted')).status).toBe(200)
    await setAssignees(card, [world.users.assignee.id])

    const seen = await boardCard(card)
    expect(seen.assigneeIds).toEqual([world.users.assignee.id])
    expect(seen.involvedIds).toContain(world.users.monitorAssignee.id)
    const me: Actor = { id: world.users.monitorAssignee.id, roles: ['monitor', 'staff'] }
    expect(allowedTargets(seen, me)).not.toContain('verified')
    const queue = await s.monitorAssignee.get(`/api/plans/${world.plan.id}/review-queue`)
    expect(queue.body.queue.find((q: { card: { id: string } }) => q.card.id === card).ownCard).toBe(
      true,
    )
    // Nor does their inbox ask them to review it.
    const toReview = async (who: HttpSession) =>
      ((await who.get('/api/inbox')).body.toReview as { cardId: string }[]).map((i) => i.cardId)
    expect(await toReview(s.monitorAssignee)).not.toContain(card)
    expect(await toReview(s.monitor)).toContain(card)

    const before = await dbFingerprint(server.db)
    const res = await move(s.monitorAssignee, card, 'verified')
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('own_card')
    expect(res.body.error.message).toContain('Bạn đã tham gia thực hiện thẻ này')
    expect(await dbFingerprint(server.db)).toBe(before)
    // Another monitor, who took no part, may.
    expect((await move(s.monitor, card, 'verified')).status).toBe(200)
  })

  it('refuses a principal-and-monitor who submitted the card and then cleared its assignees', async () => {
    const card = await startedCard([bossMonitor], s.bossMonitor)
    await note(s.bossMonitor, card)
    expect((await move(s.bossMonitor, card, 'evidence_submitted')).status).toBe(200)
    await setAssignees(card, [], s.bossMonitor)
    const res = await move(s.bossMonitor, card, 'verified')
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('own_card')
  })

  it('refuses whoever was assigned at submission, and a linker, once no longer assigned', async () => {
    // Assigned when it was submitted; the assignee uploaded and submitted.
    const card = await startedCard([world.users.assignee, world.users.monitorAssignee], s.assignee)
    await note(s.assignee, card)
    expect((await move(s.assignee, card, 'evidence_submitted')).status).toBe(200)
    await setAssignees(card, [world.users.assignee.id])
    expect((await move(s.monitorAssignee, card, 'verified')).body.error.code).toBe('own_card')

    // Linked an item to the card, then was unassigned before someone else submitted it.
    const source = await startedCard([world.users.monitorAssignee], s.monitorAssignee)
    const item = await note(s.monitorAssignee, source, 'Tài liệu dùng chung')
    const linked = await startedCard(
      [world.users.assignee, world.users.monitorAssignee],
      s.assignee,
    )
    expect(
      (
        await s.monitorAssignee.post(`/api/cards/${linked}/evidence/links`, {
          evidenceId: item.body.evidence.id,
        })
      ).status,
    ).toBe(201)
    await setAssignees(linked, [world.users.assignee.id])
    expect((await move(s.assignee, linked, 'evidence_submitted')).status).toBe(200)
    expect((await move(s.monitorAssignee, linked, 'verified')).body.error.code).toBe('own_card')
    expect((await move(s.monitor, linked, 'verified')).status).toBe(200)
  })

  it('answers a move with the card as the board shows it, people who took part included', async () => {
    const card = await startedCard([world.users.assignee], s.assignee)
    await note(s.assignee, card)
    const res = await move(s.assignee, card, 'evidence_submitted')
    expect(res.status).toBe(200)
    expect(res.body.card).toEqual(await boardCard(card))
    expect(res.body.card.involvedIds).toEqual([world.users.assignee.id])
  })
})
