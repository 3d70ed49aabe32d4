import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { catchUpSnapshots, insertTestPlan } from '@caitien/server/testing'
import { reportSummaryLines } from '@caitien/shared/report-text'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR } from '../support/artifacts.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { officeToPdf, pdfLines, pdfPagePng, pdfText } from '../support/run.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let monitor: HttpSession
let staff: HttpSession
let planId: string
const dir = mkdtempSync(join(tmpdir(), 'caitien-report-'))
// Never a synchronous child process here: it would stall the server under test (STYLE).

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  monitor = httpSession(server.url)
  staff = httpSession(server.url)
  await principal.login(world.users.principal.login)
  await monitor.login(world.users.monitor.login)
  await staff.login(world.users.assignee.login)
  const plan = await insertTestPlan(server.db, world.schoolId, '2026-2027')
  await server.db
    .updateTable('plan')
    .set({ created_at: '2026-09-01T02:00:00.000Z' })
    .where('id', '=', plan.id)
    .execute()
  planId = plan.id
  server.setNow(new Date('2026-10-05T03:00:00Z'))
  const ids: string[] = []
  for (const [criterion, timeframe] of [
    ['1.1', 'Tháng 10/2026'],
    ['1.2', 'Tháng 9/2026'],
    ['2.3', 'Tháng 12/2026'],
    ['3.1', 'Tháng 10/2026'],
  ] as const) {
    const res = await principal.post(`/api/plans/${plan.id}/cards`, {
      standard: criterion.split('.')[0],
      criterion,
      timeframe,
      tasks: `Hoạt động tiêu chí ${criterion}`,
      assigneeIds: [world.users.assignee.id],
    })
    ids.push(res.body.card.id as string)
  }
  await staff.post(`/api/cards/${ids[0]}/move`, { to: 'in_progress', version: 1 })
  await staff.post(`/api/cards/${ids[0]}/evidence`, { kind: 'note', title: 'Biên bản', note: 'x' })
  await staff.post(`/api/cards/${ids[0]}/move`, { to: 'evidence_submitted', version: 2 })
  await monitor.post(`/api/cards/${ids[0]}/move`, { to: 'verified', version: 3 })
  await staff.post(`/api/cards/${ids[1]}/move`, { to: 'in_progress', version: 1 })
  const put = await monitor.put(`/api/plans/${planId}/snapshots/2026-10/remarks`, {
    text: 'Tổ giám sát đề nghị đẩy nhanh tiến độ tiêu chí 1.2.',
  })
  expect(put.status).toBe(200)
  server.setNow(new Date('2026-11-03T03:00:00Z'))
  await catchUpSnapshots(server.db, new Date('2026-11-03T03:00:00Z'))
  await principal.login(world.users.principal.login)
})
afterAll(async () => {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function download(format: 'docx' | 'xlsx', month = '2026-10') {
  const res = await fetch(
    `${server.url}/api/plans/${planId}/snapshots/${month}/report?format=${format}`,
    {
      headers: { cookie: principal.cookie },
    },
  )
  expect(res.status).toBe(200)
  expect(res.headers.get('content-disposition')).toMatch(/attachment/)
  return new Uint8Array(await res.arrayBuffer())
}

describe('the monthly report', () => {
  it('writes an .xlsx that re-reads with the month view figures', async () => {
    const view = (await principal.get(`/api/plans/${planId}/snapshots/2026-10`)).body
    expect(view.source).toBe('snapshot')
    expect(view.remarks.text).toMatch(/1\.2/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await download('xlsx')).buffer)
    const summary = wb.getWorksheet('Tổng hợp')!
    const value = (label: string) => {
      let found: unknown
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value
      })
      return found
    }
    expect(value('Tổng số hoạt động')).toBe(view.summary.total)
    expect(value('Đã xác nhận')).toBe(view.summary.byStatus.verified)
    expect(value('Đang thực hiện')).toBe(view.summary.byStatus.in_progress)
    expect(value('Hoạt động quá hạn')).toBe(view.summary.overdue.length)
    expect(value('Tỉ lệ đã xác nhận')).toBe(view.summary.shareVerified)
    const criteria = wb.getWorksheet('Theo tiêu chí')!
    expect(criteria.rowCount - 1).toBe(view.summary.byCriterion.length)
    const overdue = wb.getWorksheet('Quá hạn')!
    expect(overdue.rowCount - 1).toBe(view.summary.overdue.length)
    expect(view.summary.overdue.length).toBe(2)
  })

  it('writes a remark that looks like a formula as a Text cell showing what was typed', async () => {
    const remark = '=HYPERLINK("http://evil.example","Xem báo cáo")'
    const put = await monitor.put(`/api/plans/${planId}/snapshots/2026-11/remarks`, {
      text: remark,
    })
    expect(put.status).toBe(200)
    const res = await fetch(
      `${server.url}/api/plans/${planId}/snapshots/2026-11/report?format=xlsx`,
      { headers: { cookie: principal.cookie } },
    )
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    let cell: ExcelJS.Cell | undefined
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => {
      if (row.getCell(1).value === 'Nhận xét của Tổ giám sát') cell = row.getCell(2)
    })
    expect(cell?.value).toBe(remark)
    expect(cell?.type).toBe(ExcelJS.ValueType.String)
    expect(cell?.numFmt).toBe('@')
  })

  it('writes a .docx that LibreOffice converts to a PDF saying the same', async () => {
    const docx = join(dir, 'bao-cao.docx')
    writeFileSync(docx, await download('docx'))
    const pdf = await officeToPdf(docx, dir)
    const text = await pdfText(pdf)
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC')
    expect(text).toContain('THÁNG 10/2026')
    expect(text).toMatch(/Tổng số hoạt động cải tiến: 4\./)
    expect(text).toMatch(/Hoạt động quá hạn: 2/)
    expect(text).toContain('đẩy nhanh tiến độ tiêu chí 1.2')
    // The state layout (ND30): the motto on one line, the number, place before the date,
    // the addressee, "Nơi nhận" and the signature block with the principal's name.
    const layout = await pdfLines(pdf)
    expect(layout.some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true)
    expect(layout.some((l) => l.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true)
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'monthly-report'), 1, 80)
    expect(layout.some((l) => /Số: \/BC-[A-Z0-9]+/.test(l))).toBe(true)
    expect(text).toContain('……, ngày 03 tháng 11 năm 2026')
    expect(text).toContain('Kính gửi:')
    expect(text).toContain('Nơi nhận:')
    expect(text).toContain('- Lưu: VT.')
    expect(text).toContain('HIỆU TRƯỞNG')
    // The plan's name and year are printed once.
    expect(text.split('Kế hoạch thử').length).toBe(2)
    expect(text.split('2026-2027').length).toBe(2)
    expect(text).toContain('Tỉ lệ đã xác nhận: 25%')
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it("prints the school's own header, addressee and signer once the principal sets them", async () => {
    const settings = {
      issuingBody: 'UBND xã Hòa Bình',
      placeName: 'Hòa Bình',
      documentSymbol: 'THCSHB',
      overseerName: 'Phòng Văn hóa - Xã hội UBND xã Hòa Bình',
      signerTitle: 'Hiệu trưởng',
      signerName: 'Nguyễn Thị Hạnh',
    }
    const put = await principal.put(`/api/schools/${world.schoolId}/document-settings`, settings)
    expect(put.status).toBe(200)
    const docx = join(dir, 'bao-cao-co-thong-tin.docx')
    writeFileSync(docx, await download('docx'))
    const pdf = await officeToPdf(docx, dir)
    const text = await pdfText(pdf)
    const layout = await pdfLines(pdf)
    expect(text).toContain('UBND XÃ HÒA BÌNH')
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'monthly-report-settings'), 1, 80)
    expect(layout.some((l) => l.includes('Số: /BC-THCSHB'))).toBe(true)
    expect(text).toContain('Hòa Bình, ngày 03 tháng 11 năm 2026')
    expect(text).toContain('Kính gửi: Phòng Văn hóa - Xã hội UBND xã Hòa Bình')
    expect(layout.some((l) => l.endsWith('HIỆU TRƯỞNG'))).toBe(true)
    expect(text).toContain('Nguyễn Thị Hạnh')
    await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'monthly-report-settings'), 2, 80)
  })

  it('sums a month up with each change since the month before, in the words the web prints', async () => {
    const view = (await principal.get(`/api/plans/${planId}/snapshots/2026-11`)).body
    expect(view.change).not.toBeNull()
    const docx = join(dir, 'bao-cao-thang-11.docx')
    writeFileSync(docx, await download('docx', '2026-11'))
    const text = await pdfText(await officeToPdf(docx, dir))
    // The web's print view draws the same lines from the same month view (report-text.ts).
    for (const line of reportSummaryLines(view)) expect(text).toContain(`- ${line}`)
    expect(text).toContain('- Tổng số hoạt động cải tiến: 4 (0 so với tháng trước).')
  })

  it('is for the monitoring team and the principal only', async () => {
    expect(
      (await staff.get(`/api/plans/${planId}/snapshots/2026-10/report?format=docx`)).status,
    ).toBe(403)
    expect(
      (await principal.put(`/api/plans/${planId}/snapshots/2026-10/remarks`, { text: 'x' })).status,
    ).toBe(403)
  })
})
