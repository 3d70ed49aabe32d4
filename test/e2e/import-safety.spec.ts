import { fileURLToPath } from 'node:url'
import { isOverdue, type Month } from '@caitien/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url))

const e2e = useAppAndBrowser()

interface Board {
  currentMonth: Month
  cards: { id: string; status: string; dueMonth: string | null; startMonth: string | null }[]
}

async function boardOf(page: Page, planId: string): Promise<Board> {
  return (await (await page.request.get(`/api/plans/${planId}/board`)).json()) as Board
}

async function planByYear(page: Page, schoolYear: string) {
  const { plans } = (await (await page.request.get('/api/plans')).json()) as {
    plans: { id: string; title: string; schoolYear: string }[]
  }
  return plans.find((p) => p.schoolYear === schoolYear && p.title.includes('(nhập)'))!
}

describe('import safety, as the principal lives it', () => {
  it('story (b): imports last year’s plan into a new 2026-2027 plan, moves its months, adds, edits, deletes and restores an action, and undoes a second import', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = page.getByRole('dialog', { name: 'Nhập kế hoạch' })

    // Step 1: a new plan is the first choice, and chosen.
    const fresh = wizard.getByRole('radio', { name: /Một kế hoạch mới/ })
    expect(await fresh.isChecked()).toBe(true)
    await page.screenshot({ path: screenshotPath('import-safety-target-1440.png') })
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(fixture('plan-004.docx'))

    // Step 2: the plan is made from what the file states, then changed to this year.
    const year = wizard.getByRole('combobox', { name: /^Năm học/ })
    await year.waitFor()
    expect(await year.inputValue()).toBe('2020-2021')
    await wizard
      .getByText(/TT18-2018/)
      .first()
      .waitFor()
    await page.screenshot({ path: screenshotPath('import-safety-new-plan-1440.png') })
    await year.selectOption('2026-2027')
    const title = wizard.getByRole('textbox', { name: /^Tên kế hoạch/ })
    expect(await title.inputValue()).toContain('2026-2027')
    await title.fill('Kế hoạch cải tiến chất lượng giáo dục năm học 2026-2027 (nhập)')
    await wizard.getByRole('button', { name: 'Tạo kế hoạch và xem trước' }).click()

    // Step 3: the file is compared with the plan; nothing is chosen for the principal.
    await wizard.getByText('Năm học: tệp 2020-2021, kế hoạch 2026-2027').waitFor()
    await wizard.getByText(/Nhập vào kế hoạch “Kế hoạch cải tiến.*\(nhập\)”/).waitFor()
    const confirm = wizard.getByRole('button', { name: 'Xác nhận nhập' })
    expect(await confirm.isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('import-safety-compare-1440.png') })
    await wizard.getByRole('radio', { name: /Chuyển các tháng sang năm học 2026-2027/ }).check()
    await wizard.getByText('Từ tháng 8/2026').first().waitFor()
    await wizard.getByText('tháng 6 năm 2027').first().waitFor()
    await page.screenshot({ path: screenshotPath('import-safety-shift-1440.png') })
    await confirm.click()
    await wizard.getByText(/Đã tạo 8/).waitFor()
    await page.screenshot({ path: screenshotPath('import-safety-done-1440.png') })
    await wizard.getByRole('button', { name: 'Xem bảng' }).click()

    const plan = await planByYear(page, '2026-2027')
    await expect
      .poll(() => page.locator('[data-testid="card-tile"]').count(), { timeout: 5000 })
      .toBe(8)
    const board = await boardOf(page, plan.id)
    expect(board.cards).toHaveLength(8)
    expect(board.cards.filter((c) => isOverdue(c, board.currentMonth))).toEqual([])
    expect(await page.locator('.badge-overdue').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('import-safety-board-1440.png') })

    // By hand: an action with a blank title, then its title written in; deleted, restored.
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click()
    const add = page.getByRole('dialog', { name: 'Thêm hoạt động vào kế hoạch' })
    await add.getByLabel('Tiêu chuẩn', { exact: true }).fill('2')
    await add.getByLabel('Tiêu chí', { exact: true }).fill('2.3')
    await add.getByLabel('Ghi chú').fill('Bổ sung sau đánh giá ngoài')
    await add.getByRole('button', { name: 'Thêm hoạt động' }).click()
    const card = page.getByRole('dialog').last()
    await card.getByRole('button', { name: 'Sửa nội dung' }).click()
    await card.getByLabel('Công việc / giải pháp').fill('Tổ chức chuyên đề đổi mới phương pháp')
    await card.getByRole('button', { name: 'Lưu' }).click()
    await card.locator('.timeline-changes').getByText('(trống)').waitFor()
    const added = (await boardOf(page, plan.id)).cards.find(
      (c) => !board.cards.some((before) => before.id === c.id),
    )!
    expect(added).toBeTruthy()
    await card.getByRole('button', { name: 'Xoá thẻ' }).click()
    await page
      .getByRole('dialog', { name: 'Xoá hoạt động này?' })
      .getByRole('button', { name: 'Xoá thẻ' })
      .click()
    await card.getByText('Đã xoá thẻ này.').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await boardOf(page, plan.id)).cards.length).toBe(8)
    await page.getByRole('button', { name: 'Thẻ đã xoá' }).click()
    const bin = page.getByRole('dialog', { name: 'Thẻ đã xoá' })
    await bin.getByRole('button', { name: /Khôi phục: Tổ chức chuyên đề/ }).click()
    await bin.getByText('Không có thẻ nào bị xoá trong kế hoạch này.').waitFor()
    await page.keyboard.press('Escape')
    await page.locator(`[data-testid="card-tile"][data-card-id="${added.id}"]`).waitFor()
    expect((await boardOf(page, plan.id)).cards).toHaveLength(9)

    // A second file into the same plan (now in view): one row matches a card, two are new.
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    await wizard.getByRole('radio', { name: /\(nhập\)/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(fixture('plan-002.docx'))
    await wizard.getByRole('radio', { name: /Chuyển các tháng sang năm học 2026-2027/ }).check()
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).click()
    await wizard.getByText(/Đã tạo 2 thẻ, cập nhật 1/).waitFor()
    expect((await boardOf(page, plan.id)).cards).toHaveLength(11)

    // The plan's history lists both imports; the principal undoes the second.
    await wizard.getByRole('link', { name: 'Mở lịch sử kế hoạch' }).click()
    await page.waitForURL(`**/plans/${plan.id}/history`)
    await page.getByRole('heading', { name: 'Lịch sử kế hoạch' }).waitFor()
    const items = page.locator('.history-import')
    await expect.poll(() => items.count()).toBe(2)
    expect(await items.first().textContent()).toContain('plan-002.docx')
    await page.screenshot({
      path: screenshotPath('import-safety-history-1440.png'),
      fullPage: true,
    })
    await items.first().getByRole('button', { name: 'Hoàn tác lần nhập' }).click()
    await page.screenshot({ path: screenshotPath('import-safety-undo-ask-1440.png') })
    await items.first().getByRole('button', { name: 'Hoàn tác', exact: true }).click()
    await items
      .first()
      .getByText(/Đã hoàn tác lúc/)
      .waitFor()
    await items.first().getByText('Đã xoá 2 thẻ, trả lại trường của 1 thẻ.').waitFor()
    await page.screenshot({ path: screenshotPath('import-safety-undone-1440.png'), fullPage: true })
    const after = await boardOf(page, plan.id)
    expect(after.cards).toHaveLength(9)
    expect(after.cards.filter((c) => isOverdue(c, after.currentMonth))).toEqual([])

    // At phone width: the history page and the wizard's steps.
    const phone = await e2e.loginAs('hieutruong', { width: 390, height: 844 })
    await phone.page.goto(`/plans/${plan.id}/history`)
    await phone.page.getByRole('heading', { name: 'Lịch sử kế hoạch' }).waitFor()
    await phone.page.locator('.history-import').first().waitFor()
    await phone.page.screenshot({
      path: screenshotPath('import-safety-history-390.png'),
      fullPage: true,
    })
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await phone.page.goto('/')
    await phone.page.locator('[data-testid="column-planned"]').waitFor()
    const boardWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    expect(boardWidth).toBeLessThanOrEqual(390)
    await phone.page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const small = phone.page.getByRole('dialog', { name: 'Nhập kế hoạch' })
    await small.getByRole('radio', { name: /Một kế hoạch mới/ }).waitFor()
    await phone.page.waitForTimeout(400) // the sheet's opening animation
    await phone.page.screenshot({ path: screenshotPath('import-safety-target-390.png') })
    await small.getByLabel('Chọn tệp kế hoạch').setInputFiles(fixture('plan-004.docx'))
    await small.getByRole('combobox', { name: /^Năm học/ }).waitFor()
    await phone.page.screenshot({ path: screenshotPath('import-safety-new-plan-390.png') })
    await small.getByRole('button', { name: 'Quay lại' }).click()
    await small.getByRole('radio', { name: /\(nhập\)/ }).check()
    await small.getByLabel('Chọn tệp kế hoạch').setInputFiles(fixture('plan-002.docx'))
    await small.getByRole('radio', { name: /Chuyển các tháng/ }).waitFor()
    await phone.page.screenshot({ path: screenshotPath('import-safety-compare-390.png') })
    await small.getByRole('radio', { name: /Chuyển các tháng/ }).check()
    await small.getByText('Sau khi chuyển').waitFor()
    await phone.page.screenshot({
      path: screenshotPath('import-safety-shift-390.png'),
      fullPage: true,
    })
    await phone.context.close()
    await context.close()
  })

  it('says a plan table with no rows is empty, and what else the file holds', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = page.getByRole('dialog', { name: 'Nhập kế hoạch' })
    await wizard.getByRole('radio', { name: /đang xem/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(fixture('empty-table.docx'))
    await wizard.getByText(/Bảng kế hoạch trong tệp không có dòng nào/).waitFor()
    await wizard.getByText(/Nơi nhận:/).waitFor()
    expect(await wizard.getByText(/đã được nhập/).count()).toBe(0)
    expect(await wizard.getByRole('button', { name: 'Xác nhận nhập' }).isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('import-safety-empty-1440.png') })
    await context.close()
  })
})
