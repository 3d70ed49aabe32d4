import { z } from 'zod'
import { SCHOOL_YEAR_RE } from '../month.ts'
import { PASSWORD_MAX_LENGTH } from '../password-policy.ts'

export const loginInputSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof loginInputSchema>

export const commentInputSchema = z.object({ body: z.string().trim().min(1).max(5_000) })
export type CommentInput = z.infer<typeof commentInputSchema>

export const createPlanInputSchema = z.object({
  schoolId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(300),
  schoolYear: z.string().trim().regex(SCHOOL_YEAR_RE, 'schoolYear must look like "2025-2026"'),
  frameworkId: z.string().min(1).max(64),
  /** Last year's plan, whose unfinished actions carry over (plan-life.ts isCarriedOver). */
  carryFromPlanId: z.string().min(1).max(64).optional(),
})
export type CreatePlanInput = z.infer<typeof createPlanInputSchema>

/**
 * The new password is checked against the policy by the route (checkPassword in
 * ../password-policy.ts), which knows the login: here only its size is bounded.
 */
export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().max(10 * PASSWORD_MAX_LENGTH),
})
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>
