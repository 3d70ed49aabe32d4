import type { MoveRejection } from './workflow.ts'

/** Every error code the API answers with, in one union (server and web share it). */
export type ErrorCode =
  | MoveRejection
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'weak_password'
  | 'password_change_required'
  | 'account_deactivated'
  | 'last_principal'
  | 'login_taken'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'conflict'
  | 'payload_too_large'
  | 'storage_quota_exceeded'
  | 'unsupported_type'
  | 'unreadable_plan'
  | 'too_many_rows'
  | 'plan_too_complex'
  | 'field_too_long'
  | 'plan_archived'
  | 'confirmation_required'
  | 'internal_error'

/** The body of every error answer: `{ "error": { "code", "message" } }`. */
export interface ApiError {
  error: {
    code: ErrorCode
    message: string
    /** For 400s: which fields were wrong and why. */
    issues?: { path: string; message: string }[]
    /** A finer reason where one code covers several (weak_password: a PasswordRejection). */
    reason?: string
  }
}

/** The HTTP status a move refusal is answered with. */
export function statusForMoveRejection(reason: MoveRejection): 403 | 422 {
  return reason === 'role_not_allowed' || reason === 'own_card' ? 403 : 422
}
