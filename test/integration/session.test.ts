import { TEST_PASSWORD, insertTestUser } from '@caitien/server/testing'
import { passwordRejectionMessage, type PasswordRejection } from '@caitien/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, type World } from '../support/world.ts'
import { httpSession, startTestServer } from '../support/http-server.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
})
afterAll(async () => {
  await server.stop()
})

describe('login and logout', () => {
  it('refuses a wrong password with invalid_credentials and sets no cookie', async () => {
    const s = httpSession(server.url)
    const res = await s.post('/api/session/login', {
      login: world.users.staff.login,
      password: 'wrong-password',
    })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('invalid_credentials')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('answers an unknown login exactly like a wrong password', async () => {
    const s = httpSession(server.url)
    const res = await s.post('/api/session/login', { login: 'nobody-here', password: 'whatever1' })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('invalid_credentials')
  })

  it('logs in with an httpOnly SameSite cookie, knows who I am, and logs out for good', async () => {
    const s = httpSession(server.url)
    const login = await s.login(world.users.monitorAssignee.login.toUpperCase())
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/caitien_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)

    const me = await s.get('/api/session/me')
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(world.users.monitorAssignee.id)
    expect(me.body.memberships).toEqual([
      {
        schoolId: world.schoolId,
        schoolName: expect.any(String),
        roles: expect.arrayContaining(['monitor', 'staff']),
      },
    ])

    const stolen = s.cookie
    expect((await s.post('/api/session/logout')).status).toBe(200)
    const replay = await fetch(`${server.url}/api/session/me`, { headers: { cookie: stolen } })
    expect(replay.status).toBe(401)
    const sessions = await server.db
      .selectFrom('auth_session')
      .selectAll()
      .where('user_id', '=', world.users.monitorAssignee.id)
      .execute()
    expect(sessions).toEqual([])
  })

  it('stores only a hash of the session token', async () => {
    const s = httpSession(server.url)
    await s.login(world.users.staff.login)
    const token = decodeURIComponent(s.cookieValue('caitien_session')!)
    const rows = await server.db.selectFrom('auth_session').select('id').execute()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.id)).not.toContain(token)
  })

  it('validates the login body with a 400 naming the field', async () => {
    const s = httpSession(server.url)
    const res = await s.post('/api/session/login', { login: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('bad_request')
    expect(res.body.error.message).toMatch(/password/)
  })
})

describe('protection', () => {
  it('answers 401 without a session on every API route but login and the demo question', async () => {
    const routes = server.app.routes
      .filter(
        (r) =>
          r.path.startsWith('/api/') &&
          r.method !== 'ALL' &&
          // Public: logging in, and whether this server is a demo (the login page asks).
          r.path !== '/api/session/login' &&
          r.path !== '/api/session/demo',
      )
      .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, 'some-id') }))
    expect(routes.length).toBeGreaterThan(10)
    for (const route of routes) {
      const res = await fetch(server.url + route.path, {
        method: route.method,
        headers: { 'content-type': 'application/json' },
        body: route.method === 'GET' ? undefined : '{}',
      })
      expect({ route, status: res.status }).toEqual({ route, status: 401 })
      const body = (await res.json()) as { error: { code: string } }
      expect(body.error.code).toBe('unauthenticated')
    }
  })

  it('refuses a cross-origin POST even with a valid session', async () => {
    const s = httpSession(server.url)
    await s.login(world.users.principal.login)
    const res = await s.post(
      `/api/plans/${world.plan.id}/cards`,
      { tasks: 'x' },
      { headers: { origin: 'https://evil.example' } },
    )
    expect(res.status).toBe(403)
    const count = await server.db
      .selectFrom('card')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('plan_id', '=', world.plan.id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('sends security headers and never a stack trace', async () => {
    const s = httpSession(server.url)
    await s.login(world.users.staff.login)
    const res = await fetch(`${server.url}/api/nope`, { headers: { cookie: s.cookie } })
    expect(res.status).toBe(404)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('not_found')
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/)
  })
})

