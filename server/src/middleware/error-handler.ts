import type { ApiError, Lang } from '@caitien/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiException } from '../http-error.ts'

function body(code: ApiError['error']['code'], message: string): ApiError {
  return { error: { code, message } }
}

/** Every error leaves as `{ error: { code, message } }`; a stack trace never does. */
export const handleError: ErrorHandler = (err, c) => {
  if (err instanceof ApiException) {
    const lang = (c.get('lang') as Lang | undefined) ?? 'vi'
    return c.json(body(err.code, err.messageIn(lang)), err.status)
  }
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
    return c.json(body(code, err.message || 'bad request'), status)
  }
  console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}:`, err)
  return c.json(body('internal_error', 'Something went wrong on the server.'), 500)
}

export const handleNotFound: NotFoundHandler = (c: Context) =>
  c.json(body('not_found', `no route for ${c.req.method} ${c.req.path}`), 404)
