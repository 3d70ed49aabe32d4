import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  insertTestBody,
  insertTestCard,
  insertTestPlan,
  insertTestUser,
} from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * Every route × every role, generated from the app's route table: a route added without
 * a line here fails the first test. Another school and no session are covered for every
 * route in tenancy-and-input.test.ts and session.test.ts.
 */
const PERSONAS = ['assignee', 'staff', 'monitor', 'principal', 'overseer', 'admin'] as const
type Persona = (typeof PERSONAS)[number]
type Expect = Record<Persona, number>

const all = (status: number): Expect => ({
  assignee: status,
  staff: status,
  monitor: status,
  principal: status,
  overseer: status,
  admin: status,
})
/** A write every member of the school may make; an overseer reads and changes nothing. */
const members = (status: number): Expect => ({ ...all(status), overseer: 403, admin: 404 })
/** A read of the school: its members and the overseers of a body that oversees it. */
const readers = (status: number): Expect => ({ ...all(status), admin: 404 })
const principalOnly = (status: number): Expect => ({
  assignee: 403,
  staff: 403,
  monitor: 403,
  principal: status,
  overseer: 403,
  admin: 404,
})
/** The plan's progress: the monitoring team, the principal and the school's overseers. */
const followers = (status: number): Expect => ({
  assignee: 403,
  staff: 403,
  monitor: status,
  principal: status,
  overseer: status,
  admin: 404,
})
/** The school's principal, and the system administrator for every school. */
const peopleManagers = (status: number): Expect => ({
  assignee: 403,
  staff: 403,
  monitor: 403,
  principal: status,
  overseer: 403,
  admin: status,
})
const adminOnly = (status: number): Expect => ({
  assignee: 403,
  staff: 403,
  monitor: 403,
  principal: 403,
  overseer: 403,
  admin: status,
})
/** A body's own people: its overseers; everyone else is answered 404 (docs/decisions/029). */
const bodyPeople = (status: number): Expect => ({
  assignee: 404,
  staff: 404,
  monitor: 404,
  principal: 404,
  overseer: status,
  admin: 404,
})
const workers = (status: number): Expect => ({
  assignee: status,
  staff: 403,
  monitor: 403,
  principal: status,
  overseer: 403,
  admin: 404,
})

interface Ctx {
  planId: string
  importId: string
  cardId: string
  evidenceId: string
  otherEvidenceId: string
  schoolId: string
  /** A new plan of the school, for the routes that archive or delete one. */
  freshPlanId: string
  /** A deleted plan and a deleted card of the school, for their restore. */
  deletedPlanId: string
  deletedCardId: string
  /** A new staff member of the school, per request, for the routes that change a person. */
  personId: string
  /** Another school: the administrator deactivates this one, not the world's. */
  otherSchoolId: string
  /** A plan of the school whose "Cuối học kỳ I" review is open (signed, for its reopen). */
  reviewPlanId: string
  reviewCardId: string
  /** The body overseeing the school; a signed review of the school, for a body's answer. */
  bodyId: string
  signedReviewId: string
  /** A body of its own per request, for the routes that change one. */
  freshBodyId: string
}
type Request = [method: string, path: string, body?: unknown]

const plan002 = readFileSync(
  fileURLToPath(new URL('../fixtures/plans/plan-002.docx', import.meta.url)),
)
const upload = () => {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(plan002)]), 'plan-002.docx')
  return form
}

const staffList = readFileSync(
  fileURLToPath(new URL('../fixtures/staff/staff-list.xlsx', import.meta.url)),
)
const staffUpload = () => {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(staffList)]), 'staff-list.xlsx')
  return form
}
let logins = 0

