import {
  changePasswordInputSchema,
  checkPassword,
  loginInputSchema,
  passwordRejectionMessage,
} from '@caitien/shared'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/password.ts'
import {
  SESSION_COOKIE,
  SESSION_DAYS,
  deleteSession,
  insertSession,
} from '../auth/session.repository.ts'
import { validate } from '../middleware/validate.ts'
import { requireSession } from '../middleware/require-session.ts'
import { listMemberships } from '../schools/school.repository.ts'

/** The peer's address; behind a proxy, its X-Forwarded-For would need to be trusted explicitly. */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.secureCookies,
    path: '/',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  })
}

export const sessionRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginInputSchema), async (c) => {
    const { login, password } = c.req.valid('json')
    const key = login.toLowerCase()
    const address = clientAddress(c)
    const now = c.var.now().getTime()
    const wait = c.var.loginThrottle.retryAfter(key, address, now)
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000)
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      const message =
        c.var.lang === 'vi'
          ? `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`
          : `Too many failed logins. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`
      return c.json({ error: { code: 'too_many_attempts' as const, message } }, 429)
    }
    const user = await c.var.db
      .selectFrom('app_user')
      .select(['id', 'password_hash'])
      .where('login', '=', login.toLowerCase())
      .executeTakeFirst()
    const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE))
    if (!user || !ok) {
      c.var.loginThrottle.fail(key, address, now)
      const message =
        c.var.lang === 'vi' ? 'Sai tên đăng nhập hoặc mật khẩu.' : 'Wrong login or password.'
      return c.json({ error: { code: 'invalid_credentials' as const, message } }, 401)
    }
    c.var.loginThrottle.succeed(key)
    const token = await insertSession(c.var.db, user.id, c.var.now())
    setSessionCookie(c, token)
    return c.json({ ok: true }, 200)
  })
  .post('/logout', requireSession(), async (c) => {
    await deleteSession(c.var.db, c.var.user.sessionId)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true }, 200)
  })
  .post('/password', requireSession(), validate('json', changePasswordInputSchema), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    const me = c.var.user
    // The current password as typed: compared only once it has been verified below, so
    // this says nothing about it.
    const check = checkPassword(newPassword, { login: me.login, current: currentPassword })
    if (!check.ok) {
      const message = passwordRejectionMessage(check.reason, c.var.lang)
      return c.json(
        { error: { code: 'weak_password' as const, reason: check.reason, message } },
        400,
      )
    }
    const user = await c.var.db
      .selectFrom('app_user')
      .select(['id', 'password_hash'])
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow()
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      const message =
        c.var.lang === 'vi' ? 'Mật khẩu hiện tại không đúng.' : 'The current password is wrong.'
      return c.json({ error: { code: 'invalid_credentials' as const, message } }, 403)
    }
    const now = c.var.now()
    await c.var.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(newPassword),
          password_changed_at: now.toISOString(),
        })
        .where('id', '=', user.id)
        .execute()
      // Every other session ends; this one is replaced by a fresh one below.
      await trx.deleteFrom('auth_session').where('user_id', '=', user.id).execute()
    })
    const token = await insertSession(c.var.db, user.id, now)
    setSessionCookie(c, token)
    return c.json({ ok: true }, 200)
  })
  .get('/me', requireSession(), async (c) => {
    const user = c.var.user
    return c.json(
      {
        user: {
          id: user.id,
          login: user.login,
          displayName: user.displayName,
          isAdmin: user.isAdmin,
        },
        memberships: await listMemberships(c.var.db, user.id),
      },
      200,
    )
  })
