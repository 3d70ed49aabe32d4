import {
  evidenceRefusalMessage,
  requestMessages,
  type Catalogue,
  type MessageTable,
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
 * error body, worded in the user's language. Its message comes from a catalogue in
 * shared (defineMessages), in every language: the type takes nothing else. Routes that want the error in their RPC type
 * return c.json instead.
 */
export class ApiException extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly worded: Worded,
  ) {
    super(status, { message: worded.en })
  }

  /** The message in the user's language. */
  messageIn(lang: Lang): string {
    return this.worded[lang]
  }
}

/** Both languages of a message taken from a shared catalogue. */
export function worded(message: (lang: Lang) => string): Worded {
  return { vi: message('vi'), en: message('en') }
}

/** Words a message of a shared catalogue in every language, for an ApiException. */
export function wordedBy<T extends MessageTable>(
  catalogue: Catalogue<T>,
  say: (messages: T) => string,
): Worded {
  return worded((lang) => say(catalogue[lang]))
}

/**
 * 404, worded the same whatever was asked for: a thing of another school must be
 * indistinguishable from a thing that does not exist.
 */
export const notFound = () =>
  new ApiException(
    404,
    'not_found',
    wordedBy(requestMessages, (m) => m.notFound),
  )

/** 403 by one of the permission rules of shared/src/permissions.ts, in its words. */
export const forbiddenBy = (rule: PermissionRule) =>
  new ApiException(
    403,
    'forbidden',
    worded((lang) => permissionRefusal(rule, lang)),
  )

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
