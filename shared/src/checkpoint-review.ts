import { COMPLETION_LEVELS, type CompletionLevel } from './completion-level.ts'
import type { CouncilKind } from './council.ts'
import type { Checkpoint } from './forms/tt57-bieu-2.ts'
import type { Month } from './month.ts'
import type { CardStatus } from './workflow.ts'

/**
 * Checkpoint reviews (Biểu 2, table VI "Theo dõi và đánh giá thực hiện"): at the end of
 * semester I and at the end of the school year the plan's body reviews every row and writes
 * its Mức độ thực hiện. The rules of a review live here; the server keeps the record and the
 * web shows it, neither decides a level or a refusal by itself.
 */

/**
 * A row's Mức độ thực hiện as the board says at the checkpoint: the one rule that prefills a
 * review (the council may then choose another level, with a reason).
 *
 * - verified → done (Hoàn thành): the monitoring team accepted its evidence;
 * - evidence submitted, not yet verified → inProgress: the work is handed in and waits for the
 *   team's check; calling it "not done" would blame the assignee for the reviewer's queue;
 * - otherwise, due by the checkpoint (due month at or before it) → notDone (Chưa hoàn thành):
 *   its time is up and it is not finished, started or not;
 * - otherwise (due later) → inProgress: the action is still within its timeframe, started or
 *   not yet started.
 *
 * A row with no due month is due by the end of the school year (as "Hằng năm" is).
 *
 * @example
 * deriveCompletionLevel({ status: 'in_progress', dueMonth: '2027-03' }, { checkpointMonth: '2027-01', yearEndMonth: '2027-05' }) // → 'inProgress'
 * deriveCompletionLevel({ status: 'planned', dueMonth: '2026-12' }, { checkpointMonth: '2027-01', yearEndMonth: '2027-05' }) // → 'notDone'
 */
export function deriveCompletionLevel(
  card: { status: CardStatus; dueMonth: string | null },
  at: { checkpointMonth: Month; yearEndMonth: Month },
): CompletionLevel {
  if (card.status === 'verified') return 'done'
  if (card.status === 'evidence_submitted') return 'inProgress'
  const due = card.dueMonth ?? at.yearEndMonth
  return due <= at.checkpointMonth ? 'notDone' : 'inProgress'
}

/** How many rows have each level. */
export type LevelCounts = Record<CompletionLevel, number>

/** Counts per level, every level present (0 when none). */
export function countLevels(rows: Iterable<{ level: CompletionLevel }>): LevelCounts {
  const counts = Object.fromEntries(COMPLETION_LEVELS.map((l) => [l, 0])) as LevelCounts
  for (const row of rows) counts[row.level]++
  return counts
}

/** Where a review's statuses were read from: the log at the checkpoint's end, or the board. */
export const CHECKPOINT_SOURCES = ['log', 'board'] as const
export type CheckpointSource = (typeof CHECKPOINT_SOURCES)[number]

/**
 * Which state prefills a review opened now: once the checkpoint's month has ended, the cards as
 * they stood at its end, rebuilt from the activity log (the same rebuild as the monthly
 * figures, so a review opened late reads what the board said then); before that (opened during
 * the month, or early), the board as it is.
 *
 * @example
 * checkpointSource('2027-01', '2027-02') // → 'log'
 * checkpointSource('2027-01', '2027-01') // → 'board'
 */
export function checkpointSource(checkpointMonth: Month, currentMonth: Month): CheckpointSource {
  return currentMonth > checkpointMonth ? 'log' : 'board'
}

/** Why a review cannot be opened now. */
export type CheckpointOpenRefusal = 'already_open' | 'too_early'

/**
 * May the review be opened now? Once, from the checkpoint's month on; earlier only when the
 * person confirms it (a school may meet in late December for its semester review: the record
 * then reads the board of that day, and says so).
 *
 * @example
 * checkpointOpenRefusal({ exists: false, checkpointMonth: '2027-01', currentMonth: '2026-12', confirmEarly: false }) // → 'too_early'
 */
export function checkpointOpenRefusal(input: {
  exists: boolean
  checkpointMonth: Month
  currentMonth: Month
  confirmEarly: boolean
}): CheckpointOpenRefusal | null {
  if (input.exists) return 'already_open'
  if (input.currentMonth < input.checkpointMonth && !input.confirmEarly) return 'too_early'
  return null
}

/** Why a review cannot be changed as asked. */
export type CheckpointChangeRefusal = 'signed' | 'not_signed' | 'reason_required'

