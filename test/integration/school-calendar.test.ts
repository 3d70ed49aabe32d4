import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { catchUpSnapshots, insertTestPlan } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * A school's own calendar per school year (issue 13, "a semester = the school calendar's
 * semester months"), over HTTP on a real SQLite file: members read it, the principal sets it;
 * a calendar the rule refuses is answered 400 in the user's language and changes nothing; once
 * set, "Học kỳ I" means its months for new cards, for cards already on the board (re-read and
 * logged, past months still equal to their rebuild), for an imported plan, and for the
 * "Cuối học kỳ I" review.
 */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession
let outsider: HttpSession

const YEAR = '2026-2027'
/** Semester I ends in December: its review looks at December, not the default January. */
const DECEMBER = {
  semester1: { start: '2026-09', end: '2026-12' },
  semester2: { start: '2027-01', end: '2027-05' },
} as const

const calendarPath = (schoolId = world.schoolId, year = YEAR) =>
  `/api/schools/${schoolId}/calendars/${year}`

async function at(iso: string) {
  server.setNow(new Date(iso))
  await principal.login(world.users.principal.login)
  await staff.login(world.users.staff.login)
  await outsider.login(world.outsider.login)
}

const fixture = fileURLToPath(
  new URL('../fixtures/plans/synthetic-semester-timeframes.csv', import.meta.url),
)
function importCsv(planId: string) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(readFileSync(fixture))]), 'ke-hoach.csv')
  return principal.request('POST', `/api/plans/${planId}/import/confirm`, form)
}

async function cardMonths(planId: string) {
  const rows = await server.db
    .selectFrom('card')
    .select(['timeframe', 'start_month', 'due_month'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('timeframe')
    .execute()
  return rows.map((r) => [r.timeframe, r.start_month, r.due_month])
}

let boardPlan: { id: string; school_id: string; school_year: string }

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  staff = httpSession(server.url)
  outsider = httpSession(server.url)
  await at('2026-11-10T03:00:00Z')
  boardPlan = await insertTestPlan(server.db, world.schoolId, YEAR)
  await server.db
    .updateTable('plan')
    .set({ created_at: '2026-09-01T02:00:00.000Z' })
    .where('id', '=', boardPlan.id)
    .execute()
  const card = await principal.post(`/api/plans/${boardPlan.id}/cards`, {
    criterion: '1.4',
    tasks: 'Đổi mới sinh hoạt tổ chuyên môn',
    timeframe: 'Học kỳ I',
  })
  expect(card.status).toBe(201)
})
afterAll(async () => {
  await server.stop()
})

