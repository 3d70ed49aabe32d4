import type { ActivityDetail, LoggedActivity } from './activity.ts'
import { addMonths, type Month } from './month.ts'
import { CARD_STATUSES, type CardStatus, type MoveKind } from './workflow.ts'

/** A card as a monthly figure sees it: its state at the end of the month. */
export interface SnapshotCard {
  id: string
  status: CardStatus
  assigneeIds: string[]
  dueMonth: string | null
  standard: string | null
  criterion: string | null
  budgetAmount: number | null
}

/** The cards that made each kind of move during the month (each card once per kind). */
export interface MonthMoves {
  started: string[]
  submitted: string[]
  sentBack: string[]
  verified: string[]
}

/** The moves a month's figures count, each under the figure it counts in. */
export const COUNTED_MOVES = {
  start: 'started',
  submit: 'submitted',
  send_back: 'sentBack',
  verify: 'verified',
} as const satisfies Partial<Record<MoveKind, keyof MonthMoves>>
export type CountedMove = keyof typeof COUNTED_MOVES

/** The cards that made each counted move, from the month's logged moves. */
export function monthMoves(moves: Iterable<{ cardId: string; action: CountedMove }>): MonthMoves {
  const result: MonthMoves = { started: [], submitted: [], sentBack: [], verified: [] }
  for (const m of moves) result[COUNTED_MOVES[m.action]].push(m.cardId)
  return result
}

/**
 * The cards as the activity log leaves them, its entries applied in order: created (with
 * the figures' fields and assignees), edited, assigned, moved, deleted, restored (as it
 * stood when it came back). What a month's
 * figures are rebuilt from when no snapshot was taken, and what checks a stored one.
 */
export function replayActivity(
  entries: Iterable<LoggedActivity<{ cardId: string; toStatus: CardStatus | null }>>,
): SnapshotCard[] {
  const cards = new Map<string, SnapshotCard>()
  for (const entry of entries) {
    const id = entry.cardId
    const card = cards.get(id)
    switch (entry.action) {
      case 'created': {
        // The oldest entries (before monthly figures were logged) carry no state.
        const s: Partial<ActivityDetail<'created'>['state']> = entry.detail?.state ?? {}
        cards.set(id, {
          id,
          status: 'planned',
          assigneeIds: [...(s.assigneeIds ?? [])],
          dueMonth: s.dueMonth ?? null,
          standard: s.standard ?? null,
          criterion: s.criterion ?? null,
          budgetAmount: s.budgetAmount ?? null,
        })
        break
      }
      case 'edited': {
        const s = entry.detail?.state
        if (card && s) {
          card.dueMonth = s.dueMonth
          card.standard = s.standard
          card.criterion = s.criterion
          card.budgetAmount = s.budgetAmount
        }
        break
      }
      case 'assigned':
        if (card) card.assigneeIds = [...entry.detail.after]
        break
      case 'deleted':
        cards.delete(id)
        break
      case 'restored': {
        const s = entry.detail.state
        cards.set(id, {
          id,
          status: entry.toStatus ?? 'planned',
          assigneeIds: [...s.assigneeIds],
          dueMonth: s.dueMonth,
          standard: s.standard,
          criterion: s.criterion,
          budgetAmount: s.budgetAmount,
        })
        break
      }
      case 'carried_over':
        break
      default:
        if (card && entry.toStatus) card.status = entry.toStatus
    }
  }
  return [...cards.values()]
}

type StatusCounts = Record<CardStatus, number>

export interface MonthlySummary {
  month: string
  cards: (SnapshotCard & { overdue: boolean })[]
  total: number
  byStatus: StatusCounts
  byStandard: { standard: string; total: number; byStatus: StatusCounts }[]
  byCriterion: {
    criterion: string
    standard: string | null
    total: number
    byStatus: StatusCounts
  }[]
  byAssignee: { userId: string; total: number; byStatus: StatusCounts }[]
  moves: MonthMoves
  overdue: string[]
  /** Verified cards over all cards, 0 to 1 (0 for an empty plan). */
  shareVerified: number
  budget: { verified: number; total: number }
}

const emptyCounts = (): StatusCounts =>
  Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as StatusCounts

/**
 * Overdue at the end of `month`: due that month or before and still not verified.
 * (During a month, a card due that month is not yet late: see isOverdue.)
 */
export function isOverdueAtEndOf(
  card: Pick<SnapshotCard, 'dueMonth' | 'status'>,
  month: string,
): boolean {
  return card.dueMonth !== null && card.status !== 'verified' && card.dueMonth <= month
}

const byNumber = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number)
  const [b1, b2] = b.split('.').map(Number)
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0)
}

