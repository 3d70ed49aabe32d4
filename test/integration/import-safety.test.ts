import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { catchUpSnapshots, loadShippedFrameworks } from '@caitien/server/testing'
import { isOverdue } from '@caitien/shared'
import ExcelJS from 'exceljs'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url)))
const plan004 = JSON.parse(fixture('plan-004.expected.json').toString('utf8')) as {
  schoolYear: string
  circular: string
  rows: { criterion: string; timeframe: string | null }[]
}

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession
let outsider: HttpSession
let frameworkIds: Record<'tt18' | 'tt57' | 'tt57MamNon', string>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  await loadShippedFrameworks(server.db)
  principal = httpSession(server.url)
  staff = httpSession(server.url)
  outsider = httpSession(server.url)
  await principal.login(world.users.principal.login)
  await staff.login(world.users.staff.login)
  await outsider.login(world.outsider.login)
  const { frameworks } = await parseResponse(principal.api.api.frameworks.$get())
  frameworkIds = {
    tt18: frameworks.find((f) => f.code === 'TT18-2018')!.id,
    tt57: frameworks.find((f) => f.code === 'TT57-2026-pho-thong')!.id,
    tt57MamNon: frameworks.find((f) => f.code === 'TT57-2026-mam-non')!.id,
  }
})
afterAll(async () => {
  await server.stop()
})

/** Logs everyone in again: a jump of the app's clock may outlast a session. */
async function setClock(iso: string) {
  server.setNow(new Date(iso))
  await principal.login(world.users.principal.login)
  await staff.login(world.users.staff.login)
}

function form(file: string, fields: Record<string, string> = {}) {
  const body = new FormData()
  body.set('file', new Blob([new Uint8Array(fixture(file))]), file)
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  return body
}

const preview = (planId: string, file: string, fields?: Record<string, string>) =>
  principal.request('POST', `/api/plans/${planId}/import/preview`, form(file, fields))
const confirm = (planId: string, file: string, fields?: Record<string, string>) =>
  principal.request('POST', `/api/plans/${planId}/import/confirm`, form(file, fields))

async function newPlan(schoolYear: string, framework: 'tt18' | 'tt57' | 'tt57MamNon') {
  const plan = await parseResponse(
    principal.api.api.plans.$post({
      json: {
        schoolId: world.schoolId,
        title: `Kế hoạch ${schoolYear}`,
        schoolYear,
        frameworkId: frameworkIds[framework],
      },
    }),
  )
  return plan.plan.id
}

async function board(planId: string) {
  return parseResponse(principal.api.api.plans[':planId'].board.$get({ param: { planId } }))
}

async function imports(planId: string) {
  return parseResponse(principal.api.api.plans[':planId'].imports.$get({ param: { planId } }))
}

const undo = (planId: string, importId: string) =>
  principal.request('POST', `/api/plans/${planId}/imports/${importId}/undo`)

describe('a file for a new plan', () => {
  it('says what the file states about itself and proposes its framework, saving nothing', async () => {
    const before = await dbFingerprint(server.db)
    const res = await principal.request(
      'POST',
      `/api/plans/import/read?schoolId=${world.schoolId}`,
      form('plan-004.docx'),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      fileName: 'plan-004.docx',
      schoolYear: plan004.schoolYear,
      circular: plan004.circular,
      rows: plan004.rows.length,
      frameworkId: frameworkIds.tt18,
    })
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it("proposes the TT57 framework of the school's kind, read from its name in the file", async () => {
    // Thông tư 57/2026 has one framework per kind of school; the name in the file picks it.
    const read = async (body: FormData) =>
      principal.request('POST', `/api/plans/import/read?schoolId=${world.schoolId}`, body)
    const primary = await read(form('synthetic-bieu-2-form-wording.xlsx'))
    expect(primary.status).toBe(200)
    expect(primary.body).toMatchObject({
      circular: 'TT57-2026',
      school: 'Trường Tiểu học Giả Định Hoa Sen',
      frameworkId: frameworkIds.tt57,
    })

    // The same plan written by a kindergarten: every "Tiểu học" in the workbook replaced.
    const book = new ExcelJS.Workbook()
    const bytes = fixture('synthetic-bieu-2-form-wording.xlsx')
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string')
            cell.value = cell.value.replace(/Tiểu học/g, 'Mầm non').replace(/TIỂU HỌC/g, 'MẦM NON')
        }),
      ),
    )
    const body = new FormData()
    body.set('file', new Blob([await book.xlsx.writeBuffer()]), 'mam-non.xlsx')
    const kindergarten = await read(body)
    expect(kindergarten.status).toBe(200)
    expect(kindergarten.body).toMatchObject({
      school: 'Trường Mầm non Giả Định Hoa Sen',
      frameworkId: frameworkIds.tt57MamNon,
    })
  })

  it('answers another school and other roles as for any plan route', async () => {
    const path = `/api/plans/import/read?schoolId=${world.schoolId}`
    expect((await outsider.request('POST', path, form('plan-004.docx'))).status).toBe(404)
    expect((await staff.request('POST', path, form('plan-004.docx'))).status).toBe(403)
  })
})

