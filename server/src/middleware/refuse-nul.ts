import type { MiddlewareHandler } from 'hono'
import { requestMessages } from '@caitien/shared'
import type { AppEnv } from '../app-env.ts'
import { ApiException, wordedBy } from '../http-error.ts'

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a string carrying one would fail its
 * query with a 500 there (docs/decisions/028). No one types it, so on both engines a path
 * or a JSON body holding one is refused with a 400 before any route reads it.
 */
export const nulRefused = () =>
  new ApiException(
    400,
    'bad_request',
    wordedBy(requestMessages, (m) => m.nulCharacter),
  )

/**
 * In the path (an id); a query's values are each checked by their route, and an evidence
 * file's name has its control characters taken out (sniff-type.ts).
 */
export function refuseNulInPath(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url
    const query = url.indexOf('?')
    if ((query < 0 ? url : url.slice(0, query)).includes('%00')) throw nulRefused()
    await next()
  }
}

/**
 * True when a JSON text holds U+0000 in any string, keys included, without parsing it: JSON
 * can only carry it escaped (`\u0000`), and an escape is one whose backslash is not itself
 * escaped (an odd run of backslashes). A raw NUL is not JSON at all (the validator's 400).
 */
export function jsonHoldsNul(text: string): boolean {
  for (const match of text.matchAll(/(\\+)u0000/gi)) {
    if (match[1]!.length % 2 === 1) return true
  }
  return false
}
