import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

const phone = { width: 390, height: 844 }

async function demoPlan(page: Page) {
  return (
    (await (await page.request.get('/api/plans')).json()) as {
      plans: { id: string; school: { id: string } }[]
    }
  ).plans[0]!
}

describe('checkpoint reviews', () => {
  it('the principal names the council, opens "Cuối học kỳ I" early, changes a row with a reason, signs it off and reopens it', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    const plan = await demoPlan(page)

    // The council, on the plan's settings: a Hội đồng tự đánh giá chaired by the monitor.
    await page.goto(`/plans/${plan.id}/settings`)
    const council = page.locator('.council-form')
    await council.getByLabel('Tên gọi').selectOption('self_assessment_council')
    await council.getByLabel('Thêm thành viên').selectOption({ label: 'Trần Văn Minh' })
    await council.getByLabel('Chức danh: Trần Văn Minh').selectOption('chair')
    await council.getByLabel('Thêm thành viên').selectOption({ label: 'Phạm Thu Trang' })
    await council.getByLabel('Chức danh: Phạm Thu Trang').selectOption('secretary')
    await council.getByRole('button', { name: 'Lưu hội đồng' }).click()
    await council.getByText('Đã lưu hội đồng.').waitFor()
    await page.screenshot({
      path: screenshotPath('checkpoint-council-desktop.png'),
      fullPage: true,
    })

    // From the plan's menu to the reviews.
    await page.goto(`/plans/${plan.id}`)
    await page.getByRole('link', { name: 'Rà soát định kỳ' }).click()
    await page.getByRole('heading', { name: 'Rà soát định kỳ' }).waitFor()
    expect(await page.getByText('Hội đồng tự đánh giá: 2 thành viên').count()).toBe(1)
    await page.getByRole('link', { name: /Cuối học kỳ I/ }).click()
    expect(new URL(page.url()).pathname).toBe(`/plans/${plan.id}/checkpoints/semester1`)

    // Before January: opened early, on purpose.
    await page.getByText(/Chưa đến thời điểm rà soát/).waitFor()
    await page.getByRole('button', { name: 'Mở sớm' }).click()
    const table = page.locator('.checkpoint-rows')
    await table.waitFor()
    const rows = table.locator('tbody tr')
    const board = (await (await page.request.get(`/api/plans/${plan.id}/board`)).json()) as {
      cards: unknown[]
    }
    expect(await rows.count()).toBe(board.cards.length)

    // One row changed: a reason is required.
    const first = rows.first()
    await first.getByRole('button', { name: /^Sửa/ }).click()
    await first.getByLabel('Mức độ thực hiện').selectOption('notDone')
    await first.getByRole('button', { name: 'Lưu' }).click()
    await first
      .getByRole('alert')
      .getByText(/Hãy ghi lý do/)
      .waitFor()
    await first.getByLabel('Lý do điều chỉnh (bắt buộc)').fill('Chưa có biên bản họp tổ')
    await first.getByRole('button', { name: 'Lưu' }).click()
    await first.locator('td.checkpoint-reason', { hasText: 'Chưa có biên bản họp tổ' }).waitFor()
    await first.locator('form').waitFor({ state: 'detached' })

    await page
      .getByLabel('Điều chỉnh (nếu có)')
      .fill('Bổ sung biên bản họp tổ trong tháng 01/2027.')
    await page.getByRole('button', { name: 'Lưu nội dung' }).click()
    await page.getByText('Đã lưu.').waitFor()
    await page.screenshot({ path: screenshotPath('checkpoint-review-desktop.png'), fullPage: true })
    // While open, the report downloads as a draft.
    const draft = page.getByRole('link', { name: 'Tải dự thảo báo cáo (.docx)' })
    expect(await draft.getAttribute('href')).toMatch(
      new RegExp(`/api/plans/${plan.id}/checkpoints/semester1/report\\.docx$`),
    )

    // Signed off: locked, and says who signed.
    await page.getByRole('button', { name: 'Ký duyệt' }).click()
    await page.locator('.checkpoint-signoff').getByRole('button', { name: 'Ký duyệt' }).click()
    await page.getByText(/Đã ký duyệt: Nguyễn Thị Hạnh/).waitFor()
    expect(await first.getByRole('button', { name: /^Sửa/ }).count()).toBe(0)
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo rà soát (.docx)' }).click(),
    ])
    expect(report.suggestedFilename()).toMatch(/^Báo cáo rà soát Cuối học kỳ I – .+\.docx$/)
    await page.screenshot({ path: screenshotPath('checkpoint-signed-desktop.png'), fullPage: true })

    // On a phone, the same review reads as one card per row.
    const phonePage = await (
      await context.browser()!.newContext({
        baseURL: e2e.app.url,
        viewport: phone,
        locale: 'vi-VN',
        storageState: await context.storageState(),
      })
    ).newPage()
    await phonePage.goto(`/plans/${plan.id}/checkpoints/semester1`)
    await phonePage.locator('.checkpoint-rows').waitFor()
    const width = await phonePage.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(phone.width)
    await phonePage.screenshot({ path: screenshotPath('checkpoint-review-phone.png') })
    await phonePage.locator('.checkpoint-report').scrollIntoViewIfNeeded()
    await phonePage.screenshot({ path: screenshotPath('checkpoint-report-link-phone.png') })
    await phonePage.locator('.checkpoint-rows tbody tr').first().scrollIntoViewIfNeeded()
    await phonePage.screenshot({ path: screenshotPath('checkpoint-rows-phone.png') })
    await phonePage.locator('.checkpoint-texts').scrollIntoViewIfNeeded()
    await phonePage.screenshot({ path: screenshotPath('checkpoint-texts-phone.png') })

    // Reopened with a reason: editable again, and the log says why.
    await page.getByRole('button', { name: 'Mở lại' }).click()
    await page.getByLabel('Lý do mở lại (bắt buộc)').fill('Sở yêu cầu bổ sung')
    await page.getByRole('button', { name: 'Mở lại để sửa' }).click()
    await first.getByRole('button', { name: /^Sửa/ }).waitFor()
    await page.locator('.history-events').getByText('Sở yêu cầu bổ sung').waitFor()

    // The school's years: this year's plan with its reviews, and the workbook.
    await page.getByRole('link', { name: 'Kết quả các năm học' }).click()
    await page.getByRole('heading', { name: 'Kết quả các năm học' }).waitFor()
    await page.screenshot({ path: screenshotPath('school-years-desktop.png'), fullPage: true })
    const download = await page
      .getByRole('link', { name: 'Xuất tất cả (.xlsx)' })
      .getAttribute('href')
    const res = await page.request.get(download!)
    expect(res.status()).toBe(200)
    await phonePage.goto(`/schools/${plan.school.id}/years`)
    await phonePage.getByRole('heading', { name: 'Kết quả các năm học' }).waitFor()
    await phonePage.screenshot({ path: screenshotPath('school-years-phone.png') })
    await context.close()
  })
})
