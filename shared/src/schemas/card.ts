import { z } from 'zod'
import { CARD_STATUSES } from '../workflow.ts'

const id = z.string().min(1).max(64)
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

/**
 * The longest text each plan field takes, in characters: the API refuses longer ones and
 * the web's forms stop there too. Standard and criterion are codes ("1", "1.5").
 */
export const CARD_FIELD_LIMITS = {
  standard: 2,
  standardName: 500,
  criterion: 5,
  criterionLabel: 1000,
  section: 100,
  weakness: 10_000,
  target: 10_000,
  tasks: 10_000,
  measures: 10_000,
  lead: 2_000,
  coordinators: 2_000,
  timeframe: 500,
  budget: 500,
  fundingSource: 1_000,
  support: 5_000,
  expectedEvidence: 10_000,
  notes: 5_000,
  improvementContent: 5_000,
  indicators: 5_000,
  completionLevel: 500,
} as const
const L = CARD_FIELD_LIMITS

/** What a standard and a criterion code look like (the forms check them the same way). */
export const STANDARD_CODE_RE = /^\d{1,2}$/
export const CRITERION_CODE_RE = /^\d{1,2}\.\d{1,2}$/

/** The plan fields of a card (DESIGN §2), as written in the plan. */
export const cardFieldsSchema = z.object({
  standard: z
    .string()
    .trim()
    .regex(STANDARD_CODE_RE, 'standard must be a number such as "1"')
    .nullable()
    .optional(),
  standardName: optionalText(L.standardName),
  criterion: z
    .string()
    .trim()
    .regex(CRITERION_CODE_RE, 'criterion must look like "1.5"')
    .nullable()
    .optional(),
  criterionLabel: optionalText(L.criterionLabel),
  section: optionalText(L.section),
  weakness: optionalText(L.weakness),
  target: optionalText(L.target),
  tasks: optionalText(L.tasks),
  measures: optionalText(L.measures),
  lead: optionalText(L.lead),
  coordinators: optionalText(L.coordinators),
  timeframe: optionalText(L.timeframe),
  budget: optionalText(L.budget),
  fundingSource: optionalText(L.fundingSource),
  support: optionalText(L.support),
  expectedEvidence: optionalText(L.expectedEvidence),
  notes: optionalText(L.notes),
  // Biểu 2 (TT57/2026): Nội dung cải tiến (2), Chỉ số đánh giá kết quả (5), and Mức độ thực
  // hiện (10) as the plan writes it (a text: schools word it their own way).
  improvementContent: optionalText(L.improvementContent),
  indicators: optionalText(L.indicators),
  completionLevel: optionalText(L.completionLevel),
} satisfies Record<keyof typeof CARD_FIELD_LIMITS, z.ZodType>)
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

/** The priority problem (Biểu 2's table IV) a card works on, chosen by hand; null: none. */
export const setCardProblemInputSchema = z.object({ problemId: id.nullable() })
export type SetCardProblemInput = z.infer<typeof setCardProblemInputSchema>

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
