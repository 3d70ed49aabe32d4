import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardCards, launchBrowser, loginAs, screenshotPath, startAppServer } from './support.ts'

let app: Awaited<ReturnType<typeof startAppServer>>
let browser: Browser

beforeAll(async () => {
  app = await startAppServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the principal’s monthly progress', () => {
  it('picks last month, follows the overdue figure to its cards, and downloads the report', async () => {
    const { page, context } = await loginAs(browser, app.url, 'hieutruong')
    const overdueCard = (await boardCards(page)).find((c) => c.criterion === '3.1')!

    await page.getByRole('button', { name: 'Tiến độ', exact: true }).click()
    const dashboard = page.getByRole('dialog', { name: 'Tiến độ hằng tháng' })
    await dashboard.waitFor()

    // Last month: the month before the current one, whose snapshot the server froze.
    const picker = dashboard.getByLabel('Tháng')
    const options = await picker
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
    const now = new Date()
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15))
    const lastMonth = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`
    expect(options).toContain(lastMonth)
    await picker.selectOption(lastMonth)
    await dashboard.getByText('Số liệu chốt cuối tháng').waitFor()
    await page.screenshot({ path: screenshotPath('dashboard-last-month.png') })

    // The overdue figure leads to the cards behind it.
    await dashboard.locator('[data-testid="figure-overdue"]').click()
    const behind = dashboard.locator('[data-testid="figure-cards"] [data-testid="figure-card"]')
    await behind.first().waitFor()
    const ids = await behind.evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')))
    expect(ids).toContain(overdueCard.id)
    await page.screenshot({ path: screenshotPath('dashboard-overdue-cards.png') })

    // The report.
    const download = page.waitForEvent('download')
    await dashboard.getByRole('link', { name: /Tải báo cáo/ }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.docx$/)
    const bytes = readFileSync(await file.path())
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    await context.close()
  })
})
