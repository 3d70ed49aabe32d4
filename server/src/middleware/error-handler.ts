import { requestMessages, type ApiError, type Lang } from '@caitien/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiException } from '../http-error.ts'

function body(code: ApiError['error']['code'], message: string): ApiError {
  return { error: { code, message } }
}

/** Every error leaves as `{ error: { code, message } }`; a stack trace never does. */
/** The user's language; 'vi' when the error came before it was known. */
export const langOf = (c: Context) => (c.get('lang') as Lang | undefined) ?? 'vi'

export const handleError: ErrorHandler = (err, c) => {
  const lang = langOf(c)
  if (err instanceof ApiException) return c.json(body(err.code, err.messageIn(lang)), err.status)
  if (err instanceof HTTPException) {
    const status = err.status
    const code =
      status === 400
        ? 'bad_request'
        : status === 401
          ? 'unauthenticated'
          : status === 403
            ? 'forbidden'
            : status === 404
              ? 'not_found'
              : status === 413
                ? 'payload_too_large'
                : 'bad_request'
    // Hono's own refusals (a malformed JSON body…): its words are the detail.
    const message = requestMessages[lang].invalidInput({ detail: err.message || code })
    return c.json(body(code, message), status)
  }
  console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}:`, err)
  return c.json(body('internal_error', requestMessages[lang].internalError), 500)
}

export const handleNotFound: NotFoundHandler = (c: Context) => {
  const message = requestMessages[langOf(c)].noRoute({ method: c.req.method, path: c.req.path })
  return c.json(body('not_found', message), 404)
}