/**
 * May a review's rows and fields be edited? Not once it is signed: it must be reopened (with a
 * reason) first.
 */
export function checkpointEditRefusal(review: {
  signedAt: string | null
}): CheckpointChangeRefusal | null {
  return review.signedAt ? 'signed' : null
}

/**
 * May a row's level be set? Only on an unsigned review, and only with a reason: the reason is
 * what the next self-assessment reads when the level differs from the board.
 *
 * @example
 * levelChangeRefusal({ signedAt: null }, '  ') // → 'reason_required'
 */
export function levelChangeRefusal(
  review: { signedAt: string | null },
  reason: string | null | undefined,
): CheckpointChangeRefusal | null {
  return checkpointEditRefusal(review) ?? (reason?.trim() ? null : 'reason_required')
}

/** May a signed review be reopened? Only a signed one, and only with a reason. */
export function reopenRefusal(
  review: { signedAt: string | null },
  reason: string | null | undefined,
): CheckpointChangeRefusal | null {
  if (!review.signedAt) return 'not_signed'
  return reason?.trim() ? null : 'reason_required'
}

/** The four texts of table VI a review holds (Thời điểm is the checkpoint itself). */
export const CHECKPOINT_TEXT_FIELDS = ['monitored', 'result', 'adjustment', 'assessor'] as const
export type CheckpointTextField = (typeof CHECKPOINT_TEXT_FIELDS)[number]

/** One row of a review: a card as the board had it, the derived level and the chosen one. */
export interface CheckpointReviewRow {
  cardId: string
  /** Order of the rows: the board's order at opening. */
  position: number
  standard: string | null
  criterion: string | null
  /** What the row is about when the review was opened: the card's name in full (cardNameText, its action first). */
  title: string
  /** Its column at the checkpoint, and its due month then. */
  statusAt: CardStatus
  dueMonth: string | null
  /** deriveCompletionLevel of the above. */
  derivedLevel: CompletionLevel
  /** The level the review records: the derived one until someone chooses another. */
  level: CompletionLevel
  /** Why the level was chosen (required to change it); null while it is the derived one. */
  reason: string | null
  changedBy: { id: string; name: string } | null
  changedAt: string | null
}

/** What the review log records, in order. */
export const CHECKPOINT_EVENT_ACTIONS = [
  'opened',
  'level_changed',
  'fields_changed',
  'signed',
  'reopened',
] as const
export type CheckpointEventAction = (typeof CHECKPOINT_EVENT_ACTIONS)[number]

/** The detail of each logged action. */
export type CheckpointEventDetails = {
  opened: { source: CheckpointSource; rows: number; early: boolean }
  level_changed: { cardId: string; before: CompletionLevel; after: CompletionLevel }
  fields_changed: {
    changes: { field: CheckpointTextField; before: string; after: string }[]
  }
  signed: { counts: LevelCounts }
  reopened: null
}

/** One entry of a review's log, read back. */
export type CheckpointEvent = {
  [A in CheckpointEventAction]: {
    id: string
    action: A
    detail: CheckpointEventDetails[A]
    reason: string | null
    actor: { id: string; name: string } | null
    at: string
  }
}[CheckpointEventAction]

/**
 * A checkpoint review as the API answers it: table VI's row for the checkpoint, the rows of
 * table V with their Mức độ thực hiện, who signed, and the log. What the review report and the
 * Biểu 2 export render.
 */
export interface CheckpointReview {
  id: string
  planId: string
  checkpoint: Checkpoint
  /** The month it looks at (school-calendar.ts checkpointMonth). */
  month: Month
  source: CheckpointSource
  openedAt: string
  openedBy: { id: string; name: string } | null
  monitored: string
  result: string
  adjustment: string
  assessor: string
  signedAt: string | null
  signedBy: { id: string; name: string } | null
  rows: CheckpointReviewRow[]
  counts: LevelCounts
  /** The plan's body when the review was read: its name heads the screens. */
  councilKind: CouncilKind
  log: CheckpointEvent[]
}

/** A checkpoint in the plan's list: its month, and its review's state if it has one. */
export interface CheckpointSummary {
  checkpoint: Checkpoint
  month: Month
  state: 'not_opened' | 'open' | 'signed'
  /** May it be opened now without confirming an early opening? */
  due: boolean
  counts: LevelCounts | null
  signedAt: string | null
  signedBy: { id: string; name: string } | null
}
