import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { SESSION_COOKIE } from '../auth/cookies.ts'
import { findSessionUser } from '../auth/session.repository.ts'
import { peopleMessages, requestMessages } from '@caitien/shared'
import { ApiException, wordedBy } from '../http-error.ts'

/**
 * Sets c.get('user') from the session cookie, or answers 401. A person who must choose a new
 * password (a one-time password, or the demo password outside a demo) gets 403
 * password_change_required everywhere but the few routes that let them do it
 * (`allowPasswordChange`: the password change, logout, who am I).
 */
export const requireSession =
  (options: { allowPasswordChange?: boolean } = {}): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    const user = token ? await findSessionUser(c.get('db'), token, c.get('now')()) : undefined
    if (!user) {
      throw new ApiException(
        401,
        'unauthenticated',
        wordedBy(requestMessages, (m) => m.loginRequired),
      )
    }
    if (user.mustChangePassword && !options.allowPasswordChange) {
      throw new ApiException(
        403,
        'password_change_required',
        wordedBy(peopleMessages, (m) => m.passwordChangeRequired),
      )
    }
    c.set('user', user)
    await next()
  }
