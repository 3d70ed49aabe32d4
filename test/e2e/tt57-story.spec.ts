import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstLine } from '@caitien/shared'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { parsePlanFile } from '../../server/src/plans/import/parse-plan.ts'
import { officeToPdf, pdfPagePng, pdfText } from '../support/run.ts'
import { column, mouseDrag, screenshotPath, tile, useAppAndBrowser } from './support.ts'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
const bieu2 = fixture('plans/synthetic-bieu-2-form-wording.docx')
const minutes = fixture('evidence/Biên bản họp tổ.pdf')

const e2e = useAppAndBrowser()
const work = mkdtempSync(join(tmpdir(), 'caitien-tt57-story-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface StoryCard {
  id: string
  title: string
  version: number
  status: string
}

async function boardOf(page: Page, planId: string) {
  const res = await page.request.get(`/api/plans/${planId}/board`)
  expect(res.status()).toBe(200)
  return ((await res.json()) as { cards: StoryCard[] }).cards
}

/** The card named by this action. */
const cardOf = (cards: StoryCard[], title: string) =>
  cards.find((c) => c.title === title) ??
  expect.fail(`no card "${title}" among ${cards.map((c) => c.title).join(' | ')}`)

async function closeDialogs(page: Page) {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(150)
  }
}

describe('a TT57 plan through its first semester', () => {
  it('is imported from Biểu 2, worked on, reviewed at "Cuối học kỳ I", signed, and printed with table VI filled', async () => {
    // 1. The principal imports a Biểu 2 file as a new plan: the file cites Thông tư 57/2026
    //    and names a primary school, so the general-school TT57 framework is proposed.
    const principal = await e2e.loginAs('hieutruong')
    const p = principal.page
    await p.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = p.getByRole('dialog', { name: 'Nhập kế hoạch' })
    await wizard.getByRole('radio', { name: /Một kế hoạch mới/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(bieu2)
    const year = wizard.getByRole('combobox', { name: /^Năm học/ })
    await year.waitFor()
    expect(await year.inputValue()).toBe('2026-2027')
    const framework = wizard.getByRole('combobox', { name: /^Bộ tiêu chí/ })
    expect(await framework.inputValue()).toMatch(/^TT57-2026-pho-thong@/)
    await wizard
      .getByRole('textbox', { name: /^Tên kế hoạch/ })
      .fill('Kế hoạch cải tiến chất lượng năm học 2026-2027 (Biểu 2)')
    await wizard.getByRole('button', { name: 'Tạo kế hoạch và xem trước' }).click()
    await wizard.getByText('Vấn đề trọng tâm (mục IV)').waitFor()
    const keep = wizard.getByRole('radio', { name: /Giữ nguyên như trong tệp/ })
    if (await keep.count()) await keep.check()
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).click()
    await wizard.getByText(/Đã tạo 5/).waitFor()
    await wizard.getByRole('button', { name: 'Xem bảng' }).click()
    await expect.poll(() => p.locator('[data-testid="card-tile"]').count()).toBe(5)
    const planId = /\/plans\/([^/?]+)/.exec(p.url())![1]!

    // The principal gives two actions of "Đổi mới sinh hoạt chuyên môn" to a teacher.
    const me = (await (await p.request.get('/api/session/me')).json()) as {
      memberships: { schoolId: string }[]
    }
    const people = (await (
      await p.request.get(`/api/schools/${me.memberships[0]!.schoolId}/people`)
    ).json()) as { people: { id: string; login: string }[] }
    const teacherId = people.people.find((x) => x.login === 'giaovien')!.id
    let cards = await boardOf(p, planId)
    const lessonStudy = cardOf(cards, 'Các tổ sinh hoạt chuyên môn theo nghiên cứu bài học')
    const demoLessons = cardOf(cards, 'Dự giờ, góp ý bài học minh họa')
    for (const card of [lessonStudy, demoLessons]) {
      const res = await p.request.put(`/api/cards/${card.id}/assignees`, {
        data: { version: card.version, assigneeIds: [teacherId] },
      })
      expect(res.status()).toBe(200)
    }

    // 2. The teacher works through the semester on the new plan: starts both actions, adds
    //    the minutes of a lesson-study meeting (coded MC.1.4.01 under TT57), submits one.
    const teacher = await e2e.loginAs('giaovien')
    const t = teacher.page
    await t.goto(`/plans/${planId}`)
    await tile(t, lessonStudy.id).waitFor()
    for (const card of [lessonStudy, demoLessons]) {
      await mouseDrag(t, tile(t, card.id), column(t, 'in_progress'))
      await column(t, 'in_progress').locator(`[data-card-id="${card.id}"]`).waitFor()
    }
    await tile(t, lessonStudy.id).click()
    const detail = t
      .getByRole('dialog')
      .filter({ has: t.getByLabel('Tải tệp minh chứng') })
      .first()
    await detail.getByLabel('Tải tệp minh chứng').setInputFiles(minutes)
    await detail.locator('[data-testid="evidence-item"]', { hasText: 'MC.1.4.01' }).waitFor()
    await t.screenshot({ path: screenshotPath('tt57-story-evidence-code.png') })
    await closeDialogs(t)
    await mouseDrag(t, tile(t, lessonStudy.id), column(t, 'evidence_submitted'))
    await column(t, 'evidence_submitted').locator(`[data-card-id="${lessonStudy.id}"]`).waitFor()

    // The monitoring team verifies it.
    const monitor = await e2e.loginAs('giamsat')
    const m = monitor.page
    await m.goto(`/plans/${planId}`)
    await m.getByRole('button', { name: /^Chờ xác nhận/ }).click()
    const item = m.locator(`[data-testid="review-item"][data-card-id="${lessonStudy.id}"]`)
    await item.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect
      .poll(async () => (await boardOf(m, planId)).find((c) => c.id === lessonStudy.id)?.status)
      .toBe('verified')

    // 3. The principal opens "Cuối học kỳ I" (early: today is before the checkpoint month),
    //    reads each row's level from the board, and changes one with a reason.
    await p.goto(`/plans/${planId}`)
    await p.getByRole('link', { name: 'Rà soát định kỳ' }).click()
    await p.getByRole('link', { name: /Cuối học kỳ I/ }).click()
    const openButton = p.getByRole('button', { name: /^(Mở sớm|Mở đợt rà soát)$/ })
    await openButton.click()
    const rows = p.locator('.checkpoint-rows tbody tr')
    await expect.poll(() => rows.count()).toBe(5)
    const rowOf = (tasks: string) => rows.filter({ hasText: tasks })
    const verifiedRow = rowOf('Các tổ sinh hoạt chuyên môn theo nghiên cứu bài học')
    expect(await verifiedRow.locator('td[data-label="Ghi nhận"]').innerText()).toContain(
      'Hoàn thành',
    )
    const changed = rowOf('Dự giờ, góp ý bài học minh họa')
    await changed.getByRole('button', { name: /^Sửa/ }).click()
    await changed.getByLabel('Mức độ thực hiện').selectOption('done')
    await changed
      .getByLabel('Lý do điều chỉnh (bắt buộc)')
      .fill('Đã dự giờ đủ 4 tiết ngày 28/11, biên bản nộp sau')
    await changed.getByRole('button', { name: 'Lưu' }).click()
    await changed.locator('td.checkpoint-reason', { hasText: 'biên bản nộp sau' }).waitFor()
    await p.getByLabel('Nội dung theo dõi').fill('Sinh hoạt chuyên môn theo nghiên cứu bài học')
    await p.getByLabel('Kết quả thực hiện').fill('2/5 hoạt động hoàn thành, 3 đang thực hiện')
    await p.getByLabel('Điều chỉnh (nếu có)').fill('Bổ sung chuyên đề thư viện vào học kỳ II')
    await p.getByRole('button', { name: 'Lưu nội dung' }).click()
    await p.getByText('Đã lưu.').waitFor()
    await p.getByRole('button', { name: 'Ký duyệt' }).click()
    await p.locator('.checkpoint-signoff').getByRole('button', { name: 'Ký duyệt' }).click()
    await p.getByText(/Đã ký duyệt: Nguyễn Thị Hạnh/).waitFor()
    await p.screenshot({ path: screenshotPath('tt57-story-signed-review.png'), fullPage: true })
    const reviewOrder = await rows.locator('td.checkpoint-row-title').allInnerTexts()

    // 4. Biểu 2, downloaded from the plan's export menu: table VI carries the signed review,
    //    table V's column (10) the level the principal recorded.
    await p.goto(`/plans/${planId}`)
    await p.getByRole('button', { name: 'Xuất', exact: true }).click()
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('menuitem', { name: 'Biểu 2 (.docx)' }).click(),
    ])
    const docx = join(work, 'bieu-2.docx')
    await download.saveAs(docx)
    const pdf = await officeToPdf(docx, work)
    await pdfPagePng(pdf, screenshotPath('tt57-story-bieu-2'), 1)
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
    expect(text).toContain('Cuối học kỳ I')
    expect(text).toContain('2/5 hoạt động hoàn thành, 3 đang thực hiện')
    expect(text).toContain('Bổ sung chuyên đề thư viện vào học kỳ II')
    expect(text).toContain('Nguyễn Thị Hạnh')
    // Column (10), read back by the app's own importer: the signed review's levels, not the
    // file's (the verified row, the row the principal changed, the late one never started,
    // and the two not yet due, in progress; the file said "Chưa hoàn thành" for the last).
    const reread = await parsePlanFile(new Uint8Array(readFileSync(docx)), 'bieu-2.docx')
    expect(
      Object.fromEntries(reread.rows.map((r) => [firstLine(r.tasks), r.completionLevel])),
    ).toEqual({
      'Tổ chức 2 buổi bồi dưỡng tổ trưởng về nghiên cứu bài học': 'Chưa hoàn thành',
      'Các tổ sinh hoạt chuyên môn theo nghiên cứu bài học': 'Hoàn thành',
      'Dự giờ, góp ý bài học minh họa': 'Hoàn thành',
      'Vận động xã hội hóa, mua sắm sách tham khảo': 'Đang thực hiện',
      'Cải tạo sân sau thành góc đọc ngoài trời': 'Đang thực hiện',
    })
    // The review lists the rows in the plan's order, as Biểu 2 does.
    expect(reviewOrder.map((t) => t.trim())).toEqual(reread.rows.map((r) => firstLine(r.tasks)))

    // The evidence list names the minutes by their TT57 code.
    const list = await p.request.get(`/api/plans/${planId}/export/evidence-list?format=xlsx`)
    expect(list.status()).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(new Uint8Array(await list.body()).buffer)
    const codes: string[] = []
    book.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith('MC.')) codes.push(cell.value)
      }),
    )
    expect(codes).toEqual(['MC.1.4.01'])
    cards = await boardOf(p, planId)
    expect(cards.filter((c) => c.status === 'verified').map((c) => c.id)).toEqual([lessonStudy.id])
    for (const s of [principal, teacher, monitor]) await s.context.close()
  })
})
