import {
  CARD_STATUSES,
  formatDecimal,
  formatNumber,
  formatVnd,
  type CardStatus,
  type Lang,
  type MonthChange,
  type MonthlySummary,
} from '@caitien/shared'
import { progressMessages } from './progress-messages'

/** The headline figures, in the order they are shown; each is also its `data-testid` suffix. */
export const FIGURE_KEYS = [
  'total',
  ...CARD_STATUSES,
  'share',
  'overdue',
  'verified-this-month',
  'budget',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

/** What a month's view carries that the figures need. */
export type FigureSummary = Pick<MonthlySummary, 'cards' | 'overdue' | 'moves' | 'byStatus'>

const isStatus = (key: FigureKey): key is CardStatus =>
  (CARD_STATUSES as readonly string[]).includes(key)

/** '1.10' after '1.9', and cards without a criterion last. */
export function compareCriteria(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  const [a1 = 0, a2 = 0] = a.split('.').map(Number)
  const [b1 = 0, b2 = 0] = b.split('.').map(Number)
  return a1 - b1 || a2 - b2 || a.localeCompare(b)
}

/**
 * The cards behind a figure, as ids in reading order (criterion, then id). The budget
 * figure lists every card with a budget, the verified ones first: those make the figure.
 */
export function cardsBehind(summary: FigureSummary, key: FigureKey): string[] {
  const byCriterion = (cards: FigureSummary['cards']) =>
    [...cards].sort((a, b) => compareCriteria(a.criterion, b.criterion) || a.id.localeCompare(b.id))
  const cardsOf = (ids: readonly string[]) => {
    const wanted = new Set(ids)
    return byCriterion(summary.cards.filter((c) => wanted.has(c.id))).map((c) => c.id)
  }
  switch (key) {
    case 'total':
      return byCriterion(summary.cards).map((c) => c.id)
    case 'share':
      return byCriterion(summary.cards.filter((c) => c.status === 'verified')).map((c) => c.id)
    case 'overdue':
      return cardsOf(summary.overdue)
    case 'verified-this-month':
      return cardsOf(summary.moves.verified)
    case 'budget': {
      const funded = byCriterion(summary.cards.filter((c) => (c.budgetAmount ?? 0) > 0))
      return [
        ...funded.filter((c) => c.status === 'verified'),
        ...funded.filter((c) => c.status !== 'verified'),
      ].map((c) => c.id)
    }
    default:
      if (isStatus(key)) {
        return byCriterion(summary.cards.filter((c) => c.status === key)).map((c) => c.id)
      }
      return []
  }
}

/**
 * A figure's change since last month: counts, points of percentage (share) or đồng
 * (budget); null when there is no month before to compare with.
 */
export function figureChange(
  key: FigureKey,
  summary: FigureSummary,
  change: MonthChange | null,
  previous: Pick<MonthlySummary, 'moves'> | null,
): number | null {
  switch (key) {
    case 'total':
      return change?.total ?? null
    case 'share':
      return change ? Math.round(change.shareVerified * 1000) / 10 : null
    case 'overdue':
      return change?.overdue ?? null
    case 'budget':
      return change?.budgetVerified ?? null
    case 'verified-this-month':
      return previous ? summary.moves.verified.length - previous.moves.verified.length : null
    default:
      return isStatus(key) && change ? change.byStatus[key] : null
  }
}

/** Whether a rise is good news (green), bad news (red) or neither (grey). */
export type Polarity = 'up-good' | 'up-bad' | 'neutral'

export function figurePolarity(key: FigureKey): Polarity {
  switch (key) {
    case 'verified':
    case 'share':
    case 'verified-this-month':
    case 'budget':
      return 'up-good'
    case 'overdue':
      return 'up-bad'
    case 'total':
    case 'planned':
    case 'in_progress':
    case 'evidence_submitted':
      return 'neutral'
  }
}

export interface ChangeText {
  arrow: '▲' | '▼' | ''
  /** Shown beside the arrow: "3", "4,5 điểm %", "2.000.000 đ". */
  amount: string
  /** Read by screen readers: "tăng 3 so với tháng trước". */
  spoken: string
  tone: 'good' | 'bad' | 'neutral' | 'flat'
}

/** A change as "▲ 3" with its colour and its spoken form. */
export function describeChange(
  delta: number,
  unit: 'count' | 'points' | 'vnd',
  polarity: Polarity,
  lang: Lang,
): ChangeText {
  const m = progressMessages[lang]
  const size = Math.abs(delta)
  const amount =
    unit === 'vnd'
      ? formatVnd(size)
      : unit === 'points'
        ? m.points({ n: formatDecimal(size, lang) })
        : formatNumber(size, lang)
  if (delta === 0) return { arrow: '', amount: '±0', spoken: m.changeNone, tone: 'flat' }
  const rising = delta > 0
  const tone =
    polarity === 'neutral'
      ? 'neutral'
      : rising === (polarity === 'up-good')
        ? ('good' as const)
        : ('bad' as const)
  return {
    arrow: rising ? '▲' : '▼',
    amount,
    spoken: rising ? m.changeUp({ amount }) : m.changeDown({ amount }),
    tone,
  }
}

export function figureUnit(key: FigureKey): 'count' | 'points' | 'vnd' {
  return key === 'share' ? 'points' : key === 'budget' ? 'vnd' : 'count'
}

/**
 * The months to offer, newest first, and the one to start on: the last month that has
 * ended when the school year has one, else the current month.
 */
export function monthChoices(
  yearMonths: readonly string[],
  currentMonth: string,
): { months: string[]; initial: string } {
  const months = yearMonths.filter((m) => m <= currentMonth)
  if (months.length === 0) months.push(currentMonth)
  months.sort((a, b) => b.localeCompare(a))
  const ended = months.find((m) => m < currentMonth)
  return { months, initial: ended ?? months[0] ?? currentMonth }
}

/** Criterion rows under their standard, in the summary's order. */
export function groupCriteria<
  S extends { standard: string },
  C extends { standard: string | null },
>(standards: readonly S[], criteria: readonly C[]): { standard: S; criteria: C[] }[] {
  return standards.map((s) => ({
    standard: s,
    criteria: criteria.filter((c) => (c.standard ?? '—') === s.standard),
  }))
}
