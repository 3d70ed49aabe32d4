import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { SESSION_COOKIE } from '../auth/cookies.ts'
import { findSessionUser } from '../auth/session.repository.ts'
import { requestMessages } from '@caitien/shared'
import { ApiException, wordedBy } from '../http-error.ts'

/** Sets c.var.user from the session cookie, or answers 401. */
export const requireSession = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const user = token ? await findSessionUser(c.var.db, token, c.var.now()) : undefined
  if (!user) {
    throw new ApiException(
      401,
      'unauthenticated',
      wordedBy(requestMessages, (m) => m.loginRequired),
    )
  }
  c.set('user', user)
  await next()
}