describe('password change', () => {
  it('needs the current password, then ends every other session of the account', async () => {
    const here = httpSession(server.url)
    const elsewhere = httpSession(server.url)
    await here.login(world.users.principal.login)
    await elsewhere.login(world.users.principal.login)
    const wrong = await here.post('/api/session/password', {
      currentPassword: 'nope',
      newPassword: 'hoa-sen-trong-dam-2026',
    })
    expect(wrong.status).toBe(403)
    const short = await here.post('/api/session/password', {
      currentPassword: 'test-password-1',
      newPassword: 'short',
    })
    expect(short.status).toBe(400)
    const ok = await here.post('/api/session/password', {
      currentPassword: 'test-password-1',
      newPassword: 'hoa-sen-trong-dam-2026',
    })
    expect(ok.status).toBe(200)
    expect((await here.get('/api/session/me')).status).toBe(200)
    expect((await elsewhere.get('/api/session/me')).status).toBe(401)
    const again = httpSession(server.url)
    await expect(again.login(world.users.principal.login)).rejects.toThrow(/401/)
    await again.login(world.users.principal.login, 'hoa-sen-trong-dam-2026')
  })

  it('refuses each weak new password with its own reason, changing nothing', async () => {
    const user = await insertTestUser(server.db, world.schoolId, ['staff'])
    const s = httpSession(server.url)
    await s.login(user.login)
    const cases: [string, PasswordRejection][] = [
      ['12345678', 'too_short'],
      ['        ', 'blank'],
      [user.login, 'is_login'],
      [user.login.toUpperCase(), 'is_login'],
      ['caitien123', 'demo_password'],
      [TEST_PASSWORD, 'same_as_current'],
      ['matkhau123', 'common'],
      ['1234567890', 'common'],
    ]
    for (const [newPassword, reason] of cases) {
      const res = await s.post('/api/session/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      })
      expect({ newPassword, status: res.status, error: res.body.error }).toEqual({
        newPassword,
        status: 400,
        error: { code: 'weak_password', reason, message: passwordRejectionMessage(reason, 'vi') },
      })
    }
    const en = await s.post(
      '/api/session/password',
      { currentPassword: TEST_PASSWORD, newPassword: '12345678' },
      { headers: { cookie: `${s.cookie}; caitien_lang=en` } },
    )
    expect(en.body.error.message).toBe('The password must have at least 10 characters.')
    // Nothing changed: the same password still opens, the session still holds.
    expect((await s.get('/api/session/me')).status).toBe(200)
    await httpSession(server.url).login(user.login)
  })
})

describe('login throttling', () => {
  it('slows a login after five wrong passwords, with a clear message, and never locks it', async () => {
    const s = httpSession(server.url)
    const login = world.users.monitor.login
    const start = server.now()
    for (let i = 0; i < 6; i++) {
      expect((await s.post('/api/session/login', { login, password: `sai-${i}` })).status).toBe(401)
    }
    const held = await s.post('/api/session/login', { login, password: 'test-password-1' })
    expect(held.status).toBe(429)
    expect(held.body.error).toEqual({
      code: 'too_many_attempts',
      message: 'Đăng nhập sai nhiều lần. Hãy thử lại sau 1 giây.',
    })
    expect(held.headers.get('retry-after')).toBe('1')
    // Other accounts are not affected.
    await httpSession(server.url).login(world.users.staff.login)
    server.setNow(new Date(start.getTime() + 1000))
    await s.login(login)
    server.setNow(start)
  })

  it('never locks real users out of an address that tries many unknown logins', async () => {
    const s = httpSession(server.url)
    for (let i = 1; i <= 32; i++) {
      const res = await s.post('/api/session/login', { login: `khong-co-${i}`, password: 'x' })
      expect(res.status).toBe(401)
    }
    // Unknown logins are slowed one by one, exactly like known ones.
    for (let i = 0; i < 5; i++)
      await s.post('/api/session/login', { login: 'khong-co-1', password: 'x' })
    expect(
      (await s.post('/api/session/login', { login: 'khong-co-1', password: 'x' })).status,
    ).toBe(429)
    await httpSession(server.url).login(world.users.assignee.login)
  })
})
