import type { CardStatus } from './workflow.ts'

/**
 * A plan's life after it is created (issue 12): archived plans are read-only, deleted
 * plans can be restored for a while, last year's unfinished actions carry over. The rules
 * are pure; the server enforces them and the web uses them to guide (docs/decisions/017).
 */

/** The states of a plan's row; a deleted plan keeps its state and gets a deletion time. */
export const PLAN_STATES = ['active', 'archived'] as const
export type PlanState = (typeof PLAN_STATES)[number]

/** How long a deleted plan can be restored by the principal before it is purged. */
export const PLAN_RESTORE_DAYS = 30
const DAY_MS = 86_400_000

/**
 * When a plan deleted at `deletedAt` is purged for good (UTC ISO).
 *
 * @example
 * planPurgeAt('2026-12-01T00:00:00.000Z') // → '2026-12-31T00:00:00.000Z'
 */
export function planPurgeAt(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + PLAN_RESTORE_DAYS * DAY_MS).toISOString()
}

/** May a plan deleted at `deletedAt` still be restored at `now`? */
export function isPlanRestorable(deletedAt: string, now: Date): boolean {
  return now.toISOString() < planPurgeAt(deletedAt)
}

/** Why a plan may not be deleted as asked; null when it may. */
export type PlanDeletionRefusal = 'confirmation_required' | 'confirmation_mismatch'

/** A typed name compared as a person would: Unicode composed, spaces collapsed, trimmed. */
function typedName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * May this plan be deleted with this confirmation? An empty plan (no live card) always; a
 * plan with cards only when its name is typed exactly (case and accents included).
 *
 * @example
 * planDeletionRefusal({ title: 'KH 2025', cardCount: 3 }, 'KH 2025') // → null
 * planDeletionRefusal({ title: 'KH 2025', cardCount: 3 }, undefined) // → 'confirmation_required'
 */
export function planDeletionRefusal(
  plan: { title: string; cardCount: number },
  confirmTitle: string | null | undefined,
): PlanDeletionRefusal | null {
  if (plan.cardCount === 0) return null
  if (!confirmTitle || !typedName(confirmTitle)) return 'confirmation_required'
  return typedName(confirmTitle) === typedName(plan.title) ? null : 'confirmation_mismatch'
}

/**
 * Is this action carried over into next year's plan? Every action not verified: finished
 * (verified) ones stay behind with last year's results.
 */
export function isCarriedOver(card: { status: CardStatus }): boolean {
  return card.status !== 'verified'
}

const SCHOOL_YEAR = /^(\d{4})\s*[-–]\s*(\d{4})$/

/** Whole years from one school year to another ('2025-2026' → '2026-2027' is 1); null if unreadable. */
export function yearsBetween(from: string, to: string): number | null {
  const a = SCHOOL_YEAR.exec(from.trim())
  const b = SCHOOL_YEAR.exec(to.trim())
  if (!a || !b) return null
  return Number(b[1]) - Number(a[1])
}

/**
 * A timeframe carried into a later school year: every "month/year" it names moves on by
 * `years`, the words around it stay ("Tháng 9/2025 đến tháng 5/2026" → "Tháng 9/2026 đến
 * tháng 5/2027"). Texts without a year ("Hằng năm") follow the plan's year by themselves.
 *
 * @example
 * shiftTimeframeYears('Tháng 3/2026', 1) // → 'Tháng 3/2027'
 */
export function shiftTimeframeYears(raw: string | null, years: number): string | null {
  if (raw === null || years === 0) return raw
  return raw.replace(/(\b\d{1,2}\s*[/.-]\s*)(\d{4})\b/g, (_, head: string, year: string) => {
    return `${head}${Number(year) + years}`
  })
}
