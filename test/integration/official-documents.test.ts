import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  loadShippedFrameworks,
  renderBieu2,
  renderCheckpointReport,
  type Bieu2Document,
} from '@caitien/server/testing'
import { BIEU_2 } from '@caitien/shared'
import ExcelJS from 'exceljs'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR } from '../support/artifacts.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { officeToPdf, pdfInfo, pdfLines, pdfPagePng, pdfRawText } from '../support/run.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession
let outsider: HttpSession
let tt57PlanId: string
let tt18PlanId: string
const dir = mkdtempSync(join(tmpdir(), 'caitien-documents-'))
// Never a synchronous child process here: it would stall the server under test (STYLE).

const SETTINGS = {
  issuingBody: 'UBND phường Hòa Bình',
  placeName: 'Hòa Bình',
  documentSymbol: 'THCSHB',
  overseerName: 'Phòng Văn hóa - Xã hội UBND phường Hòa Bình',
  signerTitle: 'Hiệu trưởng',
  signerName: 'Nguyễn Thị Hạnh',
}

async function newPlan(frameworkId: string, title: string) {
  const res = await parseResponse(
    principal.api.api.plans.$post({
      json: { schoolId: world.schoolId, title, schoolYear: '2026-2027', frameworkId },
    }),
  )
  return res.plan.id
}

/** A card of the plan assigned to the staff member, started, with `n` evidence notes. */
async function cardWithEvidence(planId: string, criterion: string, n: number) {
  const res = await principal.post(`/api/plans/${planId}/cards`, {
    standard: criterion.split('.')[0],
    criterion,
    target: `Đạt mức 2 tiêu chí ${criterion}`,
    tasks: `Hoạt động cải tiến tiêu chí ${criterion}`,
    timeframe: 'Tháng 12/2026',
    lead: 'Tổ Toán',
    assigneeIds: [world.users.assignee.id],
  })
  expect(res.status).toBe(201)
  const cardId = res.body.card.id as string
  await staff.post(`/api/cards/${cardId}/move`, { to: 'in_progress', version: 1 })
  const codes: string[] = []
  for (let i = 0; i < n; i++) {
    const added = await staff.post(`/api/cards/${cardId}/evidence`, {
      kind: i % 2 ? 'note' : 'link',
      title: `Biên bản họp số ${i + 1}`,
      ...(i % 2 ? { note: 'Đã họp' } : { url: `https://truong.edu.vn/mc/${criterion}/${i}` }),
    })
    expect(added.status).toBe(201)
    codes.push(added.body.evidence.code as string)
  }
  return codes
}