describe('the school year and framework of the file against the plan', () => {
  it('moves last year’s months into a new 2026-2027 plan, and no card is overdue then', async () => {
    await setClock('2026-10-05T03:00:00Z')
    const planId = await newPlan('2026-2027', 'tt18')
    const kept = await preview(planId, 'plan-004.docx')
    expect(kept.status).toBe(200)
    expect(kept.body.target).toMatchObject({ id: planId, schoolYear: '2026-2027' })
    expect(kept.body.comparison.schoolYear).toEqual({
      file: '2020-2021',
      plan: '2026-2027',
      same: false,
    })
    expect(kept.body.comparison.framework).toEqual({
      file: 'TT18-2018',
      plan: 'TT18-2018',
      same: true,
    })
    expect(kept.body.comparison.shiftOffered).toBe(true)
    const timeframes = kept.body.comparison.timeframes as {
      sourceRow: number
      before: { text: string; startMonth: string | null; dueMonth: string | null }
      after: { text: string; startMonth: string | null; dueMonth: string | null }
      odd: string | null
    }[]
    expect(timeframes).toHaveLength(plan004.rows.filter((r) => r.timeframe).length)
    const byText = (text: string) => timeframes.find((t) => t.before.text === text)!
    expect(byText('Từ tháng 8/2020').after).toEqual({
      text: 'Từ tháng 8/2026',
      startMonth: '2026-08',
      dueMonth: '2027-05',
    })
    expect(byText('tháng 6 năm 2020').after).toEqual({
      text: 'tháng 6 năm 2027',
      startMonth: '2027-06',
      dueMonth: '2027-06',
    })
    expect(byText('Hằng tháng').before).toMatchObject({
      startMonth: '2020-09',
      dueMonth: '2021-05',
    })
    expect(byText('Hằng tháng').after).toMatchObject({
      startMonth: '2026-09',
      dueMonth: '2027-05',
    })
    const odd = timeframes.filter((t) => t.odd)
    expect(odd.map((t) => [t.before.text, t.odd])).toEqual([
      ['Xây dựng kế hoạch đầu năm học 2020-2021, cập nhật ngay từ tháng năm 2020', 'bare_year'],
    ])
    // Kept as they are, the months are last year's: that is what the preview said.
    expect(
      kept.body.rows.some((r: { row: { dueMonth: string } }) => r.row.dueMonth < '2026-10'),
    ).toBe(true)

    const moved = await preview(planId, 'plan-004.docx', { timeframes: 'shift' })
    expect(moved.body.timeframes).toBe('shift')
    expect(moved.body.rows.map((r: { row: { timeframe: string } }) => r.row.timeframe)).toContain(
      'Từ tháng 8/2026',
    )

    const done = await confirm(planId, 'plan-004.docx', { timeframes: 'shift' })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ created: plan004.rows.length, updated: 0, unchanged: 0 })

    for (const when of ['2026-10-05T03:00:00Z', '2027-05-20T03:00:00Z']) {
      await setClock(when)
      const now = await board(planId)
      expect(now.cards).toHaveLength(plan004.rows.length)
      const overdue = now.cards.filter((c) => isOverdue(c, now.currentMonth))
      expect({ when, overdue }).toEqual({ when, overdue: [] })
    }
    const [record] = (await imports(planId)).imports
    expect(record).toMatchObject({
      fileName: 'plan-004.docx',
      timeframes: 'shift',
      counts: { created: plan004.rows.length, updated: 0, unchanged: 0 },
      actor: { id: world.users.principal.id },
      undone: null,
    })
    expect(record!.fileHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reports a file of another circular than the plan’s framework', async () => {
    const planId = await newPlan('2026-2027', 'tt57')
    const res = await preview(planId, 'plan-004.docx')
    expect(res.body.comparison.framework).toEqual({
      file: 'TT18-2018',
      plan: 'TT57-2026-pho-thong',
      same: false,
    })
  })

  it('offers no move when the file is of the plan’s own school year', async () => {
    const planId = await newPlan('2020-2021', 'tt18')
    const res = await preview(planId, 'plan-004.docx')
    expect(res.body.comparison.schoolYear.same).toBe(true)
    expect(res.body.comparison.shiftOffered).toBe(false)
  })

  it('refuses a timeframes field that is neither keep nor shift, saving nothing', async () => {
    const planId = await newPlan('2026-2027', 'tt18')
    const before = await dbFingerprint(server.db)
    const res = await confirm(planId, 'plan-004.docx', { timeframes: 'later' })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/timeframes/)
    expect(await dbFingerprint(server.db)).toBe(before)
  })
})

