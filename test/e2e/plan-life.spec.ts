import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

interface PlanInfo {
  id: string
  title: string
  schoolYear: string
  state: string
}

/** The person's plans as the API lists them, through the page's own session. */
async function plans(page: Page): Promise<PlanInfo[]> {
  return ((await (await page.request.get('/api/plans')).json()) as { plans: PlanInfo[] }).plans
}

async function boardOf(page: Page, planId: string) {
  return (await (await page.request.get(`/api/plans/${planId}/board`)).json()) as {
    cards: { id: string; title: string; status: string }[]
  }
}

/** A write the way the page makes it: same origin, the page's cookies. */
function pageFetch(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p, {
        method: m,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      })
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } }
    },
    [method, path, body] as const,
  )
}

const phone = { width: 390, height: 844 }

/** The select of a form field, by its label's own words (a label's name includes its options). */
function fieldSelect(scope: Page | ReturnType<Page['locator']>, label: string) {
  return scope.locator(`label.field:has(> .field-label:text-is("${label}")) select`)
}

describe('a plan’s life, by the principal', () => {
  it('carries last year’s plan over, adds and edits an action, deletes and restores a card, archives, deletes and restores a plan', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    const [demo] = await plans(page)
    const demoBoard = await boardOf(page, demo!.id)
    const unfinished = demoBoard.cards.filter((c) => c.status !== 'verified').length

    // A new plan from last year's plan: the next school year, the demo's unfinished actions.
    await page.getByRole('button', { name: 'Kế hoạch mới' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch mới' })
    await dialog.getByLabel(/Kế hoạch năm trước: chuyển tiếp/).check()
    const [first] = demo!.schoolYear.split('-').map(Number)
    const nextYear = `${first! + 1}-${first! + 2}`
    await fieldSelect(dialog, 'Năm học').selectOption(nextYear)
    await dialog.getByText(`${unfinished} hoạt động sẽ được chuyển tiếp`).waitFor()
    await page.screenshot({ path: screenshotPath('plan-life-new-from-last-year.png') })
    await dialog.getByRole('button', { name: 'Tạo và chuyển tiếp' }).click()
    await dialog.waitFor({ state: 'detached' })
    const created = (await plans(page)).find((p) => p.schoolYear === nextYear)!
    expect(created).toBeTruthy()
    await expect
      .poll(() => page.locator('[data-testid="card-tile"]').count(), { timeout: 5000 })
      .toBe(unfinished)

    // A carried card links to its original, whose history opens in last year's plan.
    await page.locator('[data-testid="card-tile"]').first().click()
    const panel = page.getByRole('dialog').last()
    await panel.getByText(/Chuyển tiếp từ kế hoạch/).waitFor()
    await page.screenshot({ path: screenshotPath('plan-life-carried-card.png') })
    await panel.getByRole('link', { name: 'Xem thẻ gốc và lịch sử' }).first().click()
    await page
      .getByRole('dialog')
      .last()
      .getByText(/đã chuyển tiếp thẻ sang kế hoạch mới/)
      .waitFor()
    await page.keyboard.press('Escape')
    await page.locator('.plan-picker select').selectOption(created.id)
    await page.locator('[data-testid="card-tile"]').first().waitFor()

    // An action added by hand, with a blank title: only its criterion and a note.
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click()
    const add = page.getByRole('dialog', { name: 'Thêm hoạt động vào kế hoạch' })
    await add.getByLabel('Tiêu chuẩn', { exact: true }).fill('2')
    await add.getByLabel('Tiêu chí', { exact: true }).fill('2.3')
    await add.getByLabel('Ghi chú').fill('Bổ sung sau đánh giá ngoài')
    await page.screenshot({ path: screenshotPath('plan-life-add-action.png') })
    await add.getByRole('button', { name: 'Thêm hoạt động' }).click()
    // The new card opens; its title is blank until edited.
    const card = page.getByRole('dialog').last()
    await card.getByRole('button', { name: 'Sửa nội dung' }).click()
    await card.getByLabel('Công việc / giải pháp').fill('Tổ chức chuyên đề đổi mới phương pháp')
    await page.screenshot({ path: screenshotPath('plan-life-edit-action.png') })
    await card.getByRole('button', { name: 'Lưu' }).click()
    await card
      .locator('.timeline-changes')
      .getByText('Tổ chức chuyên đề đổi mới phương pháp')
      .waitFor()
    await card.locator('.timeline-changes').getByText('(trống)').waitFor()
    await card.locator('.timeline-changes').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('plan-life-field-history.png') })
    const titled = (await boardOf(page, created.id)).cards.find(
      (c) => c.title === 'Tổ chức chuyên đề đổi mới phương pháp',
    )
    expect(titled).toBeTruthy()

    // Deleted from the panel, restored from the list of deleted cards.
    await card.getByRole('button', { name: 'Xoá thẻ' }).click()
    await page
      .getByRole('dialog', { name: 'Xoá hoạt động này?' })
      .getByRole('button', { name: 'Xoá thẻ' })
      .click()
    await card.getByText('Đã xoá thẻ này.').waitFor()
    await page.keyboard.press('Escape')
    await expect
      .poll(async () => (await boardOf(page, created.id)).cards.some((c) => c.id === titled!.id))
      .toBe(false)
    await page.getByRole('button', { name: 'Thẻ đã xoá' }).click()
    const bin = page.getByRole('dialog', { name: 'Thẻ đã xoá' })
    await bin.getByText('Tổ chức chuyên đề đổi mới phương pháp').waitFor()
    await page.screenshot({ path: screenshotPath('plan-life-deleted-cards.png') })
    await bin.getByRole('button', { name: /Khôi phục: Tổ chức chuyên đề/ }).click()
    await bin.getByText('Không có thẻ nào bị xoá trong kế hoạch này.').waitFor()
    await page.keyboard.press('Escape')
    await page.locator(`[data-testid="card-tile"][data-card-id="${titled!.id}"]`).waitFor()

    // Settings: rename, and preview a change of school year before saving it.
    await page.getByRole('link', { name: 'Cài đặt' }).click()
    await page.getByRole('heading', { name: /Cài đặt kế hoạch/ }).waitFor()
    await page.getByLabel('Tên kế hoạch', { exact: true }).fill('Kế hoạch cải tiến năm sau')
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await page.getByText('Đã lưu thay đổi.').waitFor()
    await fieldSelect(page, 'Năm học').selectOption(
      demo!.schoolYear.replace(
        /^(\d+)-(\d+)$/,
        (_, a: string, b: string) => `${Number(a) - 1}-${Number(b) - 1}`,
      ),
    )
    await page.getByText(/Đổi năm học sẽ đọc lại thời gian/).waitFor()
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Xem trước thay đổi' }).click()
    await page.getByText('Những gì sẽ thay đổi khi lưu').waitFor()
    await page.screenshot({
      path: screenshotPath('plan-life-settings-preview.png'),
      fullPage: true,
    })
    await fieldSelect(page, 'Năm học').selectOption(nextYear)

    // Archived: read-only on the board, and the API refuses writes with 409.
    await page.getByRole('button', { name: 'Lưu trữ kế hoạch' }).click()
    await page.getByRole('button', { name: 'Bỏ lưu trữ' }).waitFor()
    await page.screenshot({ path: screenshotPath('plan-life-settings.png'), fullPage: true })
    await page.getByRole('link', { name: /Quay lại bảng/ }).click()
    await page.getByText(/Kế hoạch này đã được lưu trữ/).waitFor()
    expect(await page.getByRole('button', { name: 'Thêm hoạt động' }).count()).toBe(0)
    // No way to move a card is offered: no move menu, and a keyboard drag does not start.
    await page.locator('[data-testid="card-tile"]').first().waitFor()
    expect(await page.locator('.tile-menu-button').count()).toBe(0)
    const before = (await boardOf(page, created.id)).cards.map((c) => c.status)
    await page.locator('[data-testid="card-tile"]').first().focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.waitForTimeout(500)
    expect((await boardOf(page, created.id)).cards.map((c) => c.status)).toEqual(before)
    expect(await page.getByText(/đã được lưu trữ/).count()).toBe(1)
    await page.screenshot({ path: screenshotPath('plan-life-archived-board.png') })
    const refused = await pageFetch(page, 'POST', `/api/plans/${created.id}/cards`, {
      tasks: 'Không được',
    })
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'plan_archived' } } })

    // Deleted with its name typed, then restored from the deleted plans.
    await page.goto(`/plans/${created.id}/settings`)
    await page.getByRole('button', { name: 'Bỏ lưu trữ' }).click()
    await page.getByRole('button', { name: 'Lưu trữ kế hoạch' }).waitFor()
    const confirm = page.getByLabel(/Gõ tên kế hoạch/)
    await confirm.fill('Kế hoạch cải tiến')
    expect(await page.getByRole('button', { name: 'Xoá kế hoạch' }).isDisabled()).toBe(true)
    await confirm.fill('Kế hoạch cải tiến năm sau')
    await page.getByRole('button', { name: 'Xoá kế hoạch' }).click()
    await page.getByText(/Đã xoá kế hoạch “Kế hoạch cải tiến năm sau”/).waitFor()
    expect((await plans(page)).map((p) => p.id)).not.toContain(created.id)
    await page.screenshot({ path: screenshotPath('plan-life-plan-deleted.png'), fullPage: true })
    await page.getByRole('button', { name: 'Khôi phục kế hoạch Kế hoạch cải tiến năm sau' }).click()
    await page.getByText(/Đã khôi phục kế hoạch/).waitFor()
    await expect.poll(async () => (await plans(page)).map((p) => p.id)).toContain(created.id)
    expect((await boardOf(page, created.id)).cards).toHaveLength(unfinished + 1)

    // The same screens on a phone.
    const small = await e2e.loginAs('hieutruong', phone)
    await small.page.goto(`/plans/${created.id}/settings`)
    await small.page.getByRole('heading', { name: /Cài đặt kế hoạch/ }).waitFor()
    await fieldSelect(small.page, 'Năm học').selectOption(demo!.schoolYear)
    await small.page.getByRole('button', { name: 'Xem trước thay đổi' }).click()
    await small.page.getByText('Những gì sẽ thay đổi khi lưu').waitFor()
    await small.page.screenshot({
      path: screenshotPath('plan-life-settings-phone.png'),
      fullPage: true,
    })
    await small.page.getByRole('link', { name: /Quay lại bảng/ }).click()
    await small.page.locator('[data-testid="card-tile"]').first().waitFor()
    await small.page.getByRole('button', { name: 'Thêm hoạt động' }).click()
    await small.page.getByRole('dialog', { name: 'Thêm hoạt động vào kế hoạch' }).waitFor()
    await small.page.waitForTimeout(400)
    await small.page.screenshot({ path: screenshotPath('plan-life-add-action-phone.png') })
    await small.page.keyboard.press('Escape')
    await small.page.locator(`[data-testid="card-tile"][data-card-id="${titled!.id}"]`).click()
    const smallPanel = small.page.getByRole('dialog').last()
    await smallPanel.locator('.timeline-changes').scrollIntoViewIfNeeded()
    await small.page.screenshot({ path: screenshotPath('plan-life-field-history-phone.png') })
    await smallPanel.getByRole('button', { name: 'Sửa nội dung' }).click()
    await small.page.screenshot({ path: screenshotPath('plan-life-edit-action-phone.png') })
    await small.page.keyboard.press('Escape')
    await small.page.getByRole('button', { name: 'Thẻ đã xoá' }).click()
    await small.page
      .getByRole('dialog', { name: 'Thẻ đã xoá' })
      .getByText(/Không có thẻ nào/)
      .waitFor()
    await small.page.waitForTimeout(400) // the sheet slides in
    await small.page.screenshot({ path: screenshotPath('plan-life-deleted-cards-phone.png') })
    await small.page.keyboard.press('Escape')
    await small.page.getByRole('button', { name: 'Kế hoạch mới' }).click()
    await small.page.getByLabel(/Kế hoạch năm trước: chuyển tiếp/).check()
    await small.page.getByText(/hoạt động sẽ được chuyển tiếp/).waitFor()
    await small.page.screenshot({ path: screenshotPath('plan-life-new-from-last-year-phone.png') })
    // An archived board on a phone: the banner, no card tools.
    expect(
      (await pageFetch(small.page, 'POST', `/api/plans/${created.id}/archive`, {})).status,
    ).toBe(200)
    await small.page.reload()
    await small.page.getByText(/Kế hoạch này đã được lưu trữ/).waitFor()
    expect(await small.page.getByRole('button', { name: 'Thêm hoạt động' }).count()).toBe(0)
    await small.page.screenshot({ path: screenshotPath('plan-life-archived-board-phone.png') })
    await small.context.close()
    await context.close()
  })
})
