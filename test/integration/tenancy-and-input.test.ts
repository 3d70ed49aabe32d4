import { insertTestBody, insertTestOverseer } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint, insertCardInState } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let outsider: HttpSession
let principal: HttpSession
let assignee: HttpSession
let cardId: string

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  outsider = httpSession(server.url)
  await outsider.login(world.outsider.login)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
  cardId = await insertCardInState(server.db, world.plan, {
    status: 'in_progress',
    evidence: true,
    assigneeIds: [world.users.assignee.id],
    createdBy: world.users.assignee.id,
  })
})
afterAll(async () => {
  await server.stop()
})

/** A valid body for every route that takes an id, so only tenancy can refuse it. */
function requestsFor(ids: {
  planId: string
  cardId: string
  evidenceId: string
  schoolId: string
  userId: string
}) {
  const person = `/api/schools/${ids.schoolId}/people/${ids.userId}`
  return {
    'GET /api/schools/:schoolId/people': ['GET', `/api/schools/${ids.schoolId}/people`],
    'GET /api/schools/:schoolId/document-settings': [
      'GET',
      `/api/schools/${ids.schoolId}/document-settings`,
    ],
    'PUT /api/schools/:schoolId/document-settings': [
      'PUT',
      `/api/schools/${ids.schoolId}/document-settings`,
      {
        issuingBody: 'X',
        placeName: null,
        documentSymbol: null,
        overseerName: null,
        signerTitle: null,
        signerName: null,
      },
    ],
    'POST /api/schools/:schoolId/people': [
      'POST',
      `/api/schools/${ids.schoolId}/people`,
      { login: 'tenancy.x', displayName: 'X', roles: ['staff'] },
    ],
    'POST /api/schools/:schoolId/people/import/preview': [
      'POST',
      `/api/schools/${ids.schoolId}/people/import/preview`,
      {},
    ],
    'POST /api/schools/:schoolId/people/import/confirm': [
      'POST',
      `/api/schools/${ids.schoolId}/people/import/confirm`,
      {},
    ],
    'PUT /api/schools/:schoolId/people/:userId/roles': [
      'PUT',
      `${person}/roles`,
      { roles: ['staff'] },
    ],
    'POST /api/schools/:schoolId/people/:userId/deactivate': ['POST', `${person}/deactivate`, {}],
    'POST /api/schools/:schoolId/people/:userId/reactivate': ['POST', `${person}/reactivate`, {}],
    'GET /api/schools/:schoolId/people/:userId/open-cards': ['GET', `${person}/open-cards`],
    'POST /api/schools/:schoolId/people/:userId/reset-password': [
      'POST',
      `${person}/reset-password`,
      {},
    ],
    'GET /api/plans/:planId/board': ['GET', `/api/plans/${ids.planId}/board`],
    'GET /api/plans/:planId/events': ['GET', `/api/plans/${ids.planId}/events`],
    'POST /api/plans/:planId/cards': [
      'POST',
      `/api/plans/${ids.planId}/cards`,
      { tasks: 'Việc mới' },
    ],
    'GET /api/cards/:cardId': ['GET', `/api/cards/${ids.cardId}`],
    'PATCH /api/cards/:cardId': ['PATCH', `/api/cards/${ids.cardId}`, { version: 1, notes: 'x' }],
    'DELETE /api/cards/:cardId': ['DELETE', `/api/cards/${ids.cardId}`, { version: 1 }],
    'PUT /api/cards/:cardId/assignees': [
      'PUT',
      `/api/cards/${ids.cardId}/assignees`,
      { version: 1, assigneeIds: [] },
    ],
    'PUT /api/cards/:cardId/problem': [
      'PUT',
      `/api/cards/${ids.cardId}/problem`,
      { problemId: null },
    ],
    'POST /api/cards/:cardId/move': [
      'POST',
      `/api/cards/${ids.cardId}/move`,
      { to: 'planned', version: 1 },
    ],
    'POST /api/cards/:cardId/reorder': [
      'POST',
      `/api/cards/${ids.cardId}/reorder`,
      { version: 1, beforeCardId: null },
    ],
    'POST /api/cards/:cardId/evidence': [
      'POST',
      `/api/cards/${ids.cardId}/evidence`,
      { kind: 'note', title: 'a', note: 'b' },
    ],
    'POST /api/cards/:cardId/comments': [
      'POST',
      `/api/cards/${ids.cardId}/comments`,
      { body: 'xin chào' },
    ],
    'GET /api/cards/:cardId/activity': ['GET', `/api/cards/${ids.cardId}/activity`],
    'POST /api/plans/:planId/import/preview': [
      'POST',
      `/api/plans/${ids.planId}/import/preview`,
      {},
    ],
    'POST /api/plans/:planId/import/confirm': [
      'POST',
      `/api/plans/${ids.planId}/import/confirm`,
      {},
    ],
    'GET /api/plans/:planId/imports': ['GET', `/api/plans/${ids.planId}/imports`],
    'POST /api/plans/:planId/imports/:importId/undo': [
      'POST',
      `/api/plans/${ids.planId}/imports/${crypto.randomUUID()}/undo`,
      {},
    ],
    'GET /api/plans/:planId/export': ['GET', `/api/plans/${ids.planId}/export?format=csv`],
    'GET /api/plans/:planId/evidence': ['GET', `/api/plans/${ids.planId}/evidence?q=a`],
    'GET /api/plans/:planId/export/bieu-2.docx': [
      'GET',
      `/api/plans/${ids.planId}/export/bieu-2.docx`,
    ],
    'GET /api/plans/:planId/export/evidence-list': [
      'GET',
      `/api/plans/${ids.planId}/export/evidence-list?format=docx`,
    ],
    'GET /api/plans/:planId/review-queue': ['GET', `/api/plans/${ids.planId}/review-queue`],
    'GET /api/plans/:planId/snapshots': ['GET', `/api/plans/${ids.planId}/snapshots`],
    'GET /api/plans/:planId/progress': ['GET', `/api/plans/${ids.planId}/progress`],
    'GET /api/plans/:planId/snapshots/:month': [
      'GET',
      `/api/plans/${ids.planId}/snapshots/2026-10`,
    ],
    'POST /api/plans/:planId/snapshots': ['POST', `/api/plans/${ids.planId}/snapshots`, {}],
    'PUT /api/plans/:planId/snapshots/:month/remarks': [
      'PUT',
      `/api/plans/${ids.planId}/snapshots/2026-10/remarks`,
      { text: 'x' },
    ],
    'GET /api/plans/:planId/snapshots/:month/report': [
      'GET',
      `/api/plans/${ids.planId}/snapshots/2026-10/report`,
    ],
    'POST /api/cards/:cardId/evidence/files': [
      'POST',
      `/api/cards/${ids.cardId}/evidence/files?name=a.pdf`,
      '%PDF-1.4 x',
    ],
    'POST /api/cards/:cardId/evidence/links': [
      'POST',
      `/api/cards/${ids.cardId}/evidence/links`,
      { evidenceId: ids.evidenceId },
    ],
    'GET /api/evidence/:evidenceId/file': ['GET', `/api/evidence/${ids.evidenceId}/file`],
    'GET /api/evidence/:evidenceId/file/:fileName': [
      'GET',
      `/api/evidence/${ids.evidenceId}/file/a.pdf`,
    ],
    'PATCH /api/evidence/:evidenceId': [
      'PATCH',
      `/api/evidence/${ids.evidenceId}`,
      { code: '[H1-1.1-99]' },
    ],
    'DELETE /api/evidence/:evidenceId': ['DELETE', `/api/evidence/${ids.evidenceId}`, {}],
    'PATCH /api/plans/:planId': ['PATCH', `/api/plans/${ids.planId}`, { title: 'Của tôi' }],
    'GET /api/plans/:planId/settings/preview': [
      'GET',
      `/api/plans/${ids.planId}/settings/preview?schoolYear=2027-2028`,
    ],
    'POST /api/plans/:planId/archive': ['POST', `/api/plans/${ids.planId}/archive`],
    'POST /api/plans/:planId/unarchive': ['POST', `/api/plans/${ids.planId}/unarchive`],
    'DELETE /api/plans/:planId': ['DELETE', `/api/plans/${ids.planId}`, {}],
    'POST /api/plans/:planId/restore': ['POST', `/api/plans/${ids.planId}/restore`],
    'GET /api/plans/:planId/deleted-cards': ['GET', `/api/plans/${ids.planId}/deleted-cards`],
    'GET /api/plans/:planId/problems': ['GET', `/api/plans/${ids.planId}/problems`],
    'POST /api/cards/:cardId/restore': ['POST', `/api/cards/${ids.cardId}/restore`, { version: 1 }],
    'GET /api/plans/:planId/council': ['GET', `/api/plans/${ids.planId}/council`],
    'PUT /api/plans/:planId/council': [
      'PUT',
      `/api/plans/${ids.planId}/council`,
      { kind: 'monitoring_team', members: [] },
    ],
    'GET /api/plans/:planId/checkpoints': ['GET', `/api/plans/${ids.planId}/checkpoints`],
    'GET /api/plans/:planId/checkpoints/:checkpoint': [
      'GET',
      `/api/plans/${ids.planId}/checkpoints/semester1`,
    ],
    'POST /api/plans/:planId/checkpoints/:checkpoint/open': [
      'POST',
      `/api/plans/${ids.planId}/checkpoints/semester1/open`,
      { confirmEarly: true },
    ],
    'PATCH /api/plans/:planId/checkpoints/:checkpoint': [
      'PATCH',
      `/api/plans/${ids.planId}/checkpoints/semester1`,
      { result: 'x' },
    ],
    'PUT /api/plans/:planId/checkpoints/:checkpoint/rows/:cardId': [
      'PUT',
      `/api/plans/${ids.planId}/checkpoints/semester1/rows/${ids.cardId}`,
      { level: 'done', reason: 'x' },
    ],
    'POST /api/plans/:planId/checkpoints/:checkpoint/sign': [
      'POST',
      `/api/plans/${ids.planId}/checkpoints/semester1/sign`,
    ],
    'POST /api/plans/:planId/checkpoints/:checkpoint/reopen': [
      'POST',
      `/api/plans/${ids.planId}/checkpoints/semester1/reopen`,
      { reason: 'x' },
    ],
    'GET /api/plans/:planId/checkpoints/:checkpoint/report.docx': [
      'GET',
      `/api/plans/${ids.planId}/checkpoints/semester1/report.docx`,
    ],
    'GET /api/schools/:schoolId/calendars/:schoolYear': [
      'GET',
      `/api/schools/${ids.schoolId}/calendars/2026-2027`,
    ],
    'PUT /api/schools/:schoolId/calendars/:schoolYear': [
      'PUT',
      `/api/schools/${ids.schoolId}/calendars/2026-2027`,
      {
        semester1: { start: '2026-09', end: '2026-12' },
        semester2: { start: '2027-01', end: '2027-05' },
      },
    ],
    'GET /api/schools/:schoolId/years': ['GET', `/api/schools/${ids.schoolId}/years`],
    'GET /api/plans/:planId/evidence-views': ['GET', `/api/plans/${ids.planId}/evidence-views`],
    'GET /api/schools/:schoolId/years/export': ['GET', `/api/schools/${ids.schoolId}/years/export`],
  } as Record<string, [string, string, unknown?]>
}

