import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const prosePlan = fileURLToPath(
  new URL('../fixtures/plans/synthetic-prose-plan.docx', import.meta.url),
)

const e2e = useAppAndBrowser()

describe('importing a plan written as prose', () => {
  it('shows the rows found in the text, lets the principal drop one, and creates the other two', async () => {
    const { page } = await e2e.loginAs('hieutruong')
    const before = await page.locator('[data-testid="card-tile"]').count()

    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = page.getByRole('dialog', { name: 'Nhập kế hoạch' })
    await wizard.getByRole('radio', { name: /đang xem/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(prosePlan)

    const group = wizard.getByRole('region', { name: /Tìm thấy trong văn bản/ })
    await group.waitFor()
    const dropped = group.getByLabel('Nhập hoạt động của Tổ trưởng tổ 1-2')
    expect(await dropped.isChecked()).toBe(true)
    // The choice is the server's: the box changes once the preview is read again with it.
    await dropped.click()
    await expect.poll(() => dropped.isChecked()).toBe(false)
    await expect.poll(() => dropped.isEnabled()).toBe(true)
    const keep = wizard.getByRole('radio', { name: /Giữ nguyên như trong tệp/ })
    if (await keep.count()) await keep.check()
    await group.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('prose-import-preview.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await group.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('prose-import-preview-phone.png') })
    await page.setViewportSize({ width: 1440, height: 900 })

    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).click()
    await wizard.getByText(/Đã tạo 2/).waitFor()
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.locator('[data-testid="card-tile"]').count(), { timeout: 5000 })
      .toBe(before + 2)
  })
})
