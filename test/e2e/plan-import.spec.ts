import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const plan004 = fileURLToPath(new URL('../fixtures/plans/plan-004.docx', import.meta.url))

const e2e = useAppAndBrowser()

describe('importing a plan through the wizard', () => {
  it('previews plan-004.docx, takes a changed column mapping, creates the cards, and adds none the second time', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    const before = await page.locator('[data-testid="card-tile"]').count()

    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = page.getByRole('dialog', { name: 'Nhập kế hoạch' })
    // A new plan is offered first; this import goes into the plan in view.
    expect(await wizard.getByRole('radio', { name: /Một kế hoạch mới/ }).isChecked()).toBe(true)
    await wizard.getByRole('radio', { name: /đang xem/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(plan004)

    // The preview: read "Chủ trì và phối hợp thực hiện" as coordinators instead of lead.
    const leadColumn = wizard.getByLabel('Cột: Chủ trì và phối hợp thực hiện')
    await leadColumn.waitFor()
    await leadColumn.selectOption({ label: 'Phối hợp' })
    await page.waitForTimeout(300)
    // The file is of 2020-2021: keep its months as written (the demo plan is this year's).
    await wizard.getByRole('radio', { name: /Giữ nguyên như trong tệp/ }).check()
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).waitFor()
    await page.screenshot({ path: screenshotPath('import-preview.png') })
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).click()
    await wizard.getByText(/Đã tạo 8/).waitFor()
    await page.screenshot({ path: screenshotPath('import-done.png') })
    await page.keyboard.press('Escape')

    await expect
      .poll(() => page.locator('[data-testid="card-tile"]').count(), { timeout: 5000 })
      .toBe(before + 8)
    await expect
      .poll(() => page.locator('[data-testid="column-planned"] [data-testid="card-tile"]').count())
      .toBeGreaterThanOrEqual(8)

    // The changed mapping was applied: the imported cards have coordinators, no lead.
    const plans = (await (await page.request.get('/api/plans')).json()) as {
      plans: { id: string }[]
    }
    const board = (await (
      await page.request.get(`/api/plans/${plans.plans[0]!.id}/board`)
    ).json()) as {
      cards: { id: string; lead: string | null; criterion: string | null }[]
    }
    expect(board.cards).toHaveLength(before + 8)
    const imported = board.cards.filter((c) => c.lead === null && c.criterion !== null)
    expect(imported.length).toBe(8)
    const detail = (await (await page.request.get(`/api/cards/${imported[0]!.id}`)).json()) as {
      card: { coordinators: string | null }
    }
    expect(detail.card.coordinators).toBeTruthy()

    // The same file again: nothing new.
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    await wizard.getByRole('radio', { name: /đang xem/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(plan004)
    await wizard.getByRole('radio', { name: /Giữ nguyên như trong tệp/ }).check()
    await wizard.getByText(/Không có thẻ mới/).waitFor()
    await page.screenshot({ path: screenshotPath('import-again.png') })
    expect(await wizard.getByRole('button', { name: 'Xác nhận nhập' }).isDisabled()).toBe(true)
    await context.close()
  })
})
