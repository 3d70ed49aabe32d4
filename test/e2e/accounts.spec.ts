import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAFF_LIST_TEACHERS } from '../fixtures/staff/make-staff-list.ts'
import { DEMO_PASSWORD, launchBrowser, screenshotPath, startAppServer, tile } from './support.ts'

const staffList = fileURLToPath(new URL('../fixtures/staff/staff-list.xlsx', import.meta.url))
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

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

async function openPage(viewport = DESKTOP, path = '/'): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport, locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(path)
  return page
}

async function logIn(page: Page, login: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(login)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
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

/** The one-time passwords the open dialog shows, by login. */
async function shownPasswords(page: Page): Promise<Record<string, string>> {
  const list = page.getByTestId('one-time-passwords')
  await list.waitFor()
  const codes = list.locator('code.acc-otp-password')
  const out: Record<string, string> = {}
  for (let i = 0; i < (await codes.count()); i++) {
    const code = codes.nth(i)
    out[(await code.getAttribute('data-login'))!] = (await code.textContent())!.trim()
  }
  return out
}

/** A page whole; with a dialog open, what the screen shows (the dialog scrolls itself). */
async function shot(page: Page, name: string) {
  const dialog = await page.getByRole('dialog').count()
  await page.screenshot({ path: screenshotPath(name), fullPage: dialog === 0 })
}

describe('story (a): a new school runs its own accounts', () => {
  it('admin → principal → staff list → roles → reset → a teacher sees only their own actions', async () => {
    // The login page of a demo server says it is one, and who resets a forgotten password.
    const login = await openPage()
    await login.getByTestId('demo-notice').waitFor()
    expect(await login.getByTestId('demo-notice').textContent()).toContain('caitien123')
    await login.getByText('Quên mật khẩu?').click()
    await login.getByText('Hiệu trưởng của trường đặt lại mật khẩu').waitFor()
    await shot(login, 'accounts-login-desktop.png')
    const phoneLogin = await openPage(PHONE)
    await phoneLogin.getByTestId('demo-notice').waitFor()
    await shot(phoneLogin, 'accounts-login-phone.png')

    // 1. The administrator, who has no plan, lands on the schools page and creates a school.
    const admin = await openPage()
    await logIn(admin, 'admin', DEMO_PASSWORD)
    await admin.getByRole('heading', { name: 'Các trường' }).waitFor()
    expect(new URL(admin.url()).pathname).toBe('/admin/schools')
    await admin.getByRole('button', { name: 'Tạo trường mới' }).click()
    await admin.getByLabel('Tên trường').fill('Trường THCS Hoà Bình')
    await admin.getByLabel('Họ và tên Hiệu trưởng').fill('Vũ Thị Hoà')
    await admin.getByLabel('Tên đăng nhập của Hiệu trưởng').fill('ht.hoabinh')
    await admin.getByLabel('Email của Hiệu trưởng').fill('hoa@thcs-hoabinh.edu.vn')
    await admin.getByRole('button', { name: 'Tạo trường', exact: true }).click()
    const principalOtp = (await shownPasswords(admin))['ht.hoabinh']!
    expect(principalOtp).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    await shot(admin, 'accounts-admin-password-desktop.png')
    await admin.getByRole('button', { name: 'Xong, đã ghi lại' }).click()
    await admin.getByTestId('school-list').getByText('Trường THCS Hoà Bình').waitFor()
    await shot(admin, 'accounts-admin-schools-desktop.png')
    const adminPhone = await openPage(PHONE)
    await logIn(adminPhone, 'admin', DEMO_PASSWORD)
    await adminPhone.getByTestId('school-list').getByText('Trường THCS Hoà Bình').waitFor()
    await shot(adminPhone, 'accounts-admin-schools-phone.png')

    // 2. The principal logs in with the one-time password and must choose a new one.
    const principal = await openPage()
    await logIn(principal, 'ht.hoabinh', principalOtp)
    await principal.getByTestId('password-change-required').waitFor()
    await shot(principal, 'accounts-forced-change-desktop.png')
    await chooseNewPassword(principal, principalOtp, 'hoa-sen-trong-dam-2026')

    // 3. Adds three teachers from the staff list; the row with an error shows in the preview.
    await principal.getByText('Tài khoản', { exact: true }).click()
    await principal.getByRole('link', { name: 'Cán bộ, giáo viên' }).click()
    await principal.getByRole('heading', { name: 'Cán bộ, giáo viên của trường' }).waitFor()
    await principal.getByRole('button', { name: 'Nhập danh sách (.xlsx, .csv)' }).click()
    await principal.getByLabel('Chọn tệp').setInputFiles(staffList)
    const preview = principal.getByTestId('staff-preview')
    await preview.waitFor()
    expect(await preview.locator('tbody tr').count()).toBe(4)
    const bad = preview.locator('tr.acc-row-bad')
    expect(await bad.count()).toBe(1)
    expect(await bad.textContent()).toContain('Thiếu tên đăng nhập hoặc email.')
    await shot(principal, 'accounts-staff-preview-desktop.png')
    await principal.getByRole('button', { name: 'Thêm 3 người' }).click()
    const teachers = await shownPasswords(principal)
    expect(Object.keys(teachers).sort()).toEqual(STAFF_LIST_TEACHERS.map((t) => t.login).sort())
    await shot(principal, 'accounts-staff-passwords-desktop.png')
    await principal.getByRole('button', { name: 'Xong, đã ghi lại' }).click()
    const people = principal.getByTestId('people-list')
    for (const t of STAFF_LIST_TEACHERS) await people.getByText(t.name).waitFor()

    // 4. Makes one a member of the Tổ giám sát.
    const binh = people.locator('[data-login="gv.binh"]')
    await binh.getByRole('button', { name: 'Đổi vai trò' }).click()
    await principal.getByLabel('Thành viên Tổ giám sát').check()
    await principal.getByRole('button', { name: 'Lưu', exact: true }).click()
    await binh.getByText('Giáo viên, nhân viên, Tổ giám sát').waitFor()

    // 5. Resets one password: shown once.
    const cuong = people.locator('[data-login="gv.cuong"]')
    await cuong.getByRole('button', { name: 'Đặt lại mật khẩu' }).click()
    await principal.getByRole('dialog').getByRole('button', { name: 'Đặt lại mật khẩu' }).click()
    const reset = (await shownPasswords(principal))['gv.cuong']!
    expect(reset).not.toBe(teachers['gv.cuong'])
    await principal.getByRole('button', { name: 'Xong, đã ghi lại' }).click()
    await principal.getByText(/đã đặt lại mật khẩu của Lê Văn Cường/).waitFor()
    await shot(principal, 'accounts-people-desktop.png')

    // The principal's plan, with actions for two teachers (through the API, as the board's
    // "new plan" and "add action" would).
    const me = (await (await principal.request.get('/api/session/me')).json()) as {
      memberships: { schoolId: string }[]
    }
    const schoolId = me.memberships[0]!.schoolId
    const frameworks = (await (await principal.request.get('/api/frameworks')).json()) as {
      frameworks: { id: string }[]
    }
    const plan = (await (
      await principal.request.post('/api/plans', {
        data: {
          schoolId,
          title: 'Kế hoạch cải tiến chất lượng 2026-2027',
          schoolYear: '2026-2027',
          frameworkId: frameworks.frameworks[0]!.id,
        },
      })
    ).json()) as { plan: { id: string } }
    const list = (await (
      await principal.request.get(`/api/schools/${schoolId}/people`)
    ).json()) as { people: { id: string; login: string }[] }
    const idOf = (login: string) => list.people.find((p) => p.login === login)!.id
    const cardFor = async (tasks: string, login: string | null) => {
      const res = await principal.request.post(`/api/plans/${plan.plan.id}/cards`, {
        data: { tasks, criterion: '1.1', standard: '1', assigneeIds: login ? [idOf(login)] : [] },
      })
      expect(res.status()).toBe(201)
      return ((await res.json()) as { card: { id: string } }).card.id
    }
    const anCards = [
      await cardFor('Xây dựng kế hoạch tổ Toán - Tin', 'gv.an'),
      await cardFor('Dự giờ đồng nghiệp', 'gv.an'),
    ]
    await cardFor('Bồi dưỡng học sinh giỏi Ngữ văn', 'gv.binh')
    await cardFor('Rà soát thiết bị dạy học', null)

    // 6. A teacher logs in, must change the password, and sees only their own actions.
    const teacher = await openPage()
    await logIn(teacher, 'gv.an', teachers['gv.an']!)
    await chooseNewPassword(teacher, teachers['gv.an']!, 'lop-9a-cua-thay-an')
    await teacher.locator('[data-testid="column-planned"]').waitFor()
    expect(await teacher.locator('[data-testid="card-tile"]').count()).toBe(4)
    await teacher.getByRole('button', { name: 'Của tôi' }).click()
    await expect
      .poll(() => teacher.locator('[data-testid="card-tile"]').count(), { timeout: 5000 })
      .toBe(2)
    for (const id of anCards) await tile(teacher, id).waitFor()
    await shot(teacher, 'accounts-teacher-mine-desktop.png')

    // The profile page, at both widths.
    await teacher.goto('/account')
    await teacher.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor()
    await shot(teacher, 'accounts-profile-desktop.png')

    // Phone width: the forced change (the reset teacher), the people page, the profile.
    const phone = await openPage(PHONE)
    await logIn(phone, 'gv.cuong', reset)
    await phone.getByTestId('password-change-required').waitFor()
    await shot(phone, 'accounts-forced-change-phone.png')
    await chooseNewPassword(phone, reset, 'thi-nghiem-hoa-hoc-9')
    await phone.goto('/account')
    await phone.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor()
    await shot(phone, 'accounts-profile-phone.png')

    const principalPhone = await openPage(PHONE)
    await logIn(principalPhone, 'ht.hoabinh', 'hoa-sen-trong-dam-2026')
    await principalPhone.locator('[data-testid="column-planned"]').waitFor()
    await principalPhone.goto('/people')
    await principalPhone.getByTestId('people-list').getByText('Nguyễn Văn An').waitFor()
    await shot(principalPhone, 'accounts-people-phone.png')
    await principalPhone.getByRole('button', { name: 'Nhập danh sách (.xlsx, .csv)' }).click()
    await principalPhone.getByLabel('Chọn tệp').setInputFiles(staffList)
    await principalPhone.getByTestId('staff-preview').waitFor()
    await shot(principalPhone, 'accounts-staff-preview-phone.png')
  })
})
