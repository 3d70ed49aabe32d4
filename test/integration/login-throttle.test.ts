import { DEFAULT_THROTTLE_RULES, TEST_PASSWORD, insertTestUser } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, type World } from '../support/world.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'

/**
 * The server trusts 127.0.0.1 as its reverse proxy (CAITIEN_TRUST_PROXY), so each test
 * chooses the client's address with X-Forwarded-For, as nginx in front of it would.
 */
let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let clock: number

beforeAll(async () => {
  server = await startTestServer({ trustProxy: '127.0.0.1' })
  world = await buildWorld(server.db)
  clock = server.now().getTime()
})
afterAll(async () => {
  await server.stop()
})

/** The server's clock only moves forward here: each test starts a day after the last. */
function advance(ms: number) {
  clock += ms
  server.setNow(new Date(clock))
}

let nextAddress = 10
const freshAddress = () => `203.0.113.${nextAddress++}`

function attempt(s: HttpSession, login: string, password: string, address: string) {
  return s.post(
    '/api/session/login',
    { login, password },
    { headers: { 'x-forwarded-for': address } },
  )
}

const newUser = () => insertTestUser(server.db, world.schoolId, ['staff'])

describe('login throttling per login and address', () => {
  it('never keeps the principal out because of wrong passwords sent from another address', async () => {
    advance(24 * 3600_000)
    const principal = world.users.principal.login
    const guesser = httpSession(server.url)
    const elsewhere = freshAddress()
    let status = 0
    let tries = 0
    while (status !== 429 && tries < 20) {
      tries++
      status = (await attempt(guesser, principal, `doan-mo-${tries}`, elsewhere)).status
    }
    expect(status).toBe(429)

    const owner = httpSession(server.url)
    expect((await attempt(owner, principal, TEST_PASSWORD, freshAddress())).status).toBe(200)
    // The guesser is still slowed, even with the right password.
    expect((await attempt(guesser, principal, TEST_PASSWORD, elsewhere)).status).toBe(429)
  })

  it('lets five wrong passwords go, then makes each next try wait 1, 2, 4, 8 seconds', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const s = httpSession(server.url)
    const address = freshAddress()
    for (let i = 0; i < 5; i++) {
      expect((await attempt(s, user.login, `sai-${i}`, address)).status).toBe(401)
    }
    for (const seconds of [1, 2, 4, 8]) {
      expect((await attempt(s, user.login, 'sai-nua', address)).status).toBe(401)
      const held = await attempt(s, user.login, TEST_PASSWORD, address)
      expect(held.status).toBe(429)
      expect(held.headers.get('retry-after')).toBe(String(seconds))
      expect(held.body.error).toEqual({
        code: 'too_many_attempts',
        message: `Đăng nhập sai nhiều lần. Hãy thử lại sau ${seconds} giây.`,
      })
      advance(seconds * 1000 - 1)
      expect((await attempt(s, user.login, TEST_PASSWORD, address)).status).toBe(429)
      advance(1)
    }
    // Only a wait, never a lock: after it the right password opens, and the count restarts.
    expect((await attempt(s, user.login, TEST_PASSWORD, address)).status).toBe(200)
    expect((await attempt(s, user.login, 'sai-lai', address)).status).toBe(401)
    expect((await attempt(s, user.login, 'sai-lai-nua', address)).status).toBe(401)
  })

  it('caps the wait at 15 minutes and words it in minutes, in English too', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const s = httpSession(server.url)
    const address = freshAddress()
    for (let i = 0; i < 5; i++) await attempt(s, user.login, `sai-${i}`, address)
    const waits: number[] = []
    for (let i = 0; i < 12; i++) {
      expect((await attempt(s, user.login, `sai-nua-${i}`, address)).status).toBe(401)
      const held = await attempt(s, user.login, `sai-nua-${i}`, address)
      expect(held.status).toBe(429)
      waits.push(Number(held.headers.get('retry-after')))
      if (i < 11) advance(waits[i]! * 1000)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900])
    const en = await s.post(
      '/api/session/login',
      { login: user.login, password: TEST_PASSWORD },
      { headers: { 'x-forwarded-for': address, cookie: 'caitien_lang=en' } },
    )
    expect(en.status).toBe(429)
    expect(en.body.error.message).toBe('Too many failed logins. Try again in 15 minutes.')
  })

  it('slows an address that tries very many logins, except browsers their owners used', async () => {
    // The real allowance is 100 an hour (DEFAULT_THROTTLE_RULES); 20 here to keep it quick.
    expect(DEFAULT_THROTTLE_RULES.address.free).toBe(100)
    const small = await startTestServer({
      trustProxy: '127.0.0.1',
      throttleRules: { address: { free: 20, windowMs: 3600_000 } },
    })
    try {
      const w = await buildWorld(small.db)
      const address = freshAddress()
      const post = (s: HttpSession, login: string, password: string, at = address) =>
        s.post('/api/session/login', { login, password }, { headers: { 'x-forwarded-for': at } })
      // The owner's browser logged in from this address once before.
      const owner = httpSession(small.url)
      expect((await post(owner, w.users.staff.login, TEST_PASSWORD)).status).toBe(200)
      const sprayer = httpSession(small.url)
      let status = 0
      let tries = 0
      while (status !== 429 && tries < 40) {
        tries++
        status = (await post(sprayer, `khong-co-${tries}`, 'mat-khau-doan')).status
      }
      expect(tries).toBe(22)
      const stranger = await post(httpSession(small.url), w.users.monitor.login, TEST_PASSWORD)
      expect(stranger.status).toBe(429)
      expect((await post(owner, w.users.staff.login, TEST_PASSWORD)).status).toBe(200)
      // Elsewhere nothing changed.
      const away = await post(
        httpSession(small.url),
        w.users.monitor.login,
        TEST_PASSWORD,
        freshAddress(),
      )
      expect(away.status).toBe(200)
    } finally {
      await small.stop()
    }
  })
})

