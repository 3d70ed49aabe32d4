import type { MiddlewareHandler } from 'hono'
import { requestMessages } from '@caitien/shared'
import { ApiException, wordedBy } from '../http-error.ts'

const crossOrigin = () =>
  new ApiException(
    403,
    'forbidden',
    wordedBy(requestMessages, (m) => m.crossOrigin),
  )

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection for a cookie-authenticated JSON API: an unsafe request must come
 * from our own origin. Browsers send Origin (and Sec-Fetch-Site) on every POST, so a
 * cross-site form or fetch is refused even before SameSite=Lax would matter.
 */
export const requireSameOrigin = (): MiddlewareHandler => async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site')
    if (site === 'cross-site' || site === 'same-site') {
      throw crossOrigin()
    }
    const origin = c.req.header('origin')
    if (origin) {
      const host = c.req.header('host')
      let originHost: string | null = null
      try {
        originHost = new URL(origin).host
      } catch {
        originHost = null
      }
      if (!host || originHost !== host) {
        throw crossOrigin()
      }
    }
  }
  await next()
}