describe('what the preview says about rows', () => {
  it('says a table without rows is empty, with what else the file holds, not "already imported"', async () => {
    const planId = await newPlan('2026-2027', 'tt18')
    const res = await preview(planId, 'empty-table.docx')
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([])
    expect(res.body.summary).toMatchObject({ create: 0, update: 0, unchanged: 0 })
    expect(res.body.found.headings).toEqual(
      expect.arrayContaining(['KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', 'Năm học 2026-2027']),
    )
    expect(res.body.found.tables).toEqual([{ rows: 2, columns: 2, firstText: 'Nơi nhận:' }])
    const done = await confirm(planId, 'empty-table.docx')
    expect(done.body).toMatchObject({ created: 0, updated: 0, unchanged: 0 })
  })

  it('counts rows as already imported only when they match the plan’s cards', async () => {
    const planId = await newPlan('2023-2024', 'tt18')
    const first = await preview(planId, 'plan-002.docx')
    expect(first.body.found).toBeNull()
    expect(first.body.summary).toMatchObject({ create: 3, unchanged: 0 })
    await confirm(planId, 'plan-002.docx')
    const again = await preview(planId, 'plan-002.docx')
    expect(again.body.summary).toMatchObject({ create: 0, update: 0, unchanged: 3 })
    expect(again.body.rows.every((r: { cardId: string | null }) => r.cardId !== null)).toBe(true)
  })
})

