import { z } from 'zod'
import type { CompletionLevel } from './completion-level.ts'
import { loginSchema, SCHOOL_LEVELS } from './schemas/people.ts'
import type { Checkpoint } from './forms/tt57-bieu-2.ts'
import type { CardStatus } from './workflow.ts'

/**
 * Overseeing bodies and what they see (DESIGN §8, docs/decisions/029). A body is a commune's
 * (ward's) Phòng Văn hóa - Xã hội or a province's Sở Giáo dục và Đào tạo; it oversees schools
 * (a school may sit under both) and reads them; it changes nothing of a school's plan.
 */
export const BODY_KINDS = ['commune_office', 'provincial_department'] as const
export type BodyKind = (typeof BODY_KINDS)[number]

export function isBodyKind(value: unknown): value is BodyKind {
  return typeof value === 'string' && (BODY_KINDS as readonly string[]).includes(value)
}

/** What an overseer looked at of a school's evidence: a plan's list, or one file. */
export const EVIDENCE_VIEW_KINDS = ['list', 'file'] as const
export type EvidenceViewKind = (typeof EVIDENCE_VIEW_KINDS)[number]

/** A body's answer to a signed-off checkpoint review. */
export const REVIEW_VERDICTS = ['acknowledged', 'sent_back'] as const
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number]

/** A checkpoint review as an overseer sees it on one school's row. */
export interface RollupReview {
  state: 'none' | 'open' | 'signed'
  reviewId: string | null
  openedAt: string | null
  signedAt: string | null
  /** This body's answer to the current signing; null while it waits (or nothing is signed). */
  answer: { verdict: ReviewVerdict; reason: string | null; at: string } | null
}

/** One school of a body's roll-up: its current plan's figures (null when it has none). */
export interface RollupRow {
  schoolId: string
  schoolName: string
  level: string
  plan: {
    id: string
    title: string
    schoolYear: string
    frameworkId: string
    /** A TT57 plan: rows carry a Mức độ thực hiện at its reviews. */
    tt57: boolean
  } | null
  total: number
  byStatus: Record<CardStatus, number>
  /** The latest review's chosen levels (TT57 plans with a review); null otherwise. */
  byLevel: Record<CompletionLevel, number> | null
  overdue: number
  reviews: Record<Checkpoint, RollupReview>
  /** Rows naming an expected product or evidence, and those of them verified. */
  evidence: { expected: number; verified: number }
  /** Mandatory criteria of the framework that still have a row not verified. */
  mandatoryOpen: number
  /** Consecutive school years with a plan, ending with the current plan's year. */
  continuousYears: number
  attention: AttentionReason[]
}

/**
 * Why a school "needs attention" in its body's roll-up (not a ranking: a list of reasons).
 *
 * - `overdue_rows`: a row's due month has passed and it is not verified (month.ts isOverdue);
 * - `review_awaiting_answer`: the school signed off a checkpoint review and this body has not
 *   answered it yet (acknowledged or sent back);
 * - `review_sent_back`: this body sent the current signing back and the school has not
 *   signed again since;
 * - `no_plan`: the school has no live plan for the current school year.
 */
export const ATTENTION_REASONS = [
  'overdue_rows',
  'review_awaiting_answer',
  'review_sent_back',
  'no_plan',
] as const
export type AttentionReason = (typeof ATTENTION_REASONS)[number]

/**
 * The reasons a school needs its body's attention, in ATTENTION_REASONS order.
 *
 * @example
 * attentionReasons({ overdue: 2, plan: { schoolYear: '2026-2027' }, reviews: [] }, '2026-2027') // → ['overdue_rows']
 */
export function attentionReasons(
  row: {
    overdue: number
    plan: { schoolYear: string } | null
    reviews: readonly Pick<RollupReview, 'state' | 'answer'>[]
  },
  currentSchoolYear: string,
): AttentionReason[] {
  const reasons: AttentionReason[] = []
  if (row.overdue > 0) reasons.push('overdue_rows')
  if (row.reviews.some((r) => r.state === 'signed' && r.answer === null)) {
    reasons.push('review_awaiting_answer')
  }
  if (row.reviews.some((r) => r.state === 'signed' && r.answer?.verdict === 'sent_back')) {
    reasons.push('review_sent_back')
  }
  if (!row.plan || row.plan.schoolYear !== currentSchoolYear) reasons.push('no_plan')
  return reasons
}

/**
 * Consecutive school years with a plan, counted back from the latest one ('2024-2025',
 * '2025-2026', '2026-2027' → 3; a gap stops the count).
 */
export function continuousYears(schoolYears: readonly string[]): number {
  const starts = new Set(schoolYears.map((y) => Number(y.slice(0, 4))))
  if (starts.size === 0) return 0
  let year = Math.max(...starts)
  let n = 0
  while (starts.has(year)) {
    n += 1
    year -= 1
  }
  return n
}

/** The roll-up's filters (query string). Rows are always sorted by school name. */
export const rollupQuerySchema = z.object({
  level: z.enum(SCHOOL_LEVELS).optional(),
  framework: z.string().min(1).max(64).optional(),
  attention: z.enum(['1']).optional(),
})
export type RollupQuery = z.infer<typeof rollupQuerySchema>

/** Does a row pass the filters? */
export function rollupRowMatches(row: RollupRow, query: RollupQuery): boolean {
  if (query.level && row.level !== query.level) return false
  if (query.framework && row.plan?.frameworkId !== query.framework) return false
  if (query.attention && row.attention.length === 0) return false
  return true
}

export const createBodyInputSchema = z.object({
  kind: z.enum(BODY_KINDS),
  name: z.string().trim().min(1).max(300),
})
export type CreateBodyInput = z.infer<typeof createBodyInputSchema>

/** The schools a body oversees, as a whole list (replaces the previous one). */
export const bodySchoolsInputSchema = z.object({
  schoolIds: z.array(z.string().min(1).max(64)).max(5_000),
})

export const createOverseerInputSchema = z.object({
  login: loginSchema,
  displayName: z.string().trim().min(1).max(200),
  isLead: z.boolean().default(false),
})
export type CreateOverseerInput = z.infer<typeof createOverseerInputSchema>

export const reviewAnswerInputSchema = z.object({
  verdict: z.enum(REVIEW_VERDICTS),
  reason: z.string().max(2_000).optional(),
})
export type ReviewAnswerInput = z.infer<typeof reviewAnswerInputSchema>

/** Why a body's answer to a review is refused; null when it may be given. */
export type ReviewAnswerRefusal = 'not_signed' | 'reason_required' | 'already_answered'

/**
 * May this body answer this review now? Only a signed-off review, once per signing; a
 * send-back says why.
 *
 * @example
 * reviewAnswerRefusal({ signedAt: null }, { verdict: 'acknowledged' }, false) // → 'not_signed'
 */
export function reviewAnswerRefusal(
  review: { signedAt: string | null },
  input: { verdict: ReviewVerdict; reason?: string | undefined },
  answered: boolean,
): ReviewAnswerRefusal | null {
  if (!review.signedAt) return 'not_signed'
  if (answered) return 'already_answered'
  if (input.verdict === 'sent_back' && !input.reason?.trim()) return 'reason_required'
  return null
}

const paramId = z.string().min(1).max(64)
export const bodyIdParamSchema = z.object({ bodyId: paramId })
export const bodyReviewParamSchema = z.object({ bodyId: paramId, reviewId: paramId })
