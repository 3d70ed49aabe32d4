import { schoolYearOf } from '@caitien/shared'
import type { APIRequestContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  column,
  mouseDrag,
  screenshotPath,
  tile,
  useAppAndBrowser,
} from './support.ts'

const e2e = useAppAndBrowser()
const phone = { width: 390, height: 844 }
const NEW_PASSWORD = 'hoa-sen-trong-dam-2026'

async function signIn(page: Page, login: string, password: string) {
  await page.goto('/')
  await page.getByLabel('Tên đăng nhập').fill(login)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), await res.text()).toBeLessThan(300)
  return (await res.json()) as T
}

/**
 * Issue 14's story: the administrator sets up a commune office over three schools (the demo
 * school among them); the demo school signs off its semester-I review; the commune's overseer
 * opens the roll-up, filters the schools needing attention, drills into the demo school's
 * board (read-only: no drag, no edit), and sends the review back with a reason; the principal
 * reads the answer in the inbox.
 */
describe('an overseer of a commune', () => {
  it('follows three schools, reads a board without changing it, and sends a review back', async () => {
    // The administrator: two more schools, the body, its schools and its overseer.
    const admin = await e2e.browser.newContext({ baseURL: e2e.app.url, locale: 'vi-VN' })
    const adminPage = await admin.newPage()
    await signIn(adminPage, 'admin', DEMO_PASSWORD)
    await adminPage.waitForURL(/\/admin\/schools/)
    const api = adminPage.request
    const created: { schoolId: string; principal: { oneTimePassword: string } }[] = []
    for (const [name, login, schoolLevel] of [
      ['Trường Tiểu học Hòa Bình', 'ht.hoabinh', 'primary'],
      ['Trường Mầm non Sen Hồng', 'ht.senhong', 'kindergarten'],
    ] as const) {
      created.push(
        await json<{ schoolId: string; principal: { oneTimePassword: string } }>(
          await api.post('/api/admin/schools', {
            data: { name, schoolLevel, principal: { login, displayName: name } },
          }),
        ),
      )
    }
    const { schools } = await json<{ schools: { id: string; name: string }[] }>(
      await api.get('/api/admin/schools'),
    )
    const demo = schools.find((s) => !created.some((c) => c.schoolId === s.id))!
    const { id: bodyId } = await json<{ id: string }>(
      await api.post('/api/admin/bodies', {
        data: { kind: 'commune_office', name: 'Phòng Văn hóa - Xã hội xã Hòa Bình' },
      }),
    )
    await json(
      await api.put(`/api/admin/bodies/${bodyId}/schools`, {
        data: { schoolIds: [demo.id, ...created.map((c) => c.schoolId)] },
      }),
    )
    const { user } = await json<{ user: { login: string; oneTimePassword: string } }>(
      await api.post(`/api/bodies/${bodyId}/overseers`, {
        data: { login: 'vhxh.hoabinh', displayName: 'Lê Văn Quản', isLead: true },
      }),
    )

    // One new school starts this year's plan (nothing overdue, nothing to answer).
    const hoaBinh = await e2e.browser.newContext({ baseURL: e2e.app.url })
    const hb = hoaBinh.request
    await json(
      await hb.post('/api/session/login', {
        data: { login: 'ht.hoabinh', password: created[0]!.principal.oneTimePassword },
      }),
    )
    await json(
      await hb.post('/api/session/password', {
        data: {
          currentPassword: created[0]!.principal.oneTimePassword,
          newPassword: NEW_PASSWORD,
        },
      }),
    )
    const { frameworks } = await json<{ frameworks: { id: string; schoolLevel: string }[] }>(
      await hb.get('/api/frameworks'),
    )
    await json(
      await hb.post('/api/plans', {
        data: {
          schoolId: created[0]!.schoolId,
          title: 'Kế hoạch cải tiến chất lượng',
          schoolYear: schoolYearOf(new Date()),
          frameworkId: frameworks.find((f) => f.schoolLevel === 'primary')!.id,
        },
      }),
    )

    // The demo school signs off its semester-I review.
    const principal = await e2e.loginAs('hieutruong')
    const plans = await json<{ plans: { id: string; title: string }[] }>(
      await principal.page.request.get('/api/plans'),
    )
    const plan = plans.plans[0]!
    const review = `/api/plans/${plan.id}/checkpoints/semester1`
    expect(
      (
        await principal.page.request.post(`${review}/open`, { data: { confirmEarly: true } })
      ).status(),
    ).toBe(201)
    expect((await principal.page.request.post(`${review}/sign`)).status()).toBe(200)

    // The overseer: first login, a password of their own, then the roll-up.
    const context = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      viewport: { width: 1440, height: 900 },
      locale: 'vi-VN',
    })
    const page = await context.newPage()
    await signIn(page, user.login, user.oneTimePassword)
    const change = page.getByTestId('password-change-required')
    await change.getByLabel('Mật khẩu vừa dùng để đăng nhập').fill(user.oneTimePassword)
    await change.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD)
    await change.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD)
    await change.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
    await page.waitForURL(/\/oversight$/)
    const rows = page.getByTestId('rollup-row')
    await page.getByText('3 / 3 trường').waitFor()
    expect(await rows.count()).toBe(3)
    const names = await page.locator('.rollup-school-name').allTextContents()
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
    const demoRow = page.locator(`[data-testid="rollup-row"][data-school-id="${demo.id}"]`)
    await demoRow.getByText('Chờ cơ quan phản hồi', { exact: true }).waitFor()
    await page.screenshot({ path: screenshotPath('overseer-rollup-desktop.png'), fullPage: true })

    // Needs attention: the school with this year's plan and nothing late drops out.
    await page.getByLabel('Chỉ trường cần quan tâm').check()
    await page.getByText('2 / 3 trường').waitFor()
    expect(await page.locator(`[data-school-id="${created[0]!.schoolId}"]`).count()).toBe(0)
    await page.screenshot({
      path: screenshotPath('overseer-rollup-attention-desktop.png'),
      fullPage: true,
    })

    // The demo school's board, read-only: no new card, no drag, no comment, no edit.
    await demoRow.getByRole('link', { name: 'Bảng công việc' }).click()
    await page.locator('[data-testid="column-planned"]').waitFor()
    expect(await page.getByRole('button', { name: /Thêm hoạt động|Nhập kế hoạch/ }).count()).toBe(0)
    const before = await json<{ cards: { id: string; status: string; version: number }[] }>(
      await page.request.get(`/api/plans/${plan.id}/board`),
    )
    const planned = before.cards.find((c) => c.status === 'planned')!
    await mouseDrag(page, tile(page, planned.id), column(page, 'in_progress'))
    await page.waitForTimeout(300)
    const after = await json<{ cards: { id: string; status: string; version: number }[] }>(
      await page.request.get(`/api/plans/${plan.id}/board`),
    )
    expect(after.cards.find((c) => c.id === planned.id)).toMatchObject({
      status: 'planned',
      version: planned.version,
    })
    await tile(page, planned.id).click()
    await page.locator('.detail-section').first().waitFor()
    expect(await page.locator('.comment-form').count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Sửa/ }).count()).toBe(0)
    await page.screenshot({ path: screenshotPath('overseer-board-desktop.png'), fullPage: false })
    const refused = await page.request.post(`/api/cards/${planned.id}/comments`, {
      data: { body: 'Ý kiến của xã' },
    })
    expect(refused.status()).toBe(403)

    // Back to the roll-up: the review goes back with a reason.
    await page.goto('/oversight')
    const cell = demoRow.locator('[data-checkpoint="semester1"]')
    await cell.getByRole('button', { name: 'Trả lại' }).click()
    await cell.getByLabel(/Lý do trả lại/).fill('Bổ sung biên bản họp hội đồng tự đánh giá')
    await page.screenshot({
      path: screenshotPath('overseer-send-back-desktop.png'),
      fullPage: true,
    })
    await cell.getByRole('button', { name: 'Gửi trả lại' }).click()
    await cell.getByText(/^Đã trả lại/).waitFor()

    // The same roll-up on a phone.
    const phoneContext = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      viewport: phone,
      locale: 'vi-VN',
      storageState: await context.storageState(),
    })
    const phonePage = await phoneContext.newPage()
    await phonePage.goto('/oversight')
    await phonePage.getByText('3 / 3 trường').waitFor()
    await phonePage.screenshot({
      path: screenshotPath('overseer-rollup-phone.png'),
      fullPage: true,
    })

    // The principal reads the answer, with its reason, in the inbox.
    await principal.page.reload()
    await principal.page.getByRole('button', { name: /^Hộp thư/ }).click()
    const answer = principal.page.getByTestId('inbox-answer').first()
    await answer.getByText(/Bổ sung biên bản họp hội đồng tự đánh giá/).waitFor()
    expect(await answer.textContent()).toMatch(/Phòng Văn hóa - Xã hội xã Hòa Bình đã trả lại/)
    await principal.page.screenshot({ path: screenshotPath('overseer-answer-inbox-desktop.png') })
    const principalPhone = await e2e.loginAs('hieutruong', phone)
    await principalPhone.page.getByRole('button', { name: /^Hộp thư/ }).click()
    await principalPhone.page.getByTestId('inbox-answer').first().waitFor()
    await principalPhone.page.screenshot({
      path: screenshotPath('overseer-answer-inbox-phone.png'),
    })
    for (const c of [
      admin,
      hoaBinh,
      principal.context,
      context,
      phoneContext,
      principalPhone.context,
    ]) {
      await c.close()
    }
  })
})