describe("a school's calendar", () => {
  it('is the default until the principal sets it, and every member reads it', async () => {
    const read = await parseResponse(
      staff.api.api.schools[':schoolId'].calendars[':schoolYear'].$get({
        param: { schoolId: world.schoolId, schoolYear: YEAR },
      }),
    )
    expect(read).toEqual({
      calendar: {
        schoolYear: YEAR,
        semester1: { start: '2026-09', end: '2027-01' },
        semester2: { start: '2027-01', end: '2027-05' },
      },
      custom: false,
      defaults: read.calendar,
      span: { start: '2026-08', end: '2027-07' },
    })
    expect((await outsider.get(calendarPath())).status).toBe(404)
    expect((await httpSession(server.url).get(calendarPath())).status).toBe(401)
  })

  it('refuses a teacher, and a calendar its rule refuses, in the user’s language, changing nothing', async () => {
    const before = await dbFingerprint(server.db)
    const byStaff = await staff.put(calendarPath(), DECEMBER)
    expect(byStaff.status).toBe(403)
    expect(byStaff.body.error.message).toMatch(/Chỉ Hiệu trưởng mới được đặt lịch năm học/)

    const overlap = await principal.put(calendarPath(), {
      semester1: { start: '2026-09', end: '2027-01' },
      semester2: { start: '2026-12', end: '2027-05' },
    })
    expect(overlap.status).toBe(400)
    expect(overlap.body.error.message).toBe(
      'Học kỳ II phải bắt đầu từ tháng kết thúc học kỳ I trở về sau: hai học kỳ không được chồng lên nhau.',
    )
    const outside = await principal.request(
      'PUT',
      calendarPath(),
      { ...DECEMBER, semester2: { start: '2027-01', end: '2027-08' } },
      { headers: { cookie: `${principal.cookie}; caitien_lang=en` } },
    )
    expect(outside.status).toBe(400)
    expect(outside.body.error.message).toBe(
      "The semesters' months must lie inside the school year 2026-2027, from 08/2026 to 07/2027.",
    )
    const reversed = await principal.put(calendarPath(), {
      ...DECEMBER,
      semester1: { start: '2026-12', end: '2026-09' },
    })
    expect(reversed.body.error.message).toBe(
      'Tháng kết thúc học kỳ I không được trước tháng bắt đầu.',
    )
    expect((await principal.put(calendarPath(), { ...DECEMBER, semester1: 'HK1' })).status).toBe(
      400,
    )
    expect((await principal.put(calendarPath(world.schoolId, '2026-2028'), DECEMBER)).status).toBe(
      400,
    )
    expect((await outsider.put(calendarPath(), DECEMBER)).status).toBe(404)
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('before it is set, "Cuối học kỳ I" looks at January: opening it in December is early', async () => {
    await at('2026-12-05T03:00:00Z')
    const early = await principal.post(`/api/plans/${boardPlan.id}/checkpoints/semester1/open`, {})
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('confirmation_required')
    expect(await cardMonths(boardPlan.id)).toEqual([['Học kỳ I', '2026-09', '2027-01']])
  })

  it('once set, re-reads the board’s "Học kỳ I" cards, logged, past months equal to their rebuild', async () => {
    await catchUpSnapshots(server.db, server.now())
    const saved = await principal.put(calendarPath(), DECEMBER)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      calendar: { schoolYear: YEAR, ...DECEMBER },
      custom: true,
      changedCards: 1,
    })
    expect(await cardMonths(boardPlan.id)).toEqual([['Học kỳ I', '2026-09', '2026-12']])
    const log = await server.db
      .selectFrom('activity')
      .select(['action', 'detail'])
      .where('plan_id', '=', boardPlan.id)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow()
    expect(log.action).toBe('edited')
    expect(JSON.parse(log.detail!)).toMatchObject({
      fields: [],
      calendar: { schoolYear: YEAR },
      state: { dueMonth: '2026-12' },
    })
    const november = await parseResponse(
      principal.api.api.plans[':planId'].snapshots[':month'].$get({
        param: { planId: boardPlan.id, month: '2026-11' },
      }),
    )
    expect({ source: november.source, check: november.check }).toEqual({
      source: 'snapshot',
      check: { agrees: true, differences: [] },
    })
    // Saving the same months again changes no card.
    const again = await principal.put(calendarPath(), DECEMBER)
    expect(again.body.changedCards).toBe(0)
    // A new card reads its semester from the school's calendar too.
    const card = await principal.post(`/api/plans/${boardPlan.id}/cards`, {
      tasks: 'Rà soát hồ sơ',
      timeframe: 'Cuối học kỳ I',
    })
    expect(card.status).toBe(201)
    expect(card.body.card.dueMonth).toBe('2026-12')
  })

  it('gives an imported plan the custom months for "Học kỳ I"', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, YEAR)
    const imported = await importCsv(plan.id)
    expect(imported.status).toBe(200)
    expect(imported.body.created).toBe(3)
    expect(await cardMonths(plan.id)).toEqual([
      ['Cuối học kỳ I', '2026-12', '2026-12'],
      ['Học kỳ I', '2026-09', '2026-12'],
      ['Học kỳ II', '2027-01', '2027-05'],
    ])
  })

  it('opens "Cuối học kỳ I" at the custom month: December, not early', async () => {
    const listed = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints.$get({ param: { planId: boardPlan.id } }),
    )
    expect(listed.checkpoints.map((c) => [c.checkpoint, c.month])).toEqual([
      ['semester1', '2026-12'],
      ['yearEnd', '2027-05'],
    ])
    const opened = await principal.post(`/api/plans/${boardPlan.id}/checkpoints/semester1/open`, {})
    expect(opened.status).toBe(201)
    const review = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints[':checkpoint'].$get({
        param: { planId: boardPlan.id, checkpoint: 'semester1' },
      }),
    )
    expect(review.month).toBe('2026-12')
    // Due in December, at the checkpoint, not started: not done (due in January, it would not be).
    const rows = review.review?.rows ?? []
    expect(rows.find((r) => r.title.includes('tổ chuyên môn'))).toMatchObject({
      dueMonth: '2026-12',
      derivedLevel: 'notDone',
    })
  })

  it('keeps an opened review at the month it read when the calendar changes later', async () => {
    const back = await principal.put(calendarPath(), {
      semester1: { start: '2026-09', end: '2027-01' },
      semester2: { start: '2027-01', end: '2027-05' },
    })
    expect(back.status).toBe(200)
    const listed = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints.$get({ param: { planId: boardPlan.id } }),
    )
    expect(listed.checkpoints.map((c) => [c.checkpoint, c.month, c.state])).toEqual([
      ['semester1', '2026-12', 'open'],
      ['yearEnd', '2027-05', 'not_opened'],
    ])
    const review = await parseResponse(
      staff.api.api.plans[':planId'].checkpoints[':checkpoint'].$get({
        param: { planId: boardPlan.id, checkpoint: 'semester1' },
      }),
    )
    expect(review.month).toBe('2026-12')
    // The board follows the calendar: "Học kỳ I" is due in January again.
    expect(await cardMonths(boardPlan.id)).toContainEqual(['Học kỳ I', '2026-09', '2027-01'])
  })

  it('leaves another school year, and another school, on the default calendar', async () => {
    const next = await parseResponse(
      principal.api.api.schools[':schoolId'].calendars[':schoolYear'].$get({
        param: { schoolId: world.schoolId, schoolYear: '2027-2028' },
      }),
    )
    expect(next.custom).toBe(false)
    const other = await outsider.get(calendarPath(world.otherSchoolId))
    expect(other.status).toBe(200)
    expect(other.body.custom).toBe(false)
  })
})
