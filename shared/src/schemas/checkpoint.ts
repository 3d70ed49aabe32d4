import { z } from 'zod'
import { COMPLETION_LEVELS } from '../completion-level.ts'
import { COUNCIL_KINDS, COUNCIL_TITLES } from '../council.ts'
import { CHECKPOINTS } from '../forms/tt57-bieu-2.ts'
import { planIdParamSchema } from './card.ts'

const id = z.string().min(1).max(64)

/** `/api/plans/:planId/checkpoints/:checkpoint`. */
export const checkpointParamSchema = planIdParamSchema.extend({ checkpoint: z.enum(CHECKPOINTS) })

/** `/api/plans/:planId/checkpoints/:checkpoint/rows/:cardId`. */
export const checkpointRowParamSchema = checkpointParamSchema.extend({ cardId: id })

/** Opening a review before its month needs `confirmEarly` (checkpointOpenRefusal). */
export const openCheckpointInputSchema = z.object({ confirmEarly: z.boolean().optional() })
export type OpenCheckpointInput = z.infer<typeof openCheckpointInputSchema>

const tableText = z.string().max(5_000)

/** Table VI's texts of a review: any of them, at least one. */
export const updateCheckpointInputSchema = z
  .object({
    monitored: tableText.optional(),
    result: tableText.optional(),
    adjustment: tableText.optional(),
    assessor: z.string().max(500).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'name at least one field')
export type UpdateCheckpointInput = z.infer<typeof updateCheckpointInputSchema>

/**
 * A row's chosen level. The reason is required (levelChangeRefusal), and checked by the rule,
 * not here, so that its absence is answered in the user's words.
 */
export const setRowLevelInputSchema = z.object({
  level: z.enum(COMPLETION_LEVELS),
  reason: z.string().max(2_000).optional(),
})
export type SetRowLevelInput = z.infer<typeof setRowLevelInputSchema>

/** Reopening a signed review: the reason is required (reopenRefusal). */
export const reopenCheckpointInputSchema = z.object({ reason: z.string().max(2_000).optional() })
export type ReopenCheckpointInput = z.infer<typeof reopenCheckpointInputSchema>

/** A plan's monitoring body: its kind and its members, each once, at most 60. */
export const councilInputSchema = z.object({
  kind: z.enum(COUNCIL_KINDS),
  members: z
    .array(z.object({ userId: id, title: z.enum(COUNCIL_TITLES) }))
    .max(60)
    .refine(
      (ms) => new Set(ms.map((m) => m.userId)).size === ms.length,
      'each person at most once',
    ),
})
export type CouncilInput = z.infer<typeof councilInputSchema>
