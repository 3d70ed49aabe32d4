import { zValidator } from '@hono/zod-validator'
import { requestMessages, type ApiError } from '@caitien/shared'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { langOf } from './error-handler.ts'

/**
 * zValidator answering 400 with our error body, naming each wrong field.
 * Malformed JSON never reaches here: Hono throws a 400 the error handler words.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return
    const issues = result.error.issues.map((i) => ({
      path: i.path.join('.') || '(body)',
      message: i.message,
    }))
    // The schema's words (English, for developers) follow the sentence the user reads.
    const detail = `${target}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
    const message = requestMessages[langOf(c)].invalidInput({ detail })
    return c.json({ error: { code: 'bad_request', message, issues } } satisfies ApiError, 400)
  })