const MATRIX: Record<string, { request: (c: Ctx) => Request; expect: Expect }> = {
  'GET /api/session/demo': { request: () => ['GET', '/api/session/demo'], expect: all(200) },
  'PATCH /api/session/me': {
    request: () => ['PATCH', '/api/session/me', { phone: '0900 111 222' }],
    expect: all(200),
  },
  'POST /api/session/logout-others': {
    request: () => ['POST', '/api/session/logout-others'],
    expect: all(200),
  },
  'GET /api/schools/:schoolId/people': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/people`],
    expect: peopleManagers(200),
  },
  'POST /api/schools/:schoolId/people': {
    request: (c) => [
      'POST',
      `/api/schools/${c.schoolId}/people`,
      { login: `matrix.${++logins}`, displayName: 'Cô Ma Trận', roles: ['staff'] },
    ],
    expect: peopleManagers(201),
  },
  'POST /api/schools/:schoolId/people/import/preview': {
    request: (c) => ['POST', `/api/schools/${c.schoolId}/people/import/preview`, staffUpload()],
    expect: peopleManagers(200),
  },
  'POST /api/schools/:schoolId/people/import/confirm': {
    request: (c) => ['POST', `/api/schools/${c.schoolId}/people/import/confirm`, staffUpload()],
    expect: peopleManagers(200),
  },
  'PUT /api/schools/:schoolId/people/:userId/roles': {
    request: (c) => [
      'PUT',
      `/api/schools/${c.schoolId}/people/${c.personId}/roles`,
      { roles: ['staff', 'monitor'] },
    ],
    expect: peopleManagers(200),
  },
  'POST /api/schools/:schoolId/people/:userId/deactivate': {
    request: (c) => ['POST', `/api/schools/${c.schoolId}/people/${c.personId}/deactivate`],
    expect: peopleManagers(200),
  },
  'POST /api/schools/:schoolId/people/:userId/reactivate': {
    request: (c) => ['POST', `/api/schools/${c.schoolId}/people/${c.personId}/reactivate`],
    expect: peopleManagers(200),
  },
  'GET /api/schools/:schoolId/people/:userId/open-cards': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/people/${c.personId}/open-cards`],
    expect: peopleManagers(200),
  },
  'POST /api/schools/:schoolId/people/:userId/reset-password': {
    request: (c) => ['POST', `/api/schools/${c.schoolId}/people/${c.personId}/reset-password`],
    expect: peopleManagers(200),
  },
  'GET /api/admin/schools': {
    request: () => ['GET', '/api/admin/schools'],
    expect: adminOnly(200),
  },
  'POST /api/admin/schools': {
    request: () => [
      'POST',
      '/api/admin/schools',
      {
        name: 'Trường mới',
        schoolLevel: 'primary',
        principal: { login: `ht.matrix.${++logins}`, displayName: 'Hiệu trưởng' },
      },
    ],
    expect: adminOnly(201),
  },
  'POST /api/admin/schools/:schoolId/deactivate': {
    request: (c) => ['POST', `/api/admin/schools/${c.otherSchoolId}/deactivate`],
    expect: adminOnly(200),
  },
  'POST /api/admin/schools/:schoolId/reactivate': {
    request: (c) => ['POST', `/api/admin/schools/${c.otherSchoolId}/reactivate`],
    expect: adminOnly(200),
  },
  'POST /api/session/login': {
    request: () => ['POST', '/api/session/login', { login: 'x', password: 'wrong-password' }],
    expect: all(401),
  },
  'POST /api/session/logout': { request: () => ['POST', '/api/session/logout'], expect: all(200) },
  'POST /api/session/password': {
    request: () => [
      'POST',
      '/api/session/password',
      { currentPassword: 'not-it', newPassword: 'hoa-sen-trong-dam-2026' },
    ],
    expect: all(403),
  },
  'GET /api/session/me': { request: () => ['GET', '/api/session/me'], expect: all(200) },
  'GET /api/plans': { request: () => ['GET', '/api/plans'], expect: all(200) },
  'POST /api/plans': {
    request: (c) => [
      'POST',
      '/api/plans',
      {
        schoolId: c.schoolId,
        title: 'KH',
        schoolYear: '2026-2027',
        frameworkId: 'TT18-2018@2018-10-10',
      },
    ],
    expect: principalOnly(201),
  },
  'GET /api/plans/deleted': { request: () => ['GET', '/api/plans/deleted'], expect: all(200) },
  'PATCH /api/plans/:planId': {
    request: (c) => ['PATCH', `/api/plans/${c.freshPlanId}`, { title: 'Kế hoạch đổi tên' }],
    expect: principalOnly(200),
  },
  'GET /api/plans/:planId/settings/preview': {
    request: (c) => ['GET', `/api/plans/${c.planId}/settings/preview?schoolYear=2027-2028`],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/archive': {
    request: (c) => ['POST', `/api/plans/${c.freshPlanId}/archive`],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/unarchive': {
    request: (c) => ['POST', `/api/plans/${c.freshPlanId}/unarchive`],
    expect: principalOnly(200),
  },
  'DELETE /api/plans/:planId': {
    request: (c) => ['DELETE', `/api/plans/${c.freshPlanId}`, {}],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/restore': {
    request: (c) => ['POST', `/api/plans/${c.deletedPlanId}/restore`],
    expect: principalOnly(200),
  },
  'GET /api/plans/:planId/deleted-cards': {
    request: (c) => ['GET', `/api/plans/${c.planId}/deleted-cards`],
    expect: principalOnly(200),
  },
  'POST /api/cards/:cardId/restore': {
    request: (c) => ['POST', `/api/cards/${c.deletedCardId}/restore`, { version: 1 }],
    expect: principalOnly(200),
  },
  'GET /api/frameworks': { request: () => ['GET', '/api/frameworks'], expect: all(200) },
  'GET /api/inbox': { request: () => ['GET', '/api/inbox'], expect: all(200) },
  'POST /api/inbox/seen': { request: () => ['POST', '/api/inbox/seen'], expect: all(200) },
  'GET /api/plans/:planId/board': {
    request: (c) => ['GET', `/api/plans/${c.planId}/board`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/problems': {
    request: (c) => ['GET', `/api/plans/${c.planId}/problems`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/events': {
    request: (c) => ['GET', `/api/plans/${c.planId}/events`],
    expect: readers(200),
  },
  'POST /api/plans/:planId/cards': {
    request: (c) => ['POST', `/api/plans/${c.planId}/cards`, { tasks: 'Việc mới' }],
    expect: principalOnly(201),
  },
  'POST /api/plans/:planId/import/preview': {
    request: (c) => ['POST', `/api/plans/${c.planId}/import/preview`, upload()],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/import/confirm': {
    request: (c) => ['POST', `/api/plans/${c.planId}/import/confirm`, upload()],
    expect: principalOnly(200),
  },
  'POST /api/plans/import/read': {
    request: (c) => ['POST', `/api/plans/import/read?schoolId=${c.schoolId}`, upload()],
    expect: principalOnly(200),
  },
  'GET /api/plans/:planId/imports': {
    request: (c) => ['GET', `/api/plans/${c.planId}/imports`],
    expect: readers(200),
  },
  'POST /api/plans/:planId/imports/:importId/undo': {
    request: (c) => ['POST', `/api/plans/${c.planId}/imports/${c.importId}/undo`],
    expect: principalOnly(200),
  },
  'GET /api/plans/:planId/export': {
    request: (c) => ['GET', `/api/plans/${c.planId}/export?format=csv`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/evidence': {
    request: (c) => ['GET', `/api/plans/${c.planId}/evidence?q=minh`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/export/bieu-2.docx': {
    request: (c) => ['GET', `/api/plans/${c.planId}/export/bieu-2.docx`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/export/evidence-list': {
    request: (c) => ['GET', `/api/plans/${c.planId}/export/evidence-list?format=xlsx`],
    expect: readers(200),
  },
  'GET /api/schools/:schoolId/document-settings': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/document-settings`],
    expect: peopleManagers(200),
  },
  'PUT /api/schools/:schoolId/document-settings': {
    request: (c) => [
      'PUT',
      `/api/schools/${c.schoolId}/document-settings`,
      {
        issuingBody: 'UBND xã Hòa Bình',
        placeName: 'Hòa Bình',
        documentSymbol: null,
        overseerName: null,
        signerTitle: null,
        signerName: null,
      },
    ],
    expect: peopleManagers(200),
  },
  'GET /api/plans/:planId/review-queue': {
    request: (c) => ['GET', `/api/plans/${c.planId}/review-queue`],
    expect: followers(200),
  },
  'GET /api/plans/:planId/progress': {
    request: (c) => ['GET', `/api/plans/${c.planId}/progress`],
    expect: followers(200),
  },
  'GET /api/plans/:planId/snapshots': {
    request: (c) => ['GET', `/api/plans/${c.planId}/snapshots`],
    expect: followers(200),
  },
  'POST /api/plans/:planId/snapshots': {
    request: (c) => ['POST', `/api/plans/${c.planId}/snapshots`],
    expect: principalOnly(201),
  },
  'GET /api/plans/:planId/snapshots/:month': {
    request: (c) => ['GET', `/api/plans/${c.planId}/snapshots/2026-10`],
    expect: followers(200),
  },
  'PUT /api/plans/:planId/snapshots/:month/remarks': {
    request: (c) => [
      'PUT',
      `/api/plans/${c.planId}/snapshots/2026-10/remarks`,
      { text: 'Nhận xét' },
    ],
    expect: { assignee: 403, staff: 403, monitor: 200, principal: 403, overseer: 403, admin: 404 },
  },
  'GET /api/plans/:planId/snapshots/:month/report': {
    request: (c) => ['GET', `/api/plans/${c.planId}/snapshots/2026-10/report?format=xlsx`],
    expect: followers(200),
  },
  'GET /api/cards/:cardId': {
    request: (c) => ['GET', `/api/cards/${c.cardId}`],
    expect: readers(200),
  },
  'PATCH /api/cards/:cardId': {
    request: (c) => ['PATCH', `/api/cards/${c.cardId}`, { version: 1, notes: 'Ghi chú' }],
    expect: principalOnly(200),
  },
  'DELETE /api/cards/:cardId': {
    request: (c) => ['DELETE', `/api/cards/${c.cardId}`, { version: 1 }],
    expect: principalOnly(200),
  },
  'PUT /api/cards/:cardId/assignees': {
    request: (c) => ['PUT', `/api/cards/${c.cardId}/assignees`, { version: 1, assigneeIds: [] }],
    expect: principalOnly(200),
  },
  'PUT /api/cards/:cardId/problem': {
    request: (c) => ['PUT', `/api/cards/${c.cardId}/problem`, { problemId: null }],
    expect: principalOnly(200),
  },
  'POST /api/cards/:cardId/move': {
    request: (c) => ['POST', `/api/cards/${c.cardId}/move`, { to: 'in_progress', version: 1 }],
    expect: workers(200),
  },
  'POST /api/cards/:cardId/reorder': {
    request: (c) => ['POST', `/api/cards/${c.cardId}/reorder`, { version: 1, beforeCardId: null }],
    expect: workers(200),
  },
  'POST /api/cards/:cardId/evidence': {
    request: (c) => [
      'POST',
      `/api/cards/${c.cardId}/evidence`,
      { kind: 'note', title: 'Biên bản', note: 'x' },
    ],
    expect: workers(201),
  },
  'POST /api/cards/:cardId/evidence/files': {
    request: (c) => [
      'POST',
      `/api/cards/${c.cardId}/evidence/files?name=a.pdf`,
      new TextEncoder().encode('%PDF-1.4\n%%EOF'),
    ],
    expect: workers(201),
  },
  'POST /api/cards/:cardId/evidence/links': {
    request: (c) => [
      'POST',
      `/api/cards/${c.cardId}/evidence/links`,
      { evidenceId: c.otherEvidenceId },
    ],
    expect: workers(201),
  },
  'POST /api/cards/:cardId/comments': {
    request: (c) => ['POST', `/api/cards/${c.cardId}/comments`, { body: 'Ý kiến' }],
    expect: members(201),
  },
  'GET /api/cards/:cardId/activity': {
    request: (c) => ['GET', `/api/cards/${c.cardId}/activity`],
    expect: readers(200),
  },
  'GET /api/evidence/:evidenceId/file': {
    request: (c) => ['GET', `/api/evidence/${c.evidenceId}/file`],
    expect: readers(200),
  },
  'GET /api/evidence/:evidenceId/file/:fileName': {
    request: (c) => ['GET', `/api/evidence/${c.evidenceId}/file/minh-chung.pdf`],
    expect: readers(200),
  },
  'PATCH /api/evidence/:evidenceId': {
    request: (c) => [
      'PATCH',
      `/api/evidence/${c.evidenceId}`,
      { code: `[H9-9.9-${Math.floor(Math.random() * 1e6)}]` },
    ],
    expect: principalOnly(200),
  },
  'DELETE /api/evidence/:evidenceId': {
    request: (c) => ['DELETE', `/api/evidence/${c.evidenceId}`],
    expect: {
      assignee: 200,
      staff: 403,
      monitor: 403,
      principal: 403,
      overseer: 403,
      admin: 404,
    },
  },
  'GET /api/plans/:planId/council': {
    request: (c) => ['GET', `/api/plans/${c.planId}/council`],
    expect: readers(200),
  },
  'PUT /api/plans/:planId/council': {
    request: (c) => [
      'PUT',
      `/api/plans/${c.freshPlanId}/council`,
      { kind: 'self_assessment_council', members: [] },
    ],
    expect: principalOnly(200),
  },
  'GET /api/plans/:planId/checkpoints': {
    request: (c) => ['GET', `/api/plans/${c.planId}/checkpoints`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/checkpoints/:checkpoint': {
    request: (c) => ['GET', `/api/plans/${c.reviewPlanId}/checkpoints/semester1`],
    expect: readers(200),
  },
  'GET /api/plans/:planId/checkpoints/:checkpoint/report.docx': {
    request: (c) => ['GET', `/api/plans/${c.reviewPlanId}/checkpoints/semester1/report.docx`],
    expect: readers(200),
  },
  // The monitoring team's members are not the council's: the principal (or its chair) runs it.
  'POST /api/plans/:planId/checkpoints/:checkpoint/open': {
    request: (c) => [
      'POST',
      `/api/plans/${c.freshPlanId}/checkpoints/semester1/open`,
      { confirmEarly: true },
    ],
    expect: principalOnly(201),
  },
  'PATCH /api/plans/:planId/checkpoints/:checkpoint': {
    request: (c) => [
      'PATCH',
      `/api/plans/${c.reviewPlanId}/checkpoints/semester1`,
      { adjustment: 'Điều chỉnh' },
    ],
    expect: principalOnly(200),
  },
  'PUT /api/plans/:planId/checkpoints/:checkpoint/rows/:cardId': {
    request: (c) => [
      'PUT',
      `/api/plans/${c.reviewPlanId}/checkpoints/semester1/rows/${c.reviewCardId}`,
      { level: 'done', reason: 'Đã họp hội đồng' },
    ],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/checkpoints/:checkpoint/sign': {
    request: (c) => ['POST', `/api/plans/${c.reviewPlanId}/checkpoints/semester1/sign`],
    expect: principalOnly(200),
  },
  'POST /api/plans/:planId/checkpoints/:checkpoint/reopen': {
    request: (c) => [
      'POST',
      `/api/plans/${c.reviewPlanId}/checkpoints/semester1/reopen`,
      { reason: 'Bổ sung minh chứng' },
    ],
    expect: principalOnly(200),
  },
  'GET /api/schools/:schoolId/calendars/:schoolYear': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/calendars/2026-2027`],
    expect: readers(200),
  },
  'PUT /api/schools/:schoolId/calendars/:schoolYear': {
    request: (c) => [
      'PUT',
      `/api/schools/${c.schoolId}/calendars/2026-2027`,
      {
        semester1: { start: '2026-09', end: '2026-12' },
        semester2: { start: '2027-01', end: '2027-05' },
      },
    ],
    expect: principalOnly(200),
  },
  'GET /api/bodies': { request: () => ['GET', '/api/bodies'], expect: all(200) },
  'GET /api/bodies/:bodyId/rollup': {
    request: (c) => ['GET', `/api/bodies/${c.bodyId}/rollup?attention=1`],
    expect: bodyPeople(200),
  },
  'GET /api/bodies/:bodyId/rollup/export': {
    request: (c) => ['GET', `/api/bodies/${c.bodyId}/rollup/export`],
    expect: bodyPeople(200),
  },
  'POST /api/bodies/:bodyId/reviews/:reviewId/answer': {
    request: (c) => [
      'POST',
      `/api/bodies/${c.bodyId}/reviews/${c.signedReviewId}/answer`,
      { verdict: 'sent_back', reason: 'Bổ sung minh chứng tiêu chí 2.1' },
    ],
    expect: bodyPeople(200),
  },
  // The body's lead and the administrator create its accounts; a plain overseer may not.
  'POST /api/bodies/:bodyId/overseers': {
    request: (c) => [
      'POST',
      `/api/bodies/${c.bodyId}/overseers`,
      { login: `cq.matrix.${++logins}`, displayName: 'Chuyên viên' },
    ],
    expect: { ...bodyPeople(403), admin: 201 },
  },
  'GET /api/admin/bodies': { request: () => ['GET', '/api/admin/bodies'], expect: adminOnly(200) },
  'POST /api/admin/bodies': {
    request: () => [
      'POST',
      '/api/admin/bodies',
      { kind: 'commune_office', name: 'Phòng Văn hóa - Xã hội xã Ma Trận' },
    ],
    expect: adminOnly(201),
  },
  'PUT /api/admin/bodies/:bodyId/schools': {
    request: (c) => [
      'PUT',
      `/api/admin/bodies/${c.freshBodyId}/schools`,
      { schoolIds: [c.otherSchoolId] },
    ],
    expect: adminOnly(200),
  },
  'GET /api/plans/:planId/evidence-views': {
    request: (c) => ['GET', `/api/plans/${c.planId}/evidence-views`],
    expect: readers(200),
  },
  'GET /api/schools/:schoolId/years': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/years`],
    expect: followers(200),
  },
  'GET /api/schools/:schoolId/years/export': {
    request: (c) => ['GET', `/api/schools/${c.schoolId}/years/export`],
    expect: followers(200),
  },
}

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
const users = {} as Record<Persona, { id: string; login: string }>
const sessions = {} as Record<Persona, HttpSession>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  users.assignee = world.users.assignee
  users.staff = world.users.staff
  users.monitor = world.users.monitor
  users.principal = world.users.principal
  users.overseer = world.overseer
  users.admin = await insertTestUser(server.db, null, [], { isAdmin: true })
  for (const persona of PERSONAS) {
    sessions[persona] = httpSession(server.url)
    await sessions[persona].login(users[persona].login)
  }
  await server.db
    .insertInto('framework')
    .values({
      id: 'TT18-2018@2018-10-10',
      code: 'TT18-2018',
      version: '2018-10-10',
      title: 'TT18',
      school_level: 'secondary',
      effective_from: null,
      source: null,
      created_at: new Date().toISOString(),
    })
    .execute()
})
afterAll(async () => {
  await server.stop()
})

/** A fresh planned card assigned to the assignee, with a file they uploaded, per request. */
async function freshContext(uploader: HttpSession, route: string): Promise<Ctx> {
  const cardId = await insertTestCard(server.db, world.plan, {
    assigneeIds: [world.users.assignee.id],
    criterion: '2.1',
  })
  const other = await insertTestCard(server.db, world.plan, {
    assigneeIds: [world.users.assignee.id],
    criterion: '2.2',
  })
  const file = (id: string) =>
    uploader.request(
      'POST',
      `/api/cards/${id}/evidence/files?name=minh-chung.pdf`,
      new TextEncoder().encode(`%PDF-1.4\n% ${id}\n%%EOF`),
      {
        headers: { 'content-type': 'application/octet-stream' },
      },
    )
  const [own, foreign] = await Promise.all([file(cardId), file(other)])
  // An import of nothing, to undo: the undo route's own record.
  const importId = crypto.randomUUID()
  await server.db
    .insertInto('plan_import')
    .values({
      id: importId,
      school_id: world.schoolId,
      plan_id: world.plan.id,
      actor_id: world.users.principal.id,
      at: new Date().toISOString(),
      file_name: 'ke-hoach.docx',
      file_hash: '0'.repeat(64),
      created_count: 0,
      updated_count: 0,
      unchanged_count: 0,
      detail: JSON.stringify({ timeframes: 'keep', created: [], changed: [] }),
      undone_at: null,
      undone_by: null,
      undo_detail: null,
    })
    .execute()
  const freshPlan = await insertTestPlan(server.db, world.schoolId)
  const deletedPlan = await insertTestPlan(server.db, world.schoolId)
  const deletedCardId = await insertTestCard(server.db, world.plan)
  const now = new Date().toISOString()
  await server.db
    .updateTable('plan')
    .set({ deleted_at: now })
    .where('id', '=', deletedPlan.id)
    .execute()
  await server.db
    .updateTable('card')
    .set({ deleted_at: now })
    .where('id', '=', deletedCardId)
    .execute()
  // A plan with its semester review open, for the routes that change one (signed for reopen).
  let reviewPlanId = ''
  let reviewCardId = ''
  if (route.includes('/checkpoints/:checkpoint') && !route.endsWith('/open')) {
    const reviewPlan = await insertTestPlan(server.db, world.schoolId)
    reviewCardId = await insertTestCard(server.db, reviewPlan)
    reviewPlanId = reviewPlan.id
    const path = `/api/plans/${reviewPlanId}/checkpoints/semester1`
    const opened = await sessions.principal.post(`${path}/open`, { confirmEarly: true })
    expect(opened.status).toBe(201)
    if (route.endsWith('/reopen')) {
      expect((await sessions.principal.post(`${path}/sign`)).status).toBe(200)
    }
  }
  // A signed review of the school, for a body's answer (one answer per signing).
  let signedReviewId = ''
  if (route.includes('/reviews/:reviewId/answer')) {
    const reviewPlan = await insertTestPlan(server.db, world.schoolId)
    await insertTestCard(server.db, reviewPlan)
    const path = `/api/plans/${reviewPlan.id}/checkpoints/semester1`
    expect((await sessions.principal.post(`${path}/open`, { confirmEarly: true })).status).toBe(201)
    expect((await sessions.principal.post(`${path}/sign`)).status).toBe(200)
    const review = await server.db
      .selectFrom('checkpoint_review')
      .select('id')
      .where('plan_id', '=', reviewPlan.id)
      .executeTakeFirstOrThrow()
    signedReviewId = review.id
  }
  const freshBodyId = route.startsWith('PUT /api/admin/bodies')
    ? await insertTestBody(server.db, [])
    : ''
  // The uploads bumped nothing: the card is still at version 1.
  return {
    bodyId: world.bodyId,
    signedReviewId,
    freshBodyId,
    reviewPlanId,
    reviewCardId,
    planId: world.plan.id,
    importId,
    cardId,
    evidenceId: own.body.evidence.id,
    otherEvidenceId: foreign.body.evidence.id,
    schoolId: world.schoolId,
    freshPlanId: freshPlan.id,
    deletedPlanId: deletedPlan.id,
    deletedCardId,
    personId: route.includes('/people/:userId')
      ? (await insertTestUser(server.db, world.schoolId, ['staff'])).id
      : '',
    otherSchoolId: world.otherSchoolId,
  }
}

describe('the access matrix', () => {
  it('has a rule for every route of the app', () => {
    const routes = new Set(
      server.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    )
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort())
  })

  it.each(
    Object.entries(MATRIX).flatMap(([route, rule]) =>
      PERSONAS.map((persona) => ({ route, persona, rule })),
    ),
  )('$route as $persona', async ({ route, persona, rule }) => {
    const ctx = await freshContext(sessions.assignee, route)
    // Logging out ends a session: that one request gets a session of its own. (Signing out
    // of the other devices keeps the session it is sent with: it ends no other one here.)
    const ends = route.endsWith('/logout')
    const who = ends ? httpSession(server.url) : sessions[persona]
    if (ends) await who.login(users[persona].login)
    const [method, path, body] = rule.request(ctx)
    if (route.endsWith('/events')) {
      // An event stream never ends: read its status, then hang up.
      const controller = new AbortController()
      const stream = await fetch(server.url + path, {
        headers: { cookie: who.cookie },
        signal: controller.signal,
      })
      controller.abort()
      expect({ route, persona, status: stream.status }).toEqual({
        route,
        persona,
        status: rule.expect[persona],
      })
      return
    }
    const res = await who.request(method, path, body, {
      headers:
        body instanceof Uint8Array ? { 'content-type': 'application/octet-stream' } : undefined,
    })
    expect({ route, persona, status: res.status }).toEqual({
      route,
      persona,
      status: rule.expect[persona],
    })
    if (res.status >= 400) {
      expect(res.body.error.code).toEqual(expect.any(String))
      expect(JSON.stringify(res.body)).not.toMatch(/password_hash|\.ts:\d+|at [A-Za-z]+ \(/)
    }
  })
})
