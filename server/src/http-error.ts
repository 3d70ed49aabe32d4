import type { ErrorCode } from '@caitien/shared'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Thrown from anywhere inside a request; the error handler turns it into the JSON
 * error body. Routes that want the error in their RPC type return c.json instead.
 */
export class ApiException extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(status, { message })
  }
}

export const notFound = (what = 'resource') =>
  new ApiException(404, 'not_found', `${what} not found`)
export const forbidden = (message: string) => new ApiException(403, 'forbidden', message)
