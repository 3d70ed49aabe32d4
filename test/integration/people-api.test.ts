import { readFileSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { parseResponse } from 'hono/client'
import { insertTestCard, insertTestUser } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'
import { STAFF_LIST_BAD_ROW, STAFF_LIST_TEACHERS } from '../fixtures/staff/make-staff-list.ts'
import { databaseEnv } from '../support/database.ts'

const staffList = readFileSync(
  fileURLToPath(new URL('../fixtures/staff/staff-list.xlsx', import.meta.url)),
)
const NEW_PASSWORD = 'hoa-phuong-do-2026'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let admin: HttpSession
let adminUser: { id: string; login: string }

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  adminUser = await insertTestUser(server.db, null, [], { isAdmin: true })
  admin = httpSession(server.url)
  await admin.login(adminUser.login)
  // Files are read in worker threads with a time budget that counts their start: one read
  // first, so that a loaded machine does not spend the first test's budget on starting one.
  const warm = await principal.post(
    `/api/schools/${world.schoolId}/people/import/preview`,
    upload(new TextEncoder().encode('Họ và tên,Email\nA,a@b.vn\n'), 'warm.csv'),
  )
  expect(warm.status).toBe(200)
})
afterAll(async () => {
  await server.stop()
})

const people = (schoolId = world.schoolId) => `/api/schools/${schoolId}/people`
const upload = (bytes: Uint8Array, name: string) => {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(bytes)]), name)
  return form
}

async function addPerson(
  who: HttpSession,
  login: string,
  roles: ('staff' | 'monitor' | 'principal')[] = ['staff'],
) {
  const res = await who.post(people(), { login, displayName: `Cô ${login}`, roles })
  expect(res.status).toBe(201)
  return res.body as { id: string; login: string; oneTimePassword: string }
}

/** Logs in with a one-time password and sets a new one, as the forced screen does. */
async function firstLogin(login: string, oneTimePassword: string) {
  const s = httpSession(server.url)
  await s.login(login, oneTimePassword)
  const change = await s.post('/api/session/password', {
    currentPassword: oneTimePassword,
    newPassword: NEW_PASSWORD,
  })
  expect(change.status).toBe(200)
  return s
}

describe('who may manage a school’s people', () => {
  it('answers 401 without a session on every people and admin route', async () => {
    const anon = httpSession(server.url)
    const routes: [string, string][] = [
      ['GET', people()],
      ['POST', people()],
      ['POST', `${people()}/import/preview`],
      ['PUT', `${people()}/${world.users.staff.id}/roles`],
      ['POST', `${people()}/${world.users.staff.id}/deactivate`],
      ['POST', `${people()}/${world.users.staff.id}/reset-password`],
      ['GET', '/api/admin/schools'],
      ['POST', '/api/session/logout-others'],
      ['PATCH', '/api/session/me'],
    ]
    for (const [method, path] of routes) {
      const res = await anon.request(method, path, method === 'GET' ? undefined : {})
      expect({ path, status: res.status }).toEqual({ path, status: 401 })
    }
  })

  it('refuses staff and monitors (403), answers the principal and the administrator', async () => {
    for (const login of [world.users.staff.login, world.users.monitor.login]) {
      const s = httpSession(server.url)
      await s.login(login)
      const res = await s.get(people())
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('forbidden')
      expect((await s.get('/api/admin/schools')).status).toBe(403)
    }
    const own = await parseResponse(
      principal.api.api.schools[':schoolId'].people.$get({ param: { schoolId: world.schoolId } }),
    )
    expect(own.people.map((p) => p.id)).toContain(world.users.staff.id)
    expect((await admin.get(people())).status).toBe(200)
    expect((await principal.get('/api/admin/schools')).status).toBe(403)
  })

  it('answers 404 for another school, and for a person of another school, changing nothing', async () => {
    expect((await principal.get(people(world.otherSchoolId))).status).toBe(404)
    const foreign = `${people()}/${world.outsider.id}`
    for (const [method, path, body] of [
      ['PUT', `${foreign}/roles`, { roles: ['staff'] }],
      ['POST', `${foreign}/deactivate`, {}],
      ['POST', `${foreign}/reset-password`, {}],
      ['GET', `${foreign}/open-cards`, undefined],
      ['POST', `${people(world.otherSchoolId)}/${world.outsider.id}/deactivate`, {}],
    ] as const) {
      const res = await principal.request(method, path, body)
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
    }
    const outsider = httpSession(server.url)
    await outsider.login(world.outsider.login)
    expect((await outsider.get('/api/session/me')).status).toBe(200)
  })
})