async function download(path: string, who = principal) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: who.cookie } })
  return { status: res.status, res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

async function toPdf(name: string, bytes: Uint8Array | Buffer) {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return officeToPdf(file, dir)
}

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  await loadShippedFrameworks(server.db)
  principal = httpSession(server.url)
  staff = httpSession(server.url)
  outsider = httpSession(server.url)
  server.setNow(new Date('2026-12-15T03:00:00Z'))
  await principal.login(world.users.principal.login)
  await staff.login(world.users.assignee.login)
  await outsider.login(world.outsider.login)
  const { frameworks } = await parseResponse(principal.api.api.frameworks.$get())
  tt57PlanId = await newPlan(
    frameworks.find((f) => f.code === 'TT57-2026-pho-thong')!.id,
    'Kế hoạch cải tiến chất lượng giáo dục năm học 2026-2027',
  )
  tt18PlanId = await newPlan(frameworks.find((f) => f.code === 'TT18-2018')!.id, 'Kế hoạch TT18')
  expect(
    (await principal.put(`/api/schools/${world.schoolId}/document-settings`, SETTINGS)).status,
  ).toBe(200)
})
afterAll(async () => {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('evidence codes follow the plan framework', () => {
  it('gives MC.x.y.zz on a TT57 plan and [Hn-a.b-xx] on a TT18 plan', async () => {
    expect(await cardWithEvidence(tt57PlanId, '1.2', 3)).toEqual([
      'MC.1.2.01',
      'MC.1.2.02',
      'MC.1.2.03',
    ])
    expect(await cardWithEvidence(tt57PlanId, '3.1', 1)).toEqual(['MC.3.1.01'])
    expect(await cardWithEvidence(tt18PlanId, '1.2', 2)).toEqual(['[H1-1.2-01]', '[H1-1.2-02]'])
    // The card shows whatever code is stored.
    const items = await parseResponse(
      principal.api.api.plans[':planId'].evidence.$get({
        param: { planId: tt57PlanId },
        query: {},
      }),
    )
    expect(items.items.map((i) => i.code).sort()).toEqual([
      'MC.1.2.01',
      'MC.1.2.02',
      'MC.1.2.03',
      'MC.3.1.01',
    ])
  })

  it('continues after the highest MC number of the criterion, past a code the school changed', async () => {
    const items = await parseResponse(
      principal.api.api.plans[':planId'].evidence.$get({
        param: { planId: tt57PlanId },
        query: {},
      }),
    )
    const first = items.items.find((i) => i.code === 'MC.1.2.01')!
    expect((await principal.patch(`/api/evidence/${first.id}`, { code: 'MC.1.2.09' })).status).toBe(
      200,
    )
    const cardId = first.card.id
    const added = await staff.post(`/api/cards/${cardId}/evidence`, {
      kind: 'note',
      title: 'Báo cáo bổ sung',
      note: 'x',
    })
    expect(added.body.evidence.code).toBe('MC.1.2.10')
  })
})

describe('the school document settings', () => {
  it('are read back with what documents print', async () => {
    const read = await parseResponse(
      principal.api.api.schools[':schoolId']['document-settings'].$get({
        param: { schoolId: world.schoolId },
      }),
    )
    expect(read.settings).toEqual(SETTINGS)
    expect(read.printed.signerName).toBe('Nguyễn Thị Hạnh')
  })

  it('refuse a symbol with spaces and keep what was stored', async () => {
    const bad = await principal.put(`/api/schools/${world.schoolId}/document-settings`, {
      ...SETTINGS,
      documentSymbol: 'THCS HB',
    })
    expect(bad.status).toBe(400)
    const read = await parseResponse(
      principal.api.api.schools[':schoolId']['document-settings'].$get({
        param: { schoolId: world.schoolId },
      }),
    )
    expect(read.settings.documentSymbol).toBe('THCSHB')
  })

  it('are not another school principal to read or change', async () => {
    expect((await outsider.get(`/api/schools/${world.schoolId}/document-settings`)).status).toBe(
      404,
    )
    const put = await outsider.put(`/api/schools/${world.schoolId}/document-settings`, SETTINGS)
    expect(put.status).toBe(404)
  })
})

describe('Biểu 2', () => {
  it('downloads as an A4 landscape .docx in the ND30 layout with sections I–VIII and table V numbered', async () => {
    const got = await download(`/api/plans/${tt57PlanId}/export/bieu-2.docx`)
    expect(got.status).toBe(200)
    expect(got.res.headers.get('content-disposition')).toMatch(
      /attachment; filename="bieu-2-2026-2027\.docx"/,
    )
    const pdf = await toPdf('bieu-2.docx', got.bytes)
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'bieu-2'), 1, 80)
    const text = await pdfRawText(pdf)
    const layout = await pdfLines(pdf)
    expect(layout.some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true)
    expect(layout.some((l) => l.includes('Số: /KH-THCSHB'))).toBe(true)
    expect(text).toContain('UBND PHƯỜNG HÒA BÌNH')
    expect(text).toContain('Hòa Bình, ngày 15 tháng 12 năm 2026')
    expect(text).toContain('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC')
    // The plan title names its year: printed once.
    expect(text.split('2026-2027').length).toBe(2)
    for (const s of BIEU_2.sections)
      expect(text).toContain(`${s.numeral}. ${s.title.toUpperCase()}`)
    const numbers = layout.find((l) => l.includes('(1)'))
    expect(numbers).toBe('(1) (2) (3) (4) (5) (6) (7) (8) (9) (10)')
    expect(text).toContain('Mức độ thực hiện')
    expect(text).toContain('Hoạt động cải tiến tiêu chí 1.2')
    expect(layout.some((l) => l.startsWith('Cuối học kỳ I'))).toBe(true)
    expect(layout.some((l) => l.startsWith('Cuối năm học'))).toBe(true)
    expect(text).toContain('Nơi nhận:')
    expect(text).toContain('Nguyễn Thị Hạnh')
    const info = await pdfInfo(pdf)
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/)
  })

  it('renders problems, levels and the two checkpoint rows of table VI from its typed input', async () => {
    const doc: Bieu2Document = {
      party: {
        issuingBody: 'UBND phường Hòa Bình',
        schoolName: 'Trường THCS Hòa Bình',
        placeName: 'Hòa Bình',
        documentSymbol: 'THCSHB',
        overseerName: 'Phòng Văn hóa - Xã hội',
        signerTitle: 'HIỆU TRƯỞNG',
        signerName: 'Nguyễn Thị Hạnh',
      },
      plan: { title: 'Kế hoạch cải tiến chất lượng', schoolYear: '2026-2027' },
      date: '2027-05-28T03:00:00Z',
      text: { I: 'Trường THCS Hòa Bình, 24 lớp, 980 học sinh.' },
      problems: [
        {
          standard: 'Tiêu chuẩn 1',
          criteria: 'Tiêu chí 1.2',
          currentState: 'Hội đồng trường hoạt động chưa đều',
          weakness: 'Chưa họp đủ số lần',
          cause: 'Thành viên kiêm nhiệm',
        },
      ],
      rows: [
        {
          improvementContent: 'Kiện toàn Hội đồng trường',
          target: 'Họp đủ 3 lần/năm',
          tasks: 'Xây dựng lịch họp',
          indicators: 'Số biên bản họp',
          timeframe: 'Học kỳ I',
          lead: 'Hiệu trưởng',
          support: 'Ngân sách',
          expectedEvidence: 'Biên bản họp',
          completionLevel: 'Hoàn thành',
        },
      ],
      followUp: {
        semester1: {
          monitored: 'Tiến độ các nội dung',
          result: '1/1 nội dung hoàn thành',
          adjustment: 'Không',
          assessor: 'Hội đồng tự đánh giá',
        },
        yearEnd: {
          monitored: 'Kết quả cuối năm',
          result: 'Đạt mục tiêu',
          adjustment: 'Không',
          assessor: 'Hội đồng tự đánh giá',
        },
      },
      recipients: ['Phòng Văn hóa - Xã hội'],
    }
    const pdf = await toPdf('bieu-2-day-du.docx', await renderBieu2(doc))
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'bieu-2-full'), 1, 80)
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'bieu-2-full'), 2, 80)
    const text = await pdfRawText(pdf)
    const layout = await pdfLines(pdf)
    for (const c of BIEU_2.problems) expect(text).toContain(c.heading)
    expect(text).toContain('Thành viên kiêm nhiệm')
    expect(text).toContain('Hoàn thành')
    expect(layout.some((l) => l.startsWith('Cuối học kỳ I Tiến độ các nội dung'))).toBe(true)
    expect(layout.some((l) => l.startsWith('Cuối năm học Kết quả cuối năm'))).toBe(true)
    expect(text).toContain('Hòa Bình, ngày 28 tháng 5 năm 2027')
  })
})

