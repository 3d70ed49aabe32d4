import type { MiddlewareHandler } from 'hono'
import { requestMessages } from '@caitien/shared'
import type { AppEnv } from '../app-env.ts'
import { ApiException, wordedBy } from '../http-error.ts'

/** Routes whose body is a file, read by the route itself (their text is the readers'). */
const FILE_BODY = /\/(import\/(preview|confirm|read)|evidence\/files)$/

/**
 * True when a parsed JSON value holds U+0000 in any string, keys included. A loop, not
 * recursion: a hostile body nests thousands of arrays deep.
 */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true
    } else if (Array.isArray(next)) {
      for (const item of next as unknown[]) pending.push(item)
    } else if (next && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes('\u0000')) return true
        pending.push(item)
      }
    }
  }
  return false
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a string carrying one would fail its
 * query with a 500 there (docs/decisions/028). No one types it, so on both engines a path
 * or JSON body holding one is refused with a 400 before any route reads it. The
 * JSON is parsed once: Hono keeps the parsed body for the route's validator.
 */
export function refuseNulCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refuse = () => {
      throw new ApiException(
        400,
        'bad_request',
        wordedBy(requestMessages, (m) => m.nulCharacter),
      )
    }
    // In the path (an id); a query's values are each checked by their route, and an evidence
    // file's name has its control characters taken out (sniff-type.ts).
    if (new URL(c.req.url).pathname.includes('%00')) refuse()
    const type = c.req.header('content-type') ?? ''
    if (!FILE_BODY.test(c.req.path) && /^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        body = undefined // malformed JSON: the route's validator answers it
      }
      if (holdsNul(body)) refuse()
    }
    await next()
  }
}
