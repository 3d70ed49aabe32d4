import {
  changePasswordInputSchema,
  checkPassword,
  DEMO_PASSWORD,
  loginInputSchema,
  passwordRejectionMessage,
  peopleMessages,
  sessionMessages,
  updateProfileInputSchema,
} from '@caitien/shared'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { resolveClientAddress } from '../auth/client-address.ts'
import { retrySeconds } from '../auth/login-throttle.ts'
import { DEVICE_COOKIE, DEVICE_DAYS, SESSION_COOKIE, SESSION_DAYS } from '../auth/cookies.ts'
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password.ts'
import {
  changePassword,
  checkLoginAllowed,
  endSession,
  findCurrentPasswordHash,
  findKnownDevice,
  findLoginUser,
  listMemberships,
  rememberDevice,
  startSession,
} from '../auth/sessions.ts'
import { validate } from '../middleware/validate.ts'
import { requireSession } from '../middleware/require-session.ts'
import { changeProfile, loadProfile, signOutOtherDevices } from '../schools/people.ts'
import { listMyBodies } from '../oversight/bodies.ts'

/** The client's address: the peer's, or X-Forwarded-For's from a trusted proxy only. */
function clientAddress(c: Context<AppEnv>): string {
  let peer: string | undefined
  try {
    peer = getConnInfo(c).remote.address
  } catch {
    peer = undefined
  }
  return resolveClientAddress(peer, c.req.header('x-forwarded-for'), c.get('trustedProxies'))
}

function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secureCookies'),
    path: '/',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  })
}

/**
 * A password check under the throttle (docs/decisions/014). The browser's device cookie
 * counts only if it was issued to this very user.
 */
async function guardedCheck(
  c: Context<AppEnv>,
  who: { login: string; userId: string | undefined },
  verify: () => Promise<boolean>,
) {
  const token = getCookie(c, DEVICE_COOKIE)
  const device =
    token && who.userId
      ? await findKnownDevice(c.get('db'), token, who.userId, c.get('now')())
      : undefined
  const result = await c
    .get('loginThrottle')
    .guard(
      c.get('db'),
      { login: who.login, address: clientAddress(c), deviceId: device?.id },
      c.get('now')(),
      verify,
    )
  return { result, device }
}

function tooManyAttempts(c: Context<AppEnv>, waitMs: number, what: 'login' | 'password') {
  const seconds = retrySeconds(waitMs)
  c.header('Retry-After', String(seconds))
  const m = sessionMessages[c.get('lang')]
  const message = what === 'login' ? m.tooManyLogins({ seconds }) : m.tooManyPasswords({ seconds })
  return c.json({ error: { code: 'too_many_attempts' as const, message } }, 429)
}

export const sessionRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginInputSchema), async (c) => {
    const { login, password } = c.req.valid('json')
    const key = login.toLowerCase()
    const user = await findLoginUser(c.get('db'), key)
    const { result, device } = await guardedCheck(c, { login: key, userId: user?.id }, async () => {
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE))
      return ok && user !== undefined
    })
    if (result.held) return tooManyAttempts(c, result.waitMs, 'login')
    if (!user || !result.passed) {
      const message = sessionMessages[c.get('lang')].invalidCredentials
      return c.json({ error: { code: 'invalid_credentials' as const, message } }, 401)
    }
    // Told only to whoever knows the password: the account exists and is closed.
    const allowed = await checkLoginAllowed(
      c.get('db'),
      user,
      password === DEMO_PASSWORD,
      c.get('demo'),
    )
    if (!allowed.ok) {
      const m = peopleMessages[c.get('lang')]
      const message = allowed.reason === 'deactivated' ? m.accountDeactivated : m.schoolDeactivated
      return c.json({ error: { code: 'account_deactivated' as const, message } }, 403)
    }
    const token = await startSession(c.get('db'), user.id, c.get('now')())
    setSessionCookie(c, token)
    if (!device) {
      setCookie(c, DEVICE_COOKIE, await rememberDevice(c.get('db'), user.id, c.get('now')()), {
        httpOnly: true,
        sameSite: 'Strict',
        secure: c.get('secureCookies'),
        path: '/api/session',
        maxAge: DEVICE_DAYS * 24 * 60 * 60,
      })
    }
    return c.json({ ok: true }, 200)
  })
  .get('/demo', (c) =>
    // The login page says "this is a demo" and gives the password only on a demo server.
    c.json({ demo: c.get('demo'), password: c.get('demo') ? DEMO_PASSWORD : null }, 200),
  )
  .post('/logout', requireSession({ allowPasswordChange: true }), async (c) => {
    await endSession(c.get('db'), c.get('user').sessionId)
    c.get('events').sessionsEnded(c.get('user').id)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true }, 200)
  })
  .post(
    '/password',
    requireSession({ allowPasswordChange: true }),
    validate('json', changePasswordInputSchema),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      const me = c.get('user')
      // The current password as typed: compared only once it has been verified below, so
      // this says nothing about it.
      const check = checkPassword(newPassword, { login: me.login, current: currentPassword })
      if (!check.ok) {
        const message = passwordRejectionMessage(check.reason, c.get('lang'))
        return c.json(
          { error: { code: 'weak_password' as const, reason: check.reason, message } },
          400,
        )
      }
      const hash = await findCurrentPasswordHash(c.get('db'), me.id)
      const { result } = await guardedCheck(c, { login: me.login, userId: me.id }, () =>
        verifyPassword(currentPassword, hash),
      )
      if (result.held) return tooManyAttempts(c, result.waitMs, 'password')
      if (!result.passed) {
        const message = sessionMessages[c.get('lang')].wrongCurrentPassword
        return c.json({ error: { code: 'invalid_credentials' as const, message } }, 403)
      }
      const now = c.get('now')()
      // Every other session ends; this one is replaced by a fresh one below.
      await changePassword(c.get('db'), me.id, newPassword, now)
      c.get('events').sessionsEnded(me.id)
      const token = await startSession(c.get('db'), me.id, now)
      setSessionCookie(c, token)
      return c.json({ ok: true }, 200)
    },
  )
  .get('/me', requireSession({ allowPasswordChange: true }), async (c) => {
    const user = c.get('user')
    const [profile, memberships, bodies] = await Promise.all([
      loadProfile(c.get('db'), user.id),
      listMemberships(c.get('db'), user.id),
      listMyBodies(c.get('db'), user.id),
    ])
    return c.json(
      {
        user: {
          id: user.id,
          login: user.login,
          displayName: user.displayName,
          isAdmin: user.isAdmin,
          email: profile.email,
          phone: profile.phone,
          position: profile.position,
          department: profile.department,
          mustChangePassword: profile.mustChangePassword,
        },
        memberships,
        /** The overseeing bodies the person belongs to (docs/decisions/029). */
        bodies,
      },
      200,
    )
  })
  .patch('/me', requireSession(), validate('json', updateProfileInputSchema), async (c) => {
    await changeProfile(c.get('db'), c.get('user').id, c.req.valid('json'))
    return c.json({ ok: true }, 200)
  })
  .post('/logout-others', requireSession(), async (c) => {
    const ended = await signOutOtherDevices(c.get('db'), c.get('user').id, c.get('user').sessionId)
    c.get('events').sessionsEnded(c.get('user').id)
    return c.json({ ended }, 200)
  })
