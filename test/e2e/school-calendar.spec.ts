import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

const phone = { width: 390, height: 844 }

async function demoPlan(page: Page) {
  return (
    (await (await page.request.get('/api/plans')).json()) as {
      plans: { id: string; schoolYear: string; school: { id: string } }[]
    }
  ).plans[0]!
}

describe("the school's calendar on a plan's settings", () => {
  it('the principal ends semester I in December; the reviews follow; a teacher only reads it', async () => {
    const { page, context } = await e2e.loginAs('hieutruong')
    const plan = await demoPlan(page)
    const first = Number(plan.schoolYear.slice(0, 4))
    const december = `${first}-12`

    await page.goto(`/plans/${plan.id}/settings`)
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Lịch năm học' }),
    })
    await section.getByText('Trường đang dùng lịch mặc định.').waitFor()
    const semester1 = section.getByRole('group', { name: 'Học kỳ I', exact: true })
    const semester2 = section.getByRole('group', { name: 'Học kỳ II', exact: true })
    expect(await semester1.getByLabel('Đến tháng').inputValue()).toBe(`${first + 1}-01`)

    // Semester II may not start before semester I ends: said at once, and the save waits.
    await semester2.getByLabel('Từ tháng').selectOption(`${first}-11`)
    await section
      .getByRole('alert')
      .filter({ hasText: 'hai học kỳ không được chồng lên nhau' })
      .waitFor()
    expect(await section.getByRole('button', { name: 'Lưu lịch năm học' }).isDisabled()).toBe(true)

    await semester1.getByLabel('Đến tháng').selectOption(december)
    await semester2.getByLabel('Từ tháng').selectOption(`${first + 1}-01`)
    await section.getByText(`Rà soát cuối học kỳ I: tháng 12/${first}.`).waitFor()
    await section.getByRole('button', { name: 'Lưu lịch năm học' }).click()
    await section.getByRole('status').filter({ hasText: 'Đã lưu lịch năm học' }).waitFor()
    await section.getByText('Trường đã đặt lịch riêng cho năm học này.').waitFor()
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('school-calendar-desktop.png') })

    const saved = (await (
      await page.request.get(`/api/schools/${plan.school.id}/calendars/${plan.schoolYear}`)
    ).json()) as { custom: boolean; calendar: { semester1: { end: string } } }
    expect(saved).toMatchObject({ custom: true, calendar: { semester1: { end: december } } })

    // The reviews look at the new month.
    await page.goto(`/plans/${plan.id}/checkpoints`)
    await page.getByText(`Tháng 12/${first}`).first().waitFor()
    await context.close()

    // A teacher reads it on a phone, and cannot change it.
    const teacher = await e2e.loginAs('giaovien', phone)
    await teacher.page.goto(`/plans/${plan.id}/settings`)
    const read = teacher.page.locator('section', {
      has: teacher.page.getByRole('heading', { name: 'Lịch năm học' }),
    })
    await read.getByText('Trường đã đặt lịch riêng cho năm học này.').waitFor()
    expect(
      await read
        .getByRole('group', { name: 'Học kỳ I', exact: true })
        .getByLabel('Đến tháng')
        .inputValue(),
    ).toBe(december)
    expect(
      await read
        .getByRole('group', { name: 'Học kỳ I', exact: true })
        .getByLabel('Đến tháng')
        .isDisabled(),
    ).toBe(true)
    expect(await read.getByRole('button', { name: 'Lưu lịch năm học' }).count()).toBe(0)
    await read.getByText('Chỉ Hiệu trưởng đặt lịch năm học').waitFor()
    await read.scrollIntoViewIfNeeded()
    await teacher.page.screenshot({ path: screenshotPath('school-calendar-teacher-phone.png') })
    await teacher.context.close()

    // The principal on a phone: the form stacks.
    const small = await e2e.loginAs('hieutruong', phone)
    await small.page.goto(`/plans/${plan.id}/settings`)
    const mine = small.page.locator('section', {
      has: small.page.getByRole('heading', { name: 'Lịch năm học' }),
    })
    await mine.getByText('Trường đã đặt lịch riêng cho năm học này.').waitFor()
    await mine.screenshot({ path: screenshotPath('school-calendar-phone.png') })
    await small.context.close()
  })
})
