import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { boardCards, screenshotPath, useAppAndBrowser } from './support.ts'

/** A criterion's name in the shipped TT18 catalogue, the demo plan's framework. */
function tt18Name(code: string): string {
  const catalog = JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL('../../server/src/frameworks/catalog/criteria-catalog.json', import.meta.url),
      ),
      'utf8',
    ),
  ) as {
    circulars: { id: string; standards: { criteria: { code: string; name: string }[] }[] }[]
  }
  const tt18 = catalog.circulars.find((c) => c.id === 'TT18-2018')!
  return tt18.standards.flatMap((s) => s.criteria).find((c) => c.code === code)!.name
}

const e2e = useAppAndBrowser()

describe('the principal’s monthly progress', () => {
  it('picks last month, follows the overdue figure to its cards, and downloads the report', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
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
    // Each criterion row names the criterion as the plan's framework does.
    await dashboard.getByRole('rowheader', { name: `Tiêu chí 3.1: ${tt18Name('3.1')}` }).waitFor()
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

  it('wraps long criterion names on a phone instead of widening the page', async () => {
    const { page, context } = await e2e.loginAs('hieutruong', {
      width: 390,
      height: 844,
    })
    await page.getByRole('button', { name: 'Tiến độ', exact: true }).click()
    const dashboard = page.getByRole('dialog', { name: 'Tiến độ hằng tháng' })
    const longest = dashboard.getByRole('rowheader', {
      name: `Tiêu chí 1.10: ${tt18Name('1.10')}`,
    })
    await longest.waitFor()
    await longest.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('dashboard-table-phone.png') })
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.dash-table-wrap')!
      return {
        page: document.documentElement.scrollWidth,
        table: wrap.scrollWidth,
        wrap: wrap.clientWidth,
      }
    })
    expect(sizes.page).toBeLessThanOrEqual(390)
    expect(sizes.table).toBeLessThanOrEqual(sizes.wrap)
    // The name runs over several lines of its cell.
    const box = (await longest.boundingBox())!
    expect(box.height).toBeGreaterThan(40)
    await context.close()
  })
})
