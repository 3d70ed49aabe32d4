import type { APIRequestContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, screenshotPath, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const BODY = 'Phòng Văn hóa - Xã hội xã Tân Lập'

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

/** The forced change screen: the password just used, then a new one twice. */
async function chooseNewPassword(page: Page, current: string, next: string) {
  const screen = page.getByTestId('password-change-required')
  await screen.waitFor()
  await screen.getByLabel('Mật khẩu vừa dùng để đăng nhập').fill(current)
  await screen.getByLabel('Mật khẩu mới', { exact: true }).fill(next)
  await screen.getByLabel('Nhập lại mật khẩu mới').fill(next)
  await screen.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await screen.waitFor({ state: 'detached' })
}

/** The one password the open one-time-password dialog shows for this login. */
async function shownPassword(page: Page, login: string): Promise<string> {
  const code = page.getByTestId('one-time-passwords').locator(`code[data-login="${login}"]`)
  await code.waitFor()
  return (await code.textContent())!.trim()
}

/**
 * A page whole; with a dialog open, what the screen shows (the dialog scrolls itself), its
 * opening animation finished.
 */
async function shot(page: Page, name: string) {
  const dialog = await page.getByRole('dialog').count()
  await page.screenshot({
    path: screenshotPath(name),
    fullPage: dialog === 0,
    animations: 'disabled',
  })
}

/**
 * Issue 14: a body set up without a terminal. The administrator creates a commune office on
 * the bodies page, ticks two of three schools through the filter, adds its lead and reads
 * the one-time password; the lead logs in with it, chooses their own password, sees the
 * roll-up of exactly those two schools and adds a colleague, who is not a lead.
 */
describe('an overseeing body set up in the web app', () => {
  it('admin creates a commune office, ticks two schools, adds its lead; the lead adds a colleague', async () => {
    const admin = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      locale: 'vi-VN',
      viewport: DESKTOP,
    })
    const page = await admin.newPage()
    await signIn(page, 'admin', DEMO_PASSWORD)
    await page.waitForURL(/\/admin\/schools/)
    // Two schools besides the demo school (the schools page's own story is accounts.spec).
    for (const [name, login, schoolLevel] of [
      ['Trường Tiểu học Tân Lập', 'ht.tanlap', 'primary'],
      ['Trường Mầm non Hoa Sen', 'ht.hoasen', 'kindergarten'],
    ] as const) {
      await json(
        await page.request.post('/api/admin/schools', {
          data: { name, schoolLevel, principal: { login, displayName: name } },
        }),
      )
    }
    const { schools } = await json<{ schools: { id: string; name: string }[] }>(
      await page.request.get('/api/admin/schools'),
    )
    expect(schools).toHaveLength(3)
    const idOf = (name: string) => schools.find((s) => s.name === name)!.id

    // From the schools page to the bodies page; a new commune office.
    await page.reload()
    await page.getByRole('link', { name: 'Cơ quan quản lý' }).click()
    await page.getByRole('heading', { name: 'Cơ quan quản lý các trường' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/admin/bodies')
    await page.getByText('Chưa có cơ quan quản lý nào.').waitFor()
    await page.getByRole('button', { name: 'Tạo cơ quan mới' }).click()
    const kind = page.getByLabel('Loại cơ quan')
    expect(await kind.inputValue()).toBe('commune_office')
    // An empty name is refused on the spot, worded.
    await page.getByRole('button', { name: 'Tạo cơ quan', exact: true }).click()
    await page.getByRole('alert').getByText('Hãy kiểm tra lại ô “Tên cơ quan”.').waitFor()
    await page.getByLabel('Tên cơ quan').fill(BODY)
    await page.getByRole('button', { name: 'Tạo cơ quan', exact: true }).click()

    // The schools dialog follows: filter without diacritics, tick two of the three.
    const chooser = page.getByTestId('body-schools')
    await chooser.waitFor()
    await chooser.getByText('Đã chọn 0 trên 3 trường.').waitFor()
    const filter = page.getByLabel('Lọc theo tên trường')
    await filter.fill('tan lap')
    await chooser.getByText('Đang hiện 1 trường khớp bộ lọc.').waitFor()
    await chooser.getByLabel('Trường Tiểu học Tân Lập').check()
    await filter.fill('hoa sen')
    await chooser.getByLabel('Trường Mầm non Hoa Sen').check()
    await filter.fill('khong co truong nay')
    await chooser.getByText('Không có trường nào khớp bộ lọc.').waitFor()
    await filter.fill('')
    await chooser.getByText('Đã chọn 2 trên 3 trường.').waitFor()
    expect(await chooser.getByRole('checkbox').count()).toBe(3)
    await shot(page, 'body-setup-schools-desktop.png')
    await page.getByRole('button', { name: 'Lưu danh sách trường' }).click()
    await page.getByText('Đã lưu: cơ quan theo dõi 2 trường.').waitFor()
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng', exact: true }).last().click()
    const row = page.getByTestId('body-list').locator('li', { hasText: BODY })
    await row.getByText('2 trường · 0 tài khoản').waitFor()
    const { bodies } = await json<{ bodies: { id: string; name: string; schoolIds: string[] }[] }>(
      await page.request.get('/api/admin/bodies'),
    )
    const body = bodies.find((b) => b.name === BODY)!
    expect([...body.schoolIds].sort()).toEqual(
      [idOf('Trường Tiểu học Tân Lập'), idOf('Trường Mầm non Hoa Sen')].sort(),
    )

    // Opened again, the dialog ticks what the body oversees now.
    await row.getByRole('button', { name: 'Chọn trường' }).click()
    await chooser.getByText('Đã chọn 2 trên 3 trường.').waitFor()
    expect(await chooser.getByLabel('Trường Tiểu học Tân Lập').isChecked()).toBe(true)
    expect(await chooser.getByRole('checkbox', { checked: false }).count()).toBe(1)
    await page.keyboard.press('Escape')

    // The lead's account; a login already in use is refused in words.
    await row.getByRole('button', { name: 'Thêm tài khoản' }).click()
    const form = page.getByTestId('add-overseer')
    await form.getByLabel('Họ và tên').fill('Lê Văn Quản')
    await form.getByLabel('Tên đăng nhập').fill('hieutruong')
    await form.getByLabel(/Lãnh đạo cơ quan/).check()
    await form.getByRole('button', { name: 'Thêm' }).click()
    await form
      .getByRole('alert')
      .getByText('Tên đăng nhập “hieutruong” đã có người dùng.')
      .waitFor()
    await form.getByLabel('Tên đăng nhập').fill('VHXH.TanLap')
    await form.getByRole('button', { name: 'Thêm' }).click()
    const leadPassword = await shownPassword(page, 'vhxh.tanlap')
    expect(leadPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    await page.getByRole('button', { name: 'Xong, đã ghi lại' }).click()
    await row.getByText('2 trường · 1 tài khoản').waitFor()
    await shot(page, 'body-setup-admin-desktop.png')
    expect(await page.locator('body').textContent()).not.toContain('Phòng GD&ĐT')

    // The same page at phone width.
    const phoneAdmin = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      locale: 'vi-VN',
      viewport: PHONE,
    })
    const phonePage = await phoneAdmin.newPage()
    await signIn(phonePage, 'admin', DEMO_PASSWORD)
    await phonePage.waitForURL(/\/admin\/schools/)
    await phonePage.goto('/admin/bodies')
    await phonePage.getByTestId('body-list').getByText(BODY).waitFor()
    await shot(phonePage, 'body-setup-admin-phone.png')
    await phonePage.getByTestId('body-list').getByRole('button', { name: 'Chọn trường' }).click()
    await phonePage.getByText('Đã chọn 2 trên 3 trường.').waitFor()
    await shot(phonePage, 'body-setup-schools-phone.png')
    // English is there too, the kinds' names included.
    await phonePage.keyboard.press('Escape')
    await phonePage.getByRole('button', { name: 'English' }).click()
    await phonePage.getByRole('heading', { name: 'Bodies that oversee schools' }).waitFor()
    await phonePage.getByTestId('body-list').getByText('2 schools · 1 account').waitFor()
    await phonePage
      .getByTestId('body-list')
      .getByText('Commune office for culture and society (Phòng Văn hóa - Xã hội)')
      .waitFor()
    await phoneAdmin.close()
    await admin.close()

    // The lead logs in with the one-time password and must choose their own first.
    const leadContext = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      locale: 'vi-VN',
      viewport: DESKTOP,
    })
    const lead = await leadContext.newPage()
    await signIn(lead, 'vhxh.tanlap', leadPassword)
    await chooseNewPassword(lead, leadPassword, 'tan-lap-van-hoa-2026')
    await lead.waitForURL(/\/oversight/)
    const rows = lead.getByTestId('rollup-row')
    await rows.first().waitFor()
    expect(
      await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-school-id')).sort()),
    ).toEqual(body.schoolIds.slice().sort())
    expect(await rows.count()).toBe(2)

    // The lead adds a colleague: no lead box on their form.
    await lead.getByRole('button', { name: 'Thêm tài khoản' }).click()
    const leadForm = lead.getByTestId('add-overseer')
    await leadForm.waitFor()
    expect(await leadForm.getByRole('checkbox').count()).toBe(0)
    await leadForm.getByLabel('Họ và tên').fill('Đỗ Thị Thu')
    // A login with spaces and accents is refused before anything is sent, in words.
    await leadForm.getByLabel('Tên đăng nhập').fill('đỗ thu')
    await leadForm.getByRole('button', { name: 'Thêm' }).click()
    await leadForm.getByRole('alert').getByText('Hãy kiểm tra lại ô “Tên đăng nhập”.').waitFor()
    await leadForm.getByLabel('Tên đăng nhập').fill('vhxh.thu')
    await shot(lead, 'body-setup-lead-add-desktop.png')
    await leadForm.getByRole('button', { name: 'Thêm' }).click()
    const colleaguePassword = await shownPassword(lead, 'vhxh.thu')
    await shot(lead, 'body-setup-lead-password-desktop.png')
    await lead.getByRole('button', { name: 'Xong, đã ghi lại' }).click()

    // The colleague reads the same two schools and is offered no account button.
    const colleagueContext = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      locale: 'vi-VN',
      viewport: PHONE,
    })
    const colleague = await colleagueContext.newPage()
    await signIn(colleague, 'vhxh.thu', colleaguePassword)
    await chooseNewPassword(colleague, colleaguePassword, 'thu-tan-lap-vhxh-2026')
    await colleague.waitForURL(/\/oversight/)
    await colleague.getByTestId('rollup-row').first().waitFor()
    expect(await colleague.getByTestId('rollup-row').count()).toBe(2)
    const mine = await json<{ bodies: { name: string; isLead: boolean }[] }>(
      await colleague.request.get('/api/bodies'),
    )
    expect(mine.bodies).toEqual([expect.objectContaining({ name: BODY, isLead: false })])
    expect(await colleague.getByRole('button', { name: 'Thêm tài khoản' }).count()).toBe(0)
    await colleagueContext.close()

    // The lead's dialog at phone width.
    const leadPhoneContext = await e2e.browser.newContext({
      baseURL: e2e.app.url,
      locale: 'vi-VN',
      viewport: PHONE,
    })
    const leadPhone = await leadPhoneContext.newPage()
    await signIn(leadPhone, 'vhxh.tanlap', 'tan-lap-van-hoa-2026')
    await leadPhone.waitForURL(/\/oversight/)
    await leadPhone.getByTestId('rollup-row').first().waitFor()
    await shot(leadPhone, 'body-setup-rollup-lead-phone.png')
    await leadPhone.getByRole('button', { name: 'Thêm tài khoản' }).click()
    await leadPhone.getByTestId('add-overseer').waitFor()
    await shot(leadPhone, 'body-setup-lead-add-phone.png')
    await leadPhoneContext.close()
    await leadContext.close()
  })
})
