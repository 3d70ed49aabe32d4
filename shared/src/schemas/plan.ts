import { z } from 'zod'
import { SCHOOL_YEAR_RE } from '../month.ts'

const schoolYear = z.string().trim().regex(SCHOOL_YEAR_RE, 'schoolYear must look like "2025-2026"')

/** The plan's settings a principal changes: any of them, at least one. */
export const updatePlanInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    schoolYear: schoolYear.optional(),
    frameworkId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'name at least one setting')
export type UpdatePlanInput = z.infer<typeof updatePlanInputSchema>

/** What a change of school year or framework would do, asked before saving it. */
export const planSettingsPreviewQuerySchema = z.object({
  schoolYear: schoolYear.optional(),
  frameworkId: z.string().min(1).max(64).optional(),
})
export type PlanSettingsPreviewQuery = z.infer<typeof planSettingsPreviewQuerySchema>

/** A plan with cards is deleted only with its name typed (plan-life.ts planDeletionRefusal). */
export const deletePlanInputSchema = z.object({
  confirmTitle: z.string().max(300).nullable().optional(),
})
export type DeletePlanInput = z.infer<typeof deletePlanInputSchema>