describe('tenancy', () => {
  it('covers every route of the app that takes an id', () => {
    const idRoutes = server.app.routes
      // The administrator's routes are for no school's member: admin-only, 403 to all others.
      .filter(
        (r) =>
          r.method !== 'ALL' &&
          /:(planId|cardId|evidenceId|schoolId)/.test(r.path) &&
          !r.path.startsWith('/api/admin/'),
      )
      .map((r) => `${r.method} ${r.path}`)
    const none = { planId: '', cardId: '', evidenceId: '', schoolId: '', userId: '' }
    expect(new Set(idRoutes)).toEqual(new Set(Object.keys(requestsFor(none))))
  })

  /** Every route that takes an id, filled with this school's ids (its card's evidence). */
  async function thisSchoolsRequests() {
    const evidence = await server.db
      .selectFrom('evidence')
      .select('id')
      .where('card_id', '=', cardId)
      .executeTakeFirstOrThrow()
    return requestsFor({
      planId: world.plan.id,
      cardId,
      evidenceId: evidence.id,
      schoolId: world.schoolId,
      userId: world.users.staff.id,
    })
  }

  it('answers 404 to a user of another school on every such route, as for an unknown id, changing nothing', async () => {
    const before = await dbFingerprint(server.db)
    const theirs = await thisSchoolsRequests()
    const unknown = requestsFor({
      planId: crypto.randomUUID(),
      cardId: crypto.randomUUID(),
      evidenceId: crypto.randomUUID(),
      schoolId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
    })
    for (const [route, [method, path, body]] of Object.entries(theirs)) {
      const res = await outsider.request(method, path, body)
      expect({ route, status: res.status, code: res.body?.error?.code }).toEqual({
        route,
        status: 404,
        code: 'not_found',
      })
      const [m2, p2, b2] = unknown[route]!
      const ghost = await outsider.request(m2, p2, b2)
      expect({ route, status: ghost.status }).toEqual({ route, status: 404 })
    }
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('answers 404 to an overseer of a body over another school only, on every such route', async () => {
    const bodyId = await insertTestBody(server.db, [world.otherSchoolId])
    const who = await insertTestOverseer(server.db, bodyId)
    const overseer = httpSession(server.url)
    await overseer.login(who.login)
    const before = await dbFingerprint(server.db)
    const theirs = await thisSchoolsRequests()
    for (const [route, [method, path, body]] of Object.entries(theirs)) {
      const res = await overseer.request(method, path, body)
      expect({ route, status: res.status }).toEqual({ route, status: 404 })
    }
    const plans = await overseer.get('/api/plans')
    expect(plans.body.plans.map((p: { id: string }) => p.id)).toEqual([world.otherPlan.id])
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('keeps the other school out of this school too', async () => {
    const res = await principal.get(`/api/cards/${world.otherCard}`)
    expect(res.status).toBe(404)
    const plans = await principal.get('/api/plans')
    expect(plans.body.plans.map((p: { id: string }) => p.id)).toEqual([world.plan.id])
  })

  it('refuses to assign someone from another school', async () => {
    const res = await principal.put(`/api/cards/${cardId}/assignees`, {
      version: 1,
      assigneeIds: [world.outsider.id],
    })
    expect(res.status).toBe(400)
  })
})

describe('malformed input', () => {
  const bad: [string, string, string, unknown, RegExp][] = [
    ['move: not JSON', 'POST', 'move', '{"to": "verified",', /json/i],
    ['move: no status', 'POST', 'move', { version: 1 }, /to/],
    ['move: unknown status', 'POST', 'move', { to: 'done', version: 1 }, /to/],
    ['move: version as text', 'POST', 'move', { to: 'planned', version: '1' }, /version/],
    ['move: no version', 'POST', 'move', { to: 'planned' }, /version/],
    ['move: body is an array', 'POST', 'move', [], /body|expected object/i],
    ['reorder: no version', 'POST', 'reorder', { beforeCardId: null }, /version/],
    [
      'evidence: javascript url',
      'POST',
      'evidence',
      { kind: 'link', title: 'x', url: 'javascript:alert(1)' },
      /url/,
    ],
    ['evidence: unknown kind', 'POST', 'evidence', { kind: 'file', title: 'x' }, /kind/],
    ['comment: empty', 'POST', 'comments', { body: '   ' }, /body/],
    ['edit: bad criterion', 'PATCH', '', { version: 1, criterion: 'một' }, /criterion/],
    [
      'assign: ids not a list',
      'PUT',
      'assignees',
      { version: 1, assigneeIds: 'u1' },
      /assigneeIds/,
    ],
  ]

  it.each(bad)(
    '%s gets 400 naming the problem and changes nothing',
    async (_name, method, sub, body, pattern) => {
      const who = method === 'POST' && sub !== 'comments' ? assignee : principal
      const before = await dbFingerprint(server.db)
      const path = `/api/cards/${cardId}${sub ? `/${sub}` : ''}`
      const res = await who.request(method, path, body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('bad_request')
      expect(res.body.error.message).toMatch(pattern)
      expect(await dbFingerprint(server.db)).toBe(before)
    },
  )

  it('refuses a body that does not say it is JSON, as a cross-site form would send it', async () => {
    const before = await dbFingerprint(server.db)
    const res = await principal.request('POST', `/api/plans/${world.plan.id}/cards`, 'tasks=x', {
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('unsupported_type')
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('refuses a request over the body limit with 413', async () => {
    const before = await dbFingerprint(server.db)
    const res = await principal.post(`/api/cards/${cardId}/comments`, {
      body: 'x'.repeat(2 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('refuses a JSON body streamed without a length as soon as it passes the limit', async () => {
    const before = await dbFingerprint(server.db)
    let sent = 0
    const res = await fetch(`${server.url}/api/cards/${cardId}/comments`, {
      method: 'POST',
      headers: { cookie: principal.cookie, 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          // A client that would go on for ever: the server must stop it, not take it all.
          if (sent > 64 * 1024 * 1024) return controller.close()
          sent += 64 * 1024
          controller.enqueue(
            new TextEncoder().encode(sent === 64 * 1024 ? '{"body":"' : 'x'.repeat(64 * 1024)),
          )
        },
      }),
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e)
    // Either the 413 came back, or the server closed the connection on the sender.
    if (res instanceof Response) {
      expect(res.status).toBe(413)
      expect((await res.json()).error.code).toBe('payload_too_large')
    }
    expect(sent).toBeLessThan(64 * 1024 * 1024)
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('answers a malformed JSON body with 400, and reads one that starts with a byte order mark', async () => {
    const before = await dbFingerprint(server.db)
    const broken = await principal.request(
      'POST',
      `/api/cards/${cardId}/comments`,
      '{"body": "x"',
      {
        headers: { 'content-type': 'application/json' },
      },
    )
    expect(broken.status).toBe(400)
    expect(await dbFingerprint(server.db)).toBe(before)
    const withBom = await principal.request(
      'POST',
      `/api/cards/${cardId}/comments`,
      '\uFEFF{"body": "Đã họp tổ, có biên bản"}',
      { headers: { 'content-type': 'application/json; charset=utf-8' } },
    )
    expect(withBom.status).toBe(201)
    const detail = await principal.get(`/api/cards/${cardId}`)
    expect(
      detail.body.card.comments.find((c: { id: string }) => c.id === withBom.body.comment.id).body,
    ).toBe('Đã họp tổ, có biên bản')
  })
})
