import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const bieu2 = fileURLToPath(
  new URL('../fixtures/plans/synthetic-bieu-2-form-wording.docx', import.meta.url),
)

const e2e = useAppAndBrowser()

describe('importing a Biểu 2 plan', () => {
  it('shows table IV in the preview, and the new fields and the problem in the card panel', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click()
    const wizard = page.getByRole('dialog', { name: 'Nhập kế hoạch' })
    await wizard.getByRole('radio', { name: /đang xem/ }).check()
    await wizard.getByLabel('Chọn tệp kế hoạch').setInputFiles(bieu2)
    await wizard.getByText('Vấn đề trọng tâm (mục IV)').waitFor()
    const keep = wizard.getByRole('radio', { name: /Giữ nguyên như trong tệp/ })
    if (await keep.count()) await keep.check()
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).waitFor()
    await wizard.getByText('Vấn đề trọng tâm (mục IV)').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('bieu-2-preview.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await wizard.getByText('Vấn đề trọng tâm (mục IV)').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('bieu-2-preview-phone.png') })
    await page.setViewportSize({ width: 1440, height: 900 })
    await wizard.getByRole('button', { name: 'Xác nhận nhập' }).click()
    await wizard.getByText(/Đã tạo 5/).waitFor()
    await page.keyboard.press('Escape')

    const tile = page
      .locator('[data-testid="card-tile"]')
      .filter({ hasText: 'Vận động xã hội hóa, mua sắm sách tham khảo' })
    await tile.waitFor()
    expect(await tile.textContent()).toContain('Phát triển thư viện thân thiện')
    await tile.getByText('Vận động xã hội hóa').click()
    await page.getByText('Mức độ thực hiện (theo kế hoạch)').waitFor()
    await page.getByText('Vấn đề trọng tâm (mục IV)').waitFor()

    // The import linked it by order; the principal links it to the other problem by hand.
    const panel = page.getByRole('dialog').last()
    await panel.getByRole('button', { name: 'Đổi vấn đề trọng tâm' }).click()
    await panel
      .getByRole('combobox', { name: 'Vấn đề trọng tâm (mục IV)' })
      .selectOption({ index: 1 })
    await page.screenshot({ path: screenshotPath('bieu-2-problem-link.png') })
    await panel.getByRole('button', { name: 'Lưu' }).click()
    await panel.getByText(/^Tiêu chuẩn 1 — Tiêu chí 1\.4 — Sinh hoạt chuyên môn/).waitFor()
    await page.screenshot({ path: screenshotPath('bieu-2-card-panel.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('bieu-2-card-panel-phone.png') })
    await context.close()
  })
})