describe('the checkpoint review report', () => {
  it('prints each content with its level, the counts and the table VI row', async () => {
    const pdf = await toPdf(
      'danh-gia-hk1.docx',
      await renderCheckpointReport({
        party: {
          issuingBody: null,
          schoolName: 'Trường Mầm non Sơn Ca',
          placeName: 'Sơn Ca',
          documentSymbol: 'MNSC',
          overseerName: 'Phòng Văn hóa - Xã hội UBND xã Sơn Ca',
          signerTitle: 'HIỆU TRƯỞNG',
          signerName: 'Trần Thị Lan',
        },
        plan: { title: 'Kế hoạch cải tiến chất lượng', schoolYear: '2026-2027' },
        checkpoint: 'semester1',
        date: '2027-01-08T03:00:00Z',
        draft: false,
        council: 'Tổ giám sát',
        rows: [
          { action: 'Kiện toàn Hội đồng trường', criterion: '1.2', level: 'done', reason: null },
          {
            action: 'Bồi dưỡng giáo viên',
            criterion: null,
            level: 'inProgress',
            reason: 'Lùi sang học kỳ II',
          },
          { action: 'Sửa phòng học', criterion: '3.1', level: 'notDone', reason: null },
        ],
        followUp: {
          monitored: 'Ba nội dung cải tiến',
          result: 'Một nội dung hoàn thành',
          adjustment: 'Lùi một nội dung',
          assessor: 'Hội đồng tự đánh giá',
        },
      }),
    )
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'checkpoint-report'), 1, 80)
    const text = await pdfRawText(pdf)
    const layout = await pdfLines(pdf)
    expect(layout.some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true)
    expect(layout.some((l) => l.includes('Số: /BC-MNSC'))).toBe(true)
    expect(text).toContain('Sơn Ca, ngày 08 tháng 01 năm 2027')
    expect(text).toContain('Kính gửi: Phòng Văn hóa - Xã hội UBND xã Sơn Ca')
    expect(text).toContain('Thời điểm đánh giá: Cuối học kỳ I')
    expect(text).toContain('Hoàn thành: 1/3 hoạt động (33,3%).')
    expect(text).toContain('Lùi sang học kỳ II')
    expect(layout.some((l) => l.startsWith('Cuối học kỳ I Ba nội dung cải tiến'))).toBe(true)
    expect(text).toContain('Nơi nhận:')
    expect(text).toContain('- Tổ giám sát;')
    expect(text).toContain('Trần Thị Lan')
  })
})

