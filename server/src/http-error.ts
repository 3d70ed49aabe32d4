import {
  evidenceRefusalMessage,
  permissionRefusal,
  type EvidenceAddRefusal,
  type EvidenceRemovalRefusal,
  type ErrorCode,
  type Lang,
  type PermissionRule,
} from '@caitien/shared'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A message in every language the UI speaks; the error handler picks the user's. */
export type Worded = Readonly<Record<Lang, string>>

/**
 * Thrown from anywhere inside a request; the error handler turns it into the JSON
 * error body, worded in the user's language. Routes that want the error in their RPC type
 * return c.json instead.
 */
export class ApiException extends HTTPException {
  readonly worded: Worded | null
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string | Worded,
  ) {
    super(status, { message: typeof message === 'string' ? message : message.en })
    this.worded = typeof message === 'string' ? null : message
  }

  /** The message in `lang` when it was given in every language, else as given. */
  messageIn(lang: Lang): string {
    return this.worded?.[lang] ?? this.message
  }
}

/** Both languages of a message taken from a shared catalogue. */
export function worded(message: (lang: Lang) => string): Worded {
  return { vi: message('vi'), en: message('en') }
}

const NOT_FOUND = {
  vi: 'Không tìm thấy, hoặc bạn không có quyền xem.',
  en: 'Not found, or not yours to see.',
} as const

/**
 * 404, worded the same whatever was asked for: a thing of another school must be
 * indistinguishable from a thing that does not exist.
 */
export const notFound = (what = 'resource') =>
  new ApiException(404, 'not_found', { vi: NOT_FOUND.vi, en: `${what}: ${NOT_FOUND.en}` })

/** 403 by one of the permission rules of shared/src/permissions.ts, in its words. */
export const forbiddenBy = (rule: PermissionRule) =>
  new ApiException(
    403,
    'forbidden',
    worded((lang) => permissionRefusal(rule, lang)),
  )

/** 403 with a message of its own (worded in every language when it comes from a catalogue). */
export const forbidden = (message: string | Worded) => new ApiException(403, 'forbidden', message)

/**
 * Evidence that may not be added, linked or removed (permissions.ts, workflow.ts), in the
 * shared words: 403 when it is not this person's to change, 409 when the card's state forbids.
 */
export function evidenceRefused(
  reason: EvidenceAddRefusal | EvidenceRemovalRefusal | 'not_uploader',
): ApiException {
  const mine = reason === 'forbidden' || reason === 'not_uploader'
  return new ApiException(
    mine ? 403 : 409,
    mine ? 'forbidden' : 'conflict',
    worded((lang) => evidenceRefusalMessage(reason, lang)),
  )
}