describe('a browser its owner logged in from (device cookie)', () => {
  it('keeps logging in from the address a guesser uses', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const address = freshAddress()
    const owner = httpSession(server.url)
    expect((await attempt(owner, user.login, TEST_PASSWORD, address)).status).toBe(200)
    expect(owner.cookieValue('caitien_device')).toBeTruthy()
    expect((await owner.post('/api/session/logout')).status).toBe(200)

    const guesser = httpSession(server.url)
    for (let i = 0; i < 8; i++) await attempt(guesser, user.login, `sai-${i}`, address)
    expect((await attempt(guesser, user.login, TEST_PASSWORD, address)).status).toBe(429)
    expect((await attempt(owner, user.login, TEST_PASSWORD, address)).status).toBe(200)
    // A device cookie vouches for its own login only.
    const other = await newUser()
    for (let i = 0; i < 6; i++) await attempt(owner, other.login, `sai-${i}`, address)
    expect((await attempt(owner, other.login, TEST_PASSWORD, address)).status).toBe(429)
  })

  it('slows guessing spread over many addresses, for every browser but the owner’s', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const owner = httpSession(server.url)
    expect((await attempt(owner, user.login, TEST_PASSWORD, freshAddress())).status).toBe(200)
    // Three guesses from each address: none of them is slowed on its own account, but
    // after 25 wrong passwords on one login every further one waits.
    let tries = 0
    let status = 0
    for (let a = 0; a < 12 && status !== 429; a++) {
      const guesser = httpSession(server.url)
      const address = freshAddress()
      for (let i = 0; i < 3 && status !== 429; i++) {
        tries++
        status = (await attempt(guesser, user.login, `sai-${a}-${i}`, address)).status
      }
    }
    const stranger = await attempt(
      httpSession(server.url),
      user.login,
      TEST_PASSWORD,
      freshAddress(),
    )
    expect(stranger.status).toBe(429)
    expect(tries).toBe(27)
    expect((await attempt(owner, user.login, TEST_PASSWORD, freshAddress())).status).toBe(200)
  })
})

describe('the password change route', () => {
  it('counts wrong current passwords against the same throttle and answers 429', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const address = freshAddress()
    const s = httpSession(server.url)
    expect((await attempt(s, user.login, TEST_PASSWORD, address)).status).toBe(200)
    const change = (currentPassword: string) =>
      s.post(
        '/api/session/password',
        { currentPassword, newPassword: 'hoa-sen-trong-dam-2026' },
        { headers: { 'x-forwarded-for': address } },
      )
    for (let i = 0; i < 6; i++) expect((await change(`sai-${i}`)).status).toBe(403)
    const held = await change(TEST_PASSWORD)
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('1')
    expect(held.body.error.code).toBe('too_many_attempts')
    expect(held.body.error.message).toBe('Nhập sai mật khẩu nhiều lần. Hãy thử lại sau 1 giây.')
    // The same browser's login is held by the same count.
    expect(
      (await attempt(httpSession(server.url), user.login, TEST_PASSWORD, address)).status,
    ).toBe(200)
    const sameBrowser = await attempt(s, user.login, TEST_PASSWORD, address)
    expect(sameBrowser.status).toBe(429)
    advance(1000)
    expect((await change(TEST_PASSWORD)).status).toBe(200)
  })
})

describe('throttle state', () => {
  it('holds across a restart of the server', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const address = freshAddress()
    const s = httpSession(server.url)
    for (let i = 0; i < 7; i++) await attempt(s, user.login, `sai-${i}`, address)
    expect((await attempt(s, user.login, TEST_PASSWORD, address)).status).toBe(429)
    const again = await startTestServer({ trustProxy: '127.0.0.1', file: server.file })
    try {
      again.setNow(new Date(clock))
      const res = await httpSession(again.url).post(
        '/api/session/login',
        { login: user.login, password: TEST_PASSWORD },
        { headers: { 'x-forwarded-for': address } },
      )
      expect(res.status).toBe(429)
    } finally {
      await again.stop()
    }
  })
})

describe('X-Forwarded-For', () => {
  it('is ignored unless the peer is a trusted proxy', async () => {
    const direct = await startTestServer()
    try {
      const directWorld = await buildWorld(direct.db)
      const login = directWorld.users.staff.login
      const s = httpSession(direct.url)
      for (let i = 0; i < 6; i++) {
        const res = await attempt(s, login, `sai-${i}`, `198.51.100.${i}`)
        expect(res.status).toBe(401)
      }
      // A new X-Forwarded-For does not make a new client: the peer is 127.0.0.1.
      expect((await attempt(s, login, TEST_PASSWORD, '198.51.100.99')).status).toBe(429)
    } finally {
      await direct.stop()
    }
  })

  it('names the client by the right-most address that is not a trusted proxy', async () => {
    advance(24 * 3600_000)
    const user = await newUser()
    const address = freshAddress()
    const s = httpSession(server.url)
    const send = (xff: string, password: string) =>
      s.post(
        '/api/session/login',
        { login: user.login, password },
        { headers: { 'x-forwarded-for': xff } },
      )
    // Whatever the client puts on the left, the proxy appended the address it saw.
    for (let i = 0; i < 6; i++)
      expect((await send(`10.9.9.${i}, ${address}`, 'sai')).status).toBe(401)
    expect((await send(`10.8.8.8, ${address}`, TEST_PASSWORD)).status).toBe(429)
    expect((await send(`${address}, 127.0.0.1`, TEST_PASSWORD)).status).toBe(429)
  })
})