describe('the evidence list', () => {
  it('downloads as .xlsx in the five-column form with the stored codes', async () => {
    const got = await download(`/api/plans/${tt57PlanId}/export/evidence-list?format=xlsx`, staff)
    expect(got.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(got.bytes.buffer)
    const sheet = wb.getWorksheet('Danh mục minh chứng')!
    let headerRow = 0
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'TT') headerRow = n
    })
    expect(headerRow).toBeGreaterThan(0)
    const header = BIEU_2.evidenceList.map((_, i) => sheet.getRow(headerRow).getCell(i + 1).value)
    expect(header).toEqual(BIEU_2.evidenceList.map((c) => c.heading))
    const rows = []
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
      const r = sheet.getRow(n)
      rows.push([1, 2, 3, 4, 5].map((i) => r.getCell(i).value))
    }
    expect(rows.map((r) => r[1])).toEqual([
      'MC.1.2.02',
      'MC.1.2.03',
      'MC.1.2.09',
      'MC.1.2.10',
      'MC.3.1.01',
    ])
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5])
    const byCode = new Map(rows.map((r) => [r[1], r]))
    expect(byCode.get('MC.1.2.09')![2]).toBe('Biên bản họp số 1')
    expect(byCode.get('MC.1.2.09')![3]).toBe('https://truong.edu.vn/mc/1.2/0')
    expect(byCode.get('MC.1.2.02')![3]).toBe('Ghi chú trên hệ thống caitien của trường')
    expect(byCode.get('MC.1.2.09')![4]).toBe('Tiêu chí 1.2: Hoạt động cải tiến tiêu chí 1.2')
  })

  it('downloads as .docx with the five headings and the [H…] codes of a TT18 plan', async () => {
    const got = await download(`/api/plans/${tt18PlanId}/export/evidence-list?format=docx`)
    expect(got.status).toBe(200)
    const pdf = await toPdf('danh-muc.docx', got.bytes)
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'evidence-list'), 1, 80)
    const text = await pdfRawText(pdf)
    expect(text).toContain('DANH MỤC MINH CHỨNG')
    for (const c of BIEU_2.evidenceList) expect(text).toContain(c.heading)
    expect(text).toContain('[H1-1.2-01]')
    expect(text).toContain('[H1-1.2-02]')
    expect(text).not.toContain('MC.')
  })

  it('is not another school to download', async () => {
    expect(
      (await download(`/api/plans/${tt57PlanId}/export/evidence-list?format=xlsx`, outsider))
        .status,
    ).toBe(404)
    expect((await download(`/api/plans/${tt57PlanId}/export/bieu-2.docx`, outsider)).status).toBe(
      404,
    )
  })
})

