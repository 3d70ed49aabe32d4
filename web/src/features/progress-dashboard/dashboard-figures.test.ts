import type { CardStatus, MonthChange } from '@caitien/shared'
import { describe, expect, it } from 'vitest'
import {
  cardsBehind,
  compareCriteria,
  describeChange,
  figureChange,
  figurePolarity,
  groupCriteria,
  monthChoices,
  type FigureSummary,
} from './dashboard-figures'

const card = (
  id: string,
  status: CardStatus,
  extra: { criterion?: string | null; budgetAmount?: number | null } = {},
) => ({
  id,
  status,
  assigneeIds: [],
  dueMonth: null,
  standard: '1',
  criterion: extra.criterion === undefined ? '1.1' : extra.criterion,
  budgetAmount: extra.budgetAmount ?? null,
  overdue: false,
})

const summary: FigureSummary = {
  cards: [
    card('a', 'verified', { criterion: '1.10', budgetAmount: 3_000_000 }),
    card('b', 'planned', { criterion: '1.2' }),
    card('c', 'in_progress', { criterion: '1.9', budgetAmount: 1_000_000 }),
    card('d', 'verified', { criterion: null }),
    card('e', 'evidence_submitted', { criterion: '2.1', budgetAmount: 0 }),
  ],
  byStatus: { planned: 1, in_progress: 1, evidence_submitted: 1, verified: 2 },
  overdue: ['c', 'b'],
  moves: { started: ['c'], submitted: ['e'], sentBack: [], verified: ['d', 'a'] },
}

describe('cards behind a figure', () => {
  it('lists every card for the total, by criterion with 1.10 after 1.9 and none last', () => {
    expect(cardsBehind(summary, 'total')).toEqual(['b', 'c', 'a', 'e', 'd'])
  })

  it('lists the cards in a status for its count', () => {
    expect(cardsBehind(summary, 'verified')).toEqual(['a', 'd'])
    expect(cardsBehind(summary, 'planned')).toEqual(['b'])
    expect(cardsBehind(summary, 'evidence_submitted')).toEqual(['e'])
  })

  it('lists the verified cards behind the share verified', () => {
    expect(cardsBehind(summary, 'share')).toEqual(['a', 'd'])
  })

  it('lists the overdue cards and the cards verified during the month', () => {
    expect(cardsBehind(summary, 'overdue')).toEqual(['b', 'c'])
    expect(cardsBehind(summary, 'verified-this-month')).toEqual(['a', 'd'])
  })

  it('lists the cards with a budget for the budget, verified ones first', () => {
    expect(cardsBehind(summary, 'budget')).toEqual(['a', 'c'])
  })

  it('ignores ids the month does not know', () => {
    expect(cardsBehind({ ...summary, overdue: ['zz', 'b'] }, 'overdue')).toEqual(['b'])
  })
})

describe('figure change', () => {
  const change: MonthChange = {
    total: 2,
    byStatus: { planned: -1, in_progress: 0, evidence_submitted: 1, verified: 2 },
    overdue: 1,
    shareVerified: 0.0457,
    budgetVerified: 3_000_000,
  }
  const previous = { moves: { started: [], submitted: [], sentBack: [], verified: ['x'] } }

  it('reads each figure from the server’s change', () => {
    expect(figureChange('total', summary, change, previous)).toBe(2)
    expect(figureChange('planned', summary, change, previous)).toBe(-1)
    expect(figureChange('verified', summary, change, previous)).toBe(2)
    expect(figureChange('overdue', summary, change, previous)).toBe(1)
    expect(figureChange('budget', summary, change, previous)).toBe(3_000_000)
  })

  it('gives the share verified in points of percentage', () => {
    expect(figureChange('share', summary, change, previous)).toBe(4.6)
  })

  it('compares the cards verified during the month with the month before', () => {
    expect(figureChange('verified-this-month', summary, change, previous)).toBe(1)
  })

  it('has no change without a month before', () => {
    expect(figureChange('total', summary, null, null)).toBeNull()
    expect(figureChange('verified-this-month', summary, null, null)).toBeNull()
  })
})

describe('describing a change', () => {
  it('shows a rise of good news in green with an up arrow', () => {
    expect(describeChange(3, 'count', figurePolarity('verified'), 'vi')).toEqual({
      arrow: '▲',
      amount: '3',
      spoken: 'tăng 3 so với tháng trước',
      tone: 'good',
    })
  })

  it('shows a rise in overdue actions as bad news', () => {
    expect(describeChange(2, 'count', figurePolarity('overdue'), 'en')).toMatchObject({
      arrow: '▲',
      tone: 'bad',
      spoken: 'up 2 since last month',
    })
    expect(describeChange(-2, 'count', figurePolarity('overdue'), 'en').tone).toBe('good')
  })

  it('keeps counts that are neither good nor bad grey', () => {
    expect(describeChange(-4, 'count', figurePolarity('planned'), 'vi')).toMatchObject({
      arrow: '▼',
      amount: '4',
      tone: 'neutral',
    })
  })

  it('says when nothing changed', () => {
    expect(describeChange(0, 'count', 'up-good', 'vi')).toMatchObject({
      arrow: '',
      amount: '±0',
      tone: 'flat',
      spoken: 'không đổi so với tháng trước',
    })
  })

  it('formats points and đồng the Vietnamese way', () => {
    expect(describeChange(4.5, 'points', 'up-good', 'vi').amount).toBe('4,5 điểm %')
    expect(describeChange(4.5, 'points', 'up-good', 'en').amount).toBe('4.5 pts')
    expect(describeChange(-2_000_000, 'vnd', 'up-good', 'vi')).toMatchObject({
      arrow: '▼',
      amount: '2.000.000 đ',
      tone: 'bad',
    })
  })
})

describe('month choices', () => {
  it('offers the school year up to now, newest first, starting on the last ended month', () => {
    expect(monthChoices(['2026-09', '2026-10', '2026-11'], '2026-11')).toEqual({
      months: ['2026-11', '2026-10', '2026-09'],
      initial: '2026-10',
    })
  })

  it('starts on the current month in the school year’s first month', () => {
    expect(monthChoices(['2026-09'], '2026-09')).toEqual({
      months: ['2026-09'],
      initial: '2026-09',
    })
  })

  it('offers the current month when the plan’s school year is unknown', () => {
    expect(monthChoices([], '2026-11')).toEqual({ months: ['2026-11'], initial: '2026-11' })
  })

  it('starts on the last month of a finished school year', () => {
    expect(monthChoices(['2026-04', '2026-05'], '2026-07').initial).toBe('2026-05')
  })
})

describe('standards and criteria', () => {
  it('sorts criteria by number', () => {
    expect(['1.10', '2.1', '1.2', '1.9'].sort(compareCriteria)).toEqual([
      '1.2',
      '1.9',
      '1.10',
      '2.1',
    ])
  })

  it('puts each criterion under its standard, cards without one under "—"', () => {
    const groups = groupCriteria(
      [{ standard: '1' }, { standard: '—' }],
      [
        { criterion: '1.1', standard: '1' },
        { criterion: '—', standard: null },
        { criterion: '1.2', standard: '1' },
      ],
    )
    expect(groups.map((g) => [g.standard.standard, g.criteria.map((c) => c.criterion)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['—', ['—']],
    ])
  })
})
