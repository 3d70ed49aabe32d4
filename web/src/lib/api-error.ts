import type { ApiError } from '@caitien/shared'
import { DetailedError } from 'hono/client'

/** The `{ error: { code, message } }` body inside an error thrown by `parseResponse`. */
export function apiErrorOf(error: unknown): ApiError['error'] | null {
  if (!(error instanceof DetailedError)) return null
  const detail = error.detail as { data?: unknown } | undefined
  const data = detail?.data
  if (data && typeof data === 'object' && 'error' in data) {
    const inner = (data as ApiError).error
    if (inner && typeof inner.code === 'string') return inner
  }
  return null
}

export function httpStatusOf(error: unknown): number | null {
  return error instanceof DetailedError && typeof error.statusCode === 'number'
    ? error.statusCode
    : null
}

/** The server's words when it gave any, else a fallback in the UI language. */
export function errorMessage(error: unknown, fallback: string): string {
  return apiErrorOf(error)?.message || fallback
}