describe('undoing an import', () => {
  it('removes the cards it created, restores the fields it changed, and lists what it cannot', async () => {
    await setClock('2026-10-06T03:00:00Z')
    const planId = await newPlan('2023-2024', 'tt18')
    const v1 = fixture('own-kindergarten-phoi-hop.csv').toString('utf8')
    const csv = (text: string, name: string) => {
      const body = new FormData()
      body.set('file', new Blob([text]), name)
      return body
    }
    const post = (step: string, text: string, name: string) =>
      principal.request('POST', `/api/plans/${planId}/import/${step}`, csv(text, name))
    expect((await post('confirm', v1, 'v1.csv')).status).toBe(200)
    const cards = await server.db
      .selectFrom('card')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('source_key')
      .execute()
    const [x, y] = cards.filter((c) => c.tasks && v1.includes(c.tasks.split('\n')[0]!))
    const lineX = x!.tasks!.split('\n')[0]!
    const lineY = y!.tasks!.split('\n')[0]!
    const v2 = v1.replace(lineX, `${lineX} (sửa X)`).replace(lineY, `${lineY} (sửa Y)`)
    server.setNow(new Date('2026-10-06T03:01:00Z'))
    const changed = await post('confirm', v2, 'v2.csv')
    expect(changed.body).toMatchObject({ created: 0, updated: 2 })
    // plan-000's rows share no criterion with v1's: all nine are new cards.
    server.setNow(new Date('2026-10-06T03:02:00Z'))
    const created = await confirm(planId, 'plan-000.docx')
    expect(created.body).toMatchObject({ created: 9, updated: 0 })
    const newCards = (await board(planId)).cards.filter(
      (c) => !cards.some((old) => old.id === c.id),
    )
    expect(newCards).toHaveLength(9)
    const [z1, z2, z3] = newCards

    // Since: one new card moved, one changed field edited again.
    server.setNow(new Date('2026-10-06T03:03:00Z'))
    const moved = await principal.post(`/api/cards/${z1!.id}/move`, {
      to: 'in_progress',
      version: 1,
    })
    expect(moved.status).toBe(200)
    const yNow = (await principal.get(`/api/cards/${y!.id}`)).body.card
    const edited = await principal.patch(`/api/cards/${y!.id}`, {
      version: yNow.version,
      tasks: 'Sửa tay sau khi nhập',
    })
    expect(edited.status).toBe(200)

    const records = (await imports(planId)).imports
    expect(records.map((r) => r.fileName)).toEqual(['plan-000.docx', 'v2.csv', 'v1.csv'])
    const [recordC, recordB] = records

    server.setNow(new Date('2026-10-06T03:04:00Z'))
    const undoC = await undo(planId, recordC!.id)
    expect(undoC.status).toBe(200)
    expect(undoC.body.import.undone).toMatchObject({
      by: { id: world.users.principal.id },
      removed: 8,
      restored: 0,
      kept: [{ cardId: z1!.id, reason: 'moved', fields: [] }],
    })
    const left = (await board(planId)).cards.map((c) => c.id)
    expect(left).toContain(z1!.id)
    expect(left).not.toContain(z2!.id)
    expect(left).not.toContain(z3!.id)

    server.setNow(new Date('2026-10-06T03:05:00Z'))
    const undoB = await undo(planId, recordB!.id)
    expect(undoB.status).toBe(200)
    expect(undoB.body.import.undone).toMatchObject({
      removed: 0,
      restored: 1,
      kept: [{ cardId: y!.id, reason: 'fields_changed', fields: ['tasks'] }],
    })
    const xAfter = (await principal.get(`/api/cards/${x!.id}`)).body.card
    expect(xAfter.tasks).toBe(x!.tasks)
    const yAfter = (await principal.get(`/api/cards/${y!.id}`)).body.card
    expect(yAfter.tasks).toBe('Sửa tay sau khi nhập')

    const log = await server.db
      .selectFrom('activity')
      .select(['card_id', 'action', 'detail'])
      .where('plan_id', '=', planId)
      .where('at', '>=', '2026-10-06T03:04:00.000Z')
      .orderBy('seq')
      .execute()
    expect(log.map((e) => [e.card_id, e.action])).toEqual(
      expect.arrayContaining([
        [z2!.id, 'deleted'],
        [z3!.id, 'deleted'],
        [x!.id, 'edited'],
      ]),
    )

    const before = await dbFingerprint(server.db)
    const twice = await undo(planId, recordB!.id)
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('conflict')
    expect(await dbFingerprint(server.db)).toBe(before)
    expect(
      (await staff.request('POST', `/api/plans/${planId}/imports/${recordB!.id}/undo`)).status,
    ).toBe(403)
    const other = await undo(world.plan.id, recordB!.id)
    expect(other.status).toBe(404)
  })

  it('keeps a past month’s snapshot equal to its rebuild from the log after an undo', async () => {
    await setClock('2026-10-10T03:00:00Z')
    const planId = await newPlan('2026-2027', 'tt18')
    await server.db
      .updateTable('plan')
      .set({ created_at: '2026-09-01T02:00:00.000Z' })
      .where('id', '=', planId)
      .execute()
    expect((await confirm(planId, 'plan-004.docx', { timeframes: 'shift' })).status).toBe(200)
    await setClock('2026-10-12T03:00:00Z')
    // plan-002 shares criterion 2.2 with plan-004: one card updated (its fields), two new.
    const second = await confirm(planId, 'plan-002.docx', { timeframes: 'shift' })
    expect(second.body).toMatchObject({ created: 2, updated: 1 })
    const total = plan004.rows.length + 2

    await setClock('2026-11-02T03:00:00Z')
    await catchUpSnapshots(server.db, server.now())
    await setClock('2026-11-03T03:00:00Z')
    const undone = await undo(planId, second.body.importId as string)
    expect(undone.body.import.undone).toMatchObject({ removed: 2, restored: 1, kept: [] })

    await setClock('2026-12-02T03:00:00Z')
    await catchUpSnapshots(server.db, server.now())
    for (const [month, cards] of [
      ['2026-10', total],
      ['2026-11', plan004.rows.length],
    ] as const) {
      const view = await parseResponse(
        principal.api.api.plans[':planId'].snapshots[':month'].$get({
          param: { planId, month },
        }),
      )
      expect({ month, source: view.source, check: view.check, total: view.summary.total }).toEqual({
        month,
        source: 'snapshot',
        check: { agrees: true, differences: [] },
        total: cards,
      })
    }
  })
})