describe('adding a person and the one-time password', () => {
  it('gives a one-time password that must be changed before anything else', async () => {
    const added = await addPerson(principal, 'co.hoa')
    expect(added.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    const s = httpSession(server.url)
    const login = await s.login('co.hoa', added.oneTimePassword)
    expect(login.body).toEqual({ ok: true })
    const me = await parseResponse(s.api.api.session.me.$get())
    expect(me.user.mustChangePassword).toBe(true)
    const plans = await s.get('/api/plans')
    expect(plans.status).toBe(403)
    expect(plans.body.error.code).toBe('password_change_required')
    expect((await s.get(`/api/plans/${world.plan.id}/board`)).body.error.code).toBe(
      'password_change_required',
    )
    const change = await s.post('/api/session/password', {
      currentPassword: added.oneTimePassword,
      newPassword: NEW_PASSWORD,
    })
    expect(change.status).toBe(200)
    expect((await s.get('/api/plans')).status).toBe(200)
    expect((await parseResponse(s.api.api.session.me.$get())).user.mustChangePassword).toBe(false)
    // The one-time password is gone.
    const again = await httpSession(server.url).post('/api/session/login', {
      login: 'co.hoa',
      password: added.oneTimePassword,
    })
    expect(again.status).toBe(401)
  })

  it('refuses a login already in use, and an invalid one with 400', async () => {
    const res = await principal.post(people(), {
      login: world.users.staff.login,
      displayName: 'Trùng',
      roles: ['staff'],
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('login_taken')
    const bad = await principal.post(people(), {
      login: 'có dấu',
      displayName: 'X',
      roles: ['staff'],
    })
    expect(bad.status).toBe(400)
    const noRole = await principal.post(people(), { login: 'x.y', displayName: 'X', roles: [] })
    expect(noRole.status).toBe(400)
  })
})

describe('roles', () => {
  it('changes roles, and keeps the last principal', async () => {
    const p = await addPerson(principal, 'thay.minh')
    const res = await principal.put(`${people()}/${p.id}/roles`, { roles: ['staff', 'monitor'] })
    expect(res.status).toBe(200)
    const list = await parseResponse(
      principal.api.api.schools[':schoolId'].people.$get({ param: { schoolId: world.schoolId } }),
    )
    expect(list.people.find((x) => x.id === p.id)?.roles.sort()).toEqual(['monitor', 'staff'])

    const own = world.users.principal.id
    const demote = await principal.put(`${people()}/${own}/roles`, { roles: ['staff'] })
    expect(demote.status).toBe(409)
    expect(demote.body.error.code).toBe('last_principal')
    const self = await principal.post(`${people()}/${own}/deactivate`)
    expect(self.status).toBe(409)

    // With a vice-principal, the principal may step down to staff.
    const vice = await addPerson(principal, 'pho.hieutruong', ['principal'])
    expect(
      (await principal.put(`${people()}/${vice.id}/roles`, { roles: ['principal'] })).status,
    ).toBe(200)
    const viceSession = await firstLogin('pho.hieutruong', vice.oneTimePassword)
    const viceRes = await viceSession.put(`${people()}/${vice.id}/roles`, { roles: ['staff'] })
    expect(viceRes.status).toBe(200)
    // Now the principal is the last one again.
    expect((await principal.put(`${people()}/${own}/roles`, { roles: ['staff'] })).status).toBe(409)
  })
})

describe('deactivation', () => {
  it('ends the sessions, refuses the login, lists open cards, keeps the name on history', async () => {
    const p = await addPerson(principal, 'co.lan')
    const s = await firstLogin('co.lan', p.oneTimePassword)
    const cardId = await insertTestCard(server.db, world.plan, {
      assigneeIds: [p.id],
      criterion: '4.1',
      tasks: 'Tổ chức chuyên đề',
    })
    const res = await principal.post(`${people()}/${p.id}/deactivate`)
    expect(res.status).toBe(200)
    expect(res.body.openCards).toEqual([
      expect.objectContaining({ id: cardId, criterion: '4.1', title: 'Tổ chức chuyên đề' }),
    ])
    expect((await s.get('/api/session/me')).status).toBe(401)
    const login = await httpSession(server.url).post('/api/session/login', {
      login: 'co.lan',
      password: NEW_PASSWORD,
    })
    expect(login.status).toBe(403)
    expect(login.body.error.code).toBe('account_deactivated')
    // The board still names her on her card, and says she is deactivated (pickers leave her out).
    const board = await parseResponse(
      principal.api.api.plans[':planId'].board.$get({ param: { planId: world.plan.id } }),
    )
    expect(board.members.find((m) => m.id === p.id)).toMatchObject({
      displayName: 'Cô co.lan',
      deactivated: true,
    })
    const list = await parseResponse(
      principal.api.api.schools[':schoolId'].people.$get({ param: { schoolId: world.schoolId } }),
    )
    expect(list.events).toContainEqual(
      expect.objectContaining({ action: 'deactivated', subjectName: 'Cô co.lan' }),
    )
    expect((await principal.get(`${people()}/${p.id}/open-cards`)).body.cards).toHaveLength(1)

    expect((await principal.post(`${people()}/${p.id}/reactivate`)).status).toBe(200)
    await httpSession(server.url).login('co.lan', NEW_PASSWORD)
  })
})

describe('password reset', () => {
  it('ends the sessions and gives a one-time password that forces a change', async () => {
    const p = await addPerson(principal, 'co.mai')
    const s = await firstLogin('co.mai', p.oneTimePassword)
    const reset = await principal.post(`${people()}/${p.id}/reset-password`)
    expect(reset.status).toBe(200)
    expect(reset.body.login).toBe('co.mai')
    expect((await s.get('/api/session/me')).status).toBe(401)
    const again = httpSession(server.url)
    await again.login('co.mai', reset.body.oneTimePassword as string)
    expect((await again.get('/api/plans')).body.error.code).toBe('password_change_required')
    const old = await httpSession(server.url).post('/api/session/login', {
      login: 'co.mai',
      password: NEW_PASSWORD,
    })
    expect(old.status).toBe(401)
  })
})

describe('staff lists', () => {
  it('previews the list with the bad row’s errors, then adds the good rows on confirm', async () => {
    const preview = await principal.post(
      `${people()}/import/preview`,
      upload(staffList, 'staff-list.xlsx'),
    )
    expect(preview.status).toBe(200)
    expect(preview.body.ready).toBe(3)
    expect(preview.body.withProblems).toBe(1)
    const bad = preview.body.rows.find((r: { row: number }) => r.row === STAFF_LIST_BAD_ROW)
    expect(bad.problems).toEqual([
      'Email “dung-tai-truong” không đúng dạng ten@truong.edu.vn.',
      'Thiếu tên đăng nhập hoặc email.',
    ])
    // Nothing is saved by a preview.
    const before = await principal.get(people())
    expect(before.body.people.map((p: { login: string }) => p.login)).not.toContain('gv.an')

    const confirm = await principal.post(
      `${people()}/import/confirm`,
      upload(staffList, 'staff-list.xlsx'),
    )
    expect(confirm.status).toBe(200)
    expect(confirm.body.created.map((c: { login: string }) => c.login)).toEqual(
      STAFF_LIST_TEACHERS.map((t) => t.login),
    )
    expect(confirm.body.skipped.map((r: { row: number }) => r.row)).toEqual([STAFF_LIST_BAD_ROW])
    const list = await parseResponse(
      principal.api.api.schools[':schoolId'].people.$get({ param: { schoolId: world.schoolId } }),
    )
    const an = list.people.find((p) => p.login === 'gv.an')
    expect(an).toMatchObject({
      displayName: 'Nguyễn Văn An',
      email: 'an.nv@thcs-hoabinh.edu.vn',
      department: 'Tổ Toán - Tin',
      roles: ['staff'],
      mustChangePassword: true,
    })
    // Each can log in with the password shown once.
    const first = confirm.body.created[0] as { login: string; oneTimePassword: string }
    await firstLogin(first.login, first.oneTimePassword)

    // The same list again: every login is taken now.
    const twice = await principal.post(
      `${people()}/import/preview`,
      upload(staffList, 'staff-list.xlsx'),
    )
    expect(twice.body.ready).toBe(0)
    expect(twice.body.rows[0].problems).toEqual(['Tên đăng nhập “gv.an” đã có người dùng.'])
  })

  it('reads a CSV, worded in English for an English user', async () => {
    const csv = 'Name;Login;E-mail;Roles\nAnna Le;anna.le;anna@school.vn;Tổ giám sát, giáo viên\n'
    const en = httpSession(server.url)
    await en.login(world.users.principal.login)
    const res = await en.request(
      'POST',
      `${people()}/import/preview`,
      upload(new TextEncoder().encode(csv), 'staff.csv'),
      { headers: { cookie: `${en.cookie}; caitien_lang=en` } },
    )
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([
      expect.objectContaining({ login: 'anna.le', roles: ['staff', 'monitor'], problems: [] }),
    ])
  })

  it('refuses hostile files: the wrong type, too big, formula cells, no heading', async () => {
    const wrong = await principal.post(
      `${people()}/import/preview`,
      upload(new TextEncoder().encode('MZ\u0090\u0000 not a list'), 'danh-sach.exe'),
    )
    expect(wrong.status).toBe(415)
    expect(wrong.body.error.code).toBe('unsupported_type')

    const big = await principal.post(
      `${people()}/import/preview`,
      upload(new Uint8Array(11 * 1024 * 1024).fill(65), 'big.csv'),
    )
    expect(big.status).toBe(413)

    const formulas =
      'Họ và tên,Email,Tổ\n' +
      '"=HYPERLINK(""http://evil.example"",""Bấm"")",a@b.vn,Toán\n' +
      'Hợp lệ,hople@b.vn,"@SUM(1+1)"\n'
    const csv = await principal.post(
      `${people()}/import/preview`,
      upload(new TextEncoder().encode(formulas), 'formulas.csv'),
    )
    expect(csv.status).toBe(200)
    expect(csv.body.ready).toBe(0)
    expect(csv.body.rows[0].problems).toContain(
      'Cột “Họ và tên” bắt đầu như một công thức (=, +, -, @): hãy nhập chữ thường.',
    )
    expect(csv.body.rows[1].problems).toContain(
      'Cột “Tổ” bắt đầu như một công thức (=, +, -, @): hãy nhập chữ thường.',
    )
    // A formula cell of a workbook is read as its saved value, never run.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('DS')
    sheet.addRow(['Họ và tên', 'Tên đăng nhập'])
    sheet.addRow([{ formula: 'CONCATENATE("Cô ","Tuyết")', result: 'Cô Tuyết' }, 'co.tuyet'])
    sheet.addRow([{ formula: 'A2', result: "=cmd|' /C calc'!A0" }, 'co.xuan'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const xlsx = await principal.post(`${people()}/import/preview`, upload(bytes, 'ds.xlsx'))
    expect(xlsx.status).toBe(200)
    expect(xlsx.body.rows[0]).toMatchObject({ displayName: 'Cô Tuyết', problems: [] })
    expect(xlsx.body.rows[1].problems).toHaveLength(1)

    const noHeading = await principal.post(
      `${people()}/import/preview`,
      upload(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv'),
    )
    expect(noHeading.status).toBe(422)
    const notForm = await principal.post(`${people()}/import/preview`, { file: 'x' })
    expect(notForm.status).toBe(400)
    // None of it added anyone.
    const list = await principal.get(people())
    expect(list.body.people.map((p: { login: string }) => p.login)).not.toContain('co.tuyet')
  })
})

describe('one’s own profile', () => {
  it('changes name and contact, and signs out of the other devices only', async () => {
    const p = await addPerson(principal, 'co.thu')
    const phone = await firstLogin('co.thu', p.oneTimePassword)
    const laptop = httpSession(server.url)
    await laptop.login('co.thu', NEW_PASSWORD)
    const patch = await laptop.patch('/api/session/me', {
      displayName: 'Đỗ Minh Thu',
      email: 'thu@truong.edu.vn',
      phone: '0900 000 111',
    })
    expect(patch.status).toBe(200)
    const me = await parseResponse(laptop.api.api.session.me.$get())
    expect(me.user).toMatchObject({
      displayName: 'Đỗ Minh Thu',
      email: 'thu@truong.edu.vn',
      phone: '0900 000 111',
    })
    expect((await laptop.patch('/api/session/me', { email: 'not-an-email' })).status).toBe(400)
    const out = await laptop.post('/api/session/logout-others')
    expect(out.status).toBe(200)
    expect(out.body.ended).toBe(1)
    expect((await phone.get('/api/session/me')).status).toBe(401)
    expect((await laptop.get('/api/session/me')).status).toBe(200)
  })
})

describe('schools, by the system administrator', () => {
  it('creates a school with its first principal, lists it, deactivates and reactivates it', async () => {
    const created = await admin.post('/api/admin/schools', {
      name: 'Trường THCS Hoà Bình',
      schoolLevel: 'secondary',
      principal: { login: 'ht.hoabinh', displayName: 'Vũ Thị Hoà', email: 'hoa@hb.edu.vn' },
    })
    expect(created.status).toBe(201)
    const { schoolId, principal: first } = created.body as {
      schoolId: string
      principal: { id: string; login: string; oneTimePassword: string }
    }
    const list = await parseResponse(admin.api.api.admin.schools.$get())
    expect(list.schools.find((s) => s.id === schoolId)).toMatchObject({
      name: 'Trường THCS Hoà Bình',
      deactivatedAt: null,
      principals: [{ id: first.id, login: 'ht.hoabinh', displayName: 'Vũ Thị Hoà' }],
    })
    const ht = await firstLogin('ht.hoabinh', first.oneTimePassword)
    expect((await ht.get(people(schoolId))).status).toBe(200)
    // The administrator resets a principal's forgotten password.
    const reset = await admin.post(`${people(schoolId)}/${first.id}/reset-password`)
    expect(reset.status).toBe(200)
    const ht2 = await firstLogin('ht.hoabinh', reset.body.oneTimePassword as string)

    const taken = await admin.post('/api/admin/schools', {
      name: 'Khác',
      schoolLevel: 'primary',
      principal: { login: 'ht.hoabinh', displayName: 'X' },
    })
    expect(taken.status).toBe(409)

    expect((await admin.post(`/api/admin/schools/${schoolId}/deactivate`)).status).toBe(200)
    expect((await ht2.get('/api/session/me')).status).toBe(401)
    const refused = await httpSession(server.url).post('/api/session/login', {
      login: 'ht.hoabinh',
      password: NEW_PASSWORD,
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('account_deactivated')
    expect((await admin.post(`/api/admin/schools/${schoolId}/reactivate`)).status).toBe(200)
    await httpSession(server.url).login('ht.hoabinh', NEW_PASSWORD)
    expect((await admin.post(`/api/admin/schools/${crypto.randomUUID()}/deactivate`)).status).toBe(
      404,
    )
  })
})

describe('the demo accounts', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  async function demoServer(demo: '0' | '1') {
    const dir = mkdtempSync(join(tmpdir(), 'caitien-demo-'))
    dirs.push(dir)
    return startServerProcess({
      ...(await databaseEnv(join(dir, 'caitien.sqlite'))),
      CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
      CAITIEN_DEMO: demo,
    })
  }

  it('must change the demo password at first login on a server that is not a demo', async () => {
    const app = await demoServer('0')
    try {
      const s = httpSession(app.url)
      expect((await s.get('/api/session/demo')).body).toEqual({ demo: false, password: null })
      await s.login('giaovien', 'caitien123')
      expect((await s.get('/api/session/me')).body.user.mustChangePassword).toBe(true)
      expect((await s.get('/api/plans')).body.error.code).toBe('password_change_required')
      const change = await s.post('/api/session/password', {
        currentPassword: 'caitien123',
        newPassword: NEW_PASSWORD,
      })
      expect(change.status).toBe(200)
      expect((await s.get('/api/plans')).status).toBe(200)
    } finally {
      await app.stop()
    }
  })

  it('keeps the demo password on a demo server, and says so', async () => {
    const app = await demoServer('1')
    try {
      const s = httpSession(app.url)
      expect((await s.get('/api/session/demo')).body).toEqual({
        demo: true,
        password: 'caitien123',
      })
      await s.login('giaovien', 'caitien123')
      expect((await s.get('/api/session/me')).body.user.mustChangePassword).toBe(false)
      expect((await s.get('/api/plans')).status).toBe(200)
    } finally {
      await app.stop()
    }
  })
})