describe('a signed "Cuối học kỳ I" review, in Biểu 2 and in its own report', () => {
  let planId: string
  const review = (tail = '') => `/api/plans/${planId}/checkpoints/semester1${tail}`
  const TEXTS = {
    monitored: 'Tiến độ ba nội dung cải tiến của học kỳ I',
    result: 'Một nội dung hoàn thành, một đang thực hiện, một chưa hoàn thành',
    adjustment: 'Lùi việc sửa phòng học sang học kỳ II',
    assessor: 'Hội đồng tự đánh giá (Chủ tịch Nguyễn Thị Hạnh)',
  }

  /** The server's clock moved, and the two sessions logged in again at that time. */
  async function at(iso: string) {
    server.setNow(new Date(iso))
    await principal.login(world.users.principal.login)
    await staff.login(world.users.assignee.login)
  }

  let created = 0
  async function card(fields: Record<string, string>) {
    // A second apart: the review's rows follow the cards' creation.
    server.setNow(new Date(Date.parse('2026-12-15T03:00:00Z') + ++created * 1000))
    const res = await principal.post(`/api/plans/${planId}/cards`, {
      ...fields,
      assigneeIds: [world.users.assignee.id],
    })
    expect(res.status).toBe(201)
    return { id: res.body.card.id as string, version: res.body.card.version as number }
  }

  beforeAll(async () => {
    const { frameworks } = await parseResponse(principal.api.api.frameworks.$get())
    planId = await newPlan(
      frameworks.find((f) => f.code === 'TT57-2026-pho-thong')!.id,
      'Kế hoạch cải tiến chất lượng giáo dục năm học 2026-2027 (rà soát)',
    )
    const council = await card({
      standard: '1',
      criterion: '1.2',
      improvementContent: 'Kiện toàn Hội đồng trường',
      target: 'Hội đồng trường họp đủ 3 lần trong năm học',
      tasks: 'Xây dựng lịch họp Hội đồng trường',
      indicators: 'Số biên bản họp',
      timeframe: 'Tháng 12/2026',
      lead: 'Hiệu trưởng',
      expectedEvidence: 'Biên bản họp Hội đồng trường',
    })
    await card({
      standard: '2',
      criterion: '2.3',
      improvementContent: 'Bồi dưỡng giáo viên dạy học tích hợp',
      tasks: 'Tổ chức chuyên đề dạy học tích hợp',
      timeframe: 'Học kỳ II',
      lead: 'Tổ Khoa học tự nhiên',
      expectedEvidence: 'Kế hoạch chuyên đề',
    })
    await card({
      standard: '3',
      criterion: '3.1',
      improvementContent: 'Sửa chữa phòng học xuống cấp',
      tasks: 'Lập dự toán sửa chữa bốn phòng học',
      timeframe: 'Tháng 12/2026',
      lead: 'Phó Hiệu trưởng',
      expectedEvidence: 'Biên bản nghiệm thu',
    })
    const moved = await staff.post(`/api/cards/${council.id}/move`, {
      to: 'in_progress',
      version: council.version,
    })
    expect(moved.status).toBe(200)
  })
  afterAll(async () => {
    await at('2026-12-15T03:00:00Z')
  })

  it('has no report before the review is opened: 409 in the reader language', async () => {
    const got = await download(review('/report.docx'), staff)
    expect(got.status).toBe(409)
    const body = JSON.parse(new TextDecoder().decode(got.bytes)) as {
      error: { code: string; message: string }
    }
    expect(body.error.code).toBe('conflict')
    expect(body.error.message).toContain('“Cuối học kỳ I” chưa được mở')
  })

  it('prints a draft while open, and the signed review in Biểu 2 tables V and VI', async () => {
    await at('2027-01-20T03:00:00Z')
    expect((await principal.post(review('/open'), {})).status).toBe(201)
    const opened = await parseResponse(
      principal.api.api.plans[':planId'].checkpoints[':checkpoint'].$get({
        param: { planId, checkpoint: 'semester1' },
      }),
    )
    const rows = opened.review!.rows
    expect(rows.map((r) => [r.criterion, r.derivedLevel])).toEqual([
      ['1.2', 'notDone'],
      ['2.3', 'inProgress'],
      ['3.1', 'notDone'],
    ])
    const changed = await principal.put(review(`/rows/${rows[0]!.cardId}`), {
      level: 'done',
      reason: 'Đã họp ngày 28/12, biên bản nộp sau khi chốt bảng',
    })
    expect(changed.status).toBe(200)
    expect((await principal.patch(review(), TEXTS)).status).toBe(200)

    const draft = await download(review('/report.docx'), staff)
    expect(draft.status).toBe(200)
    const draftText = await pdfRawText(await toPdf('bao-cao-du-thao.docx', draft.bytes))
    expect(draftText).toContain('DỰ THẢO')

    await at('2027-01-22T03:00:00Z')
    expect((await principal.post(review('/sign'))).status).toBe(200)
    await at('2027-02-03T03:00:00Z')

    const got = await download(`/api/plans/${planId}/export/bieu-2.docx`, staff)
    expect(got.status).toBe(200)
    const pdf = await toPdf('bieu-2-ra-soat.docx', got.bytes)
    for (const page of [1, 2]) {
      await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'bieu-2-signed-review'), page, 80)
    }
    const text = await pdfRawText(pdf)
    const layout = await pdfLines(pdf)
    // Table V, column (10): the signed level, the changed row's included, after column (9).
    expect(text).toMatch(/Biên bản họp Hội đồng trường Hoàn thành/)
    expect(text).toMatch(/Kế hoạch chuyên đề Đang thực hiện/)
    expect(text).toMatch(/Biên bản nghiệm thu Chưa hoàn thành/)
    // Table VI: the "Cuối học kỳ I" row holds the review's four texts, in the form's order.
    expect(layout.some((l) => l.startsWith(`Cuối học kỳ I ${TEXTS.monitored.split(' ')[0]}`))).toBe(
      true,
    )
    const row = text.slice(text.lastIndexOf('Cuối học kỳ I'))
    const at4 = Object.values(TEXTS).map((t) => row.indexOf(t))
    expect(at4.every((i) => i > 0)).toBe(true)
    expect([...at4].sort((a, b) => a - b)).toEqual(at4)
    // The year-end row is there, empty: that review is not signed.
    expect(row).toContain('Cuối năm học')
    expect(row.indexOf('Cuối năm học')).toBeGreaterThan(at4[3]!)
  })

  it('downloads the signed report in the ND30 layout, dated the sign-off, with each row and level', async () => {
    const got = await download(review('/report.docx'), staff)
    expect(got.status).toBe(200)
    expect(got.res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const disposition = got.res.headers.get('content-disposition')!
    expect(disposition).toContain('filename="bao-cao-cuoi-hoc-ky-1-2026-2027.docx"')
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      'Báo cáo rà soát Cuối học kỳ I – Kế hoạch cải tiến chất lượng giáo dục năm học 2026-2027 (rà soát).docx',
    )
    const pdf = await toPdf('bao-cao-hk1.docx', got.bytes)
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'checkpoint-report-signed'), 1, 80)
    const text = await pdfRawText(pdf)
    const layout = await pdfLines(pdf)
    // Header block: the motto on one line, level with the school; Số level with the date.
    expect(
      layout.some((l) => /^UBND PHƯỜNG HÒA BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/.test(l)),
    ).toBe(true)
    expect(layout.some((l) => l.endsWith('Độc lập - Tự do - Hạnh phúc'))).toBe(true)
    expect(layout).toContain('Số: /BC-THCSHB Hòa Bình, ngày 22 tháng 01 năm 2027')
    expect(text).not.toContain('DỰ THẢO')
    expect(text).toContain('Kính gửi: Phòng Văn hóa - Xã hội UBND phường Hòa Bình')
    expect(text).toContain('Thời điểm đánh giá: Cuối học kỳ I')
    // The rows in the plan's order, named by their action, each with its criterion and level.
    const levels = layout.filter((l) => /^\d \S/.test(l))
    expect(levels[0]).toMatch(/^1 Xây dựng lịch họp .*1\.2 Hoàn thành Đã họp ngày/)
    // Each level on one line of its cell.
    expect(levels[1]).toMatch(/^2 Tổ chức chuyên đề dạy học .*2\.3 Đang thực hiện$/)
    expect(levels[2]).toMatch(/^3 Lập dự toán sửa chữa .*3\.1 Chưa hoàn thành$/)
    expect(text).toContain('Hoàn thành: 1/3 hoạt động (33,3%).')
    expect(text).toContain('Chưa hoàn thành: 1/3 hoạt động (33,3%).')
    expect(layout.some((l) => l.startsWith(`Cuối học kỳ I ${TEXTS.monitored.split(' ')[0]}`))).toBe(
      true,
    )
    for (const t of Object.values(TEXTS)) expect(text).toContain(t)
    // Signature block: recipients left, title and name right.
    expect(text).toContain('Nơi nhận:')
    expect(text).toContain('- Hội đồng tự đánh giá;')
    expect(text).not.toContain('Tổ giám sát')
    expect(layout.some((l) => l.endsWith('HIỆU TRƯỞNG'))).toBe(true)
    expect(layout.some((l) => l.endsWith('Nguyễn Thị Hạnh'))).toBe(true)
  })
})
