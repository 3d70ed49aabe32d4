import { z } from 'zod'
import { CARD_STATUSES } from '../workflow.ts'

const id = z.string().min(1).max(64)
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

/** The plan fields of a card (DESIGN §2), as written in the plan. */
export const cardFieldsSchema = z.object({
  standard: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'standard must be a number such as "1"')
    .nullable()
    .optional(),
  standardName: optionalText(500),
  criterion: z
    .string()
    .trim()
    .regex(/^\d{1,2}\.\d{1,2}$/, 'criterion must look like "1.5"')
    .nullable()
    .optional(),
  criterionLabel: optionalText(1000),
  section: optionalText(100),
  weakness: optionalText(10_000),
  target: optionalText(10_000),
  tasks: optionalText(10_000),
  measures: optionalText(10_000),
  lead: optionalText(2_000),
  coordinators: optionalText(2_000),
  timeframe: optionalText(500),
  budget: optionalText(500),
  fundingSource: optionalText(1_000),
  support: optionalText(5_000),
  expectedEvidence: optionalText(10_000),
  notes: optionalText(5_000),
})
export type CardFields = z.infer<typeof cardFieldsSchema>

export const createCardInputSchema = cardFieldsSchema.extend({
  assigneeIds: z.array(id).max(50).optional(),
})
export type CreateCardInput = z.infer<typeof createCardInputSchema>

/** An edit names the version it was made against, so concurrent edits are caught. */
export const updateCardInputSchema = cardFieldsSchema.extend({ version: z.int().min(1) })
export type UpdateCardInput = z.infer<typeof updateCardInputSchema>

export const versionInputSchema = z.object({ version: z.int().min(1) })

export const setAssigneesInputSchema = z.object({
  version: z.int().min(1),
  assigneeIds: z.array(id).max(50),
})
export type SetAssigneesInput = z.infer<typeof setAssigneesInputSchema>

/** Where a card lands in its column: before this card, or at the end when null. */
const placement = { beforeCardId: id.nullable().optional() }

/** A move is a command (STYLE B1.3), carrying the version the mover saw. */
export const moveCardInputSchema = z.object({
  to: z.enum(CARD_STATUSES),
  version: z.int().min(1),
  reason: z.string().trim().max(2_000).nullable().optional(),
  ...placement,
})
export type MoveCardInput = z.infer<typeof moveCardInputSchema>

export const reorderCardInputSchema = z.object({ version: z.int().min(1), ...placement })
export type ReorderCardInput = z.infer<typeof reorderCardInputSchema>

export const cardIdParamSchema = z.object({ cardId: id })
export const planIdParamSchema = z.object({ planId: id })