/**
 * A month's figures from the cards as they stood at its end and the moves made during it.
 * Pure: the snapshot taken at month end, the reconstruction from the activity log and the
 * tests all go through this one function, so only their inputs can disagree.
 *
 * @example
 * summarizeMonth('2026-10', [{ id: 'a', status: 'verified', assigneeIds: [], dueMonth: '2026-10',
 *   standard: '1', criterion: '1.1', budgetAmount: 5_000_000 }], { started: [], submitted: [],
 *   sentBack: [], verified: ['a'] }).shareVerified // → 1
 */
export function summarizeMonth(
  month: string,
  cards: SnapshotCard[],
  moves: MonthMoves,
): MonthlySummary {
  const sorted = [...cards].sort((a, b) => a.id.localeCompare(b.id))
  const byStatus = emptyCounts()
  const standards = new Map<string, { standard: string; total: number; byStatus: StatusCounts }>()
  const criteria = new Map<
    string,
    { criterion: string; standard: string | null; total: number; byStatus: StatusCounts }
  >()
  const assignees = new Map<string, { userId: string; total: number; byStatus: StatusCounts }>()
  let budgetTotal = 0
  let budgetVerified = 0
  for (const card of sorted) {
    byStatus[card.status]++
    const standard = card.standard ?? '—'
    const s = standards.get(standard) ?? { standard, total: 0, byStatus: emptyCounts() }
    s.total++
    s.byStatus[card.status]++
    standards.set(standard, s)
    const criterion = card.criterion ?? '—'
    const c = criteria.get(criterion) ?? {
      criterion,
      standard: card.standard,
      total: 0,
      byStatus: emptyCounts(),
    }
    c.total++
    c.byStatus[card.status]++
    criteria.set(criterion, c)
    for (const userId of [...new Set(card.assigneeIds)].sort()) {
      const a = assignees.get(userId) ?? { userId, total: 0, byStatus: emptyCounts() }
      a.total++
      a.byStatus[card.status]++
      assignees.set(userId, a)
    }
    budgetTotal += card.budgetAmount ?? 0
    if (card.status === 'verified') budgetVerified += card.budgetAmount ?? 0
  }
  const withOverdue = sorted.map((c) => ({
    ...c,
    assigneeIds: [...new Set(c.assigneeIds)].sort(),
    overdue: isOverdueAtEndOf(c, month),
  }))
  const unique = (ids: string[]) => [...new Set(ids)].sort()
  return {
    month,
    cards: withOverdue,
    total: sorted.length,
    byStatus,
    byStandard: [...standards.values()].sort((a, b) => byNumber(a.standard, b.standard)),
    byCriterion: [...criteria.values()].sort((a, b) => byNumber(a.criterion, b.criterion)),
    byAssignee: [...assignees.values()].sort((a, b) => a.userId.localeCompare(b.userId)),
    moves: {
      started: unique(moves.started),
      submitted: unique(moves.submitted),
      sentBack: unique(moves.sentBack),
      verified: unique(moves.verified),
    },
    overdue: withOverdue.filter((c) => c.overdue).map((c) => c.id),
    shareVerified: sorted.length
      ? Math.round((byStatus.verified / sorted.length) * 10_000) / 10_000
      : 0,
    budget: { verified: budgetVerified, total: budgetTotal },
  }
}

/** The headline figures' change since the month before. */
export interface MonthChange {
  total: number
  byStatus: StatusCounts
  overdue: number
  /** In share (0.1 is ten points of percentage). */
  shareVerified: number
  budgetVerified: number
}

/** The headline figures' change since the month before (null when there is none). */
export function changeSince(
  current: MonthlySummary,
  previous: MonthlySummary | null,
): MonthChange | null {
  if (!previous) return null
  const byStatus = emptyCounts()
  for (const s of CARD_STATUSES) byStatus[s] = current.byStatus[s] - previous.byStatus[s]
  return {
    total: current.total - previous.total,
    byStatus,
    overdue: current.overdue.length - previous.overdue.length,
    shareVerified: Math.round((current.shareVerified - previous.shareVerified) * 10_000) / 10_000,
    budgetVerified: current.budget.verified - previous.budget.verified,
  }
}

/** Where two summaries of one month differ (empty when they agree): the consistency check. */
export function diffSummaries(a: MonthlySummary, b: MonthlySummary): string[] {
  const diffs: string[] = []
  const walk = (x: unknown, y: unknown, path: string) => {
    if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y)) {
      diffs.push(path)
      return
    }
    if (x && typeof x === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y as object)])
      for (const k of keys)
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`)
      return
    }
    if (x !== y) diffs.push(path)
  }
  walk(a, b, a.month)
  return diffs
}

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const SCHOOL_OFFSET = '+07:00'

/** The first instant of a month in school time, as a UTC ISO string. */
export function monthStartInstant(month: string): string {
  return new Date(`${month}-01T00:00:00${SCHOOL_OFFSET}`).toISOString()
}

/** The first instant after a month ends, in school time, as a UTC ISO string. */
export function monthEndInstant(month: string): string {
  return monthStartInstant(addMonths(month as Month, 1))
}
