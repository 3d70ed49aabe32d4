import type { CardStatus } from '@caitien/shared'
import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS } from './board-filters'
import {
  ALL_LANE,
  boardLanes,
  cardIdsIn,
  criterionOptions,
  standardOptions,
  statusTotals,
  visibleCards,
} from './board-view'

const card = (
  id: string,
  status: CardStatus,
  standard: string | null,
  criterion: string | null = null,
) => ({
  id,
  status,
  standard,
  standardName: standard ? `Tên ${standard}` : null,
  criterion,
  title: `Hoạt động ${id}`,
  target: null,
  lead: null,
  dueMonth: null,
  assigneeIds: id === 'b' ? ['me'] : [],
})

const cards = [
  card('a', 'planned', '2', '2.1'),
  card('b', 'planned', '10', '10.1'),
  card('c', 'in_progress', '2', '2.10'),
  card('d', 'verified', null),
  card('e', 'in_progress', '2', '2.9'),
]
const context = { meId: 'me', currentMonth: '2026-10' as const }

describe('board view', () => {
  it('offers the standards in number order and the criteria of the chosen one', () => {
    expect(standardOptions(cards)).toEqual([
      { standard: '2', name: 'Tên 2' },
      { standard: '10', name: 'Tên 10' },
    ])
    expect(criterionOptions(cards, null)).toEqual(['2.1', '2.9', '2.10', '10.1'])
    expect(criterionOptions(cards, '10')).toEqual(['10.1'])
  })

  it('keeps the same list when no filter is set', () => {
    expect(visibleCards(cards, EMPTY_FILTERS, context)).toBe(cards)
    expect(visibleCards(cards, { ...EMPTY_FILTERS, mine: true }, context).map((c) => c.id)).toEqual(
      ['b'],
    )
  })

  it('puts every card in one lane, in order, each in its column', () => {
    const [lane, ...rest] = boardLanes(cards, false)
    expect(rest).toEqual([])
    expect(lane).toMatchObject({ key: ALL_LANE, standard: null, count: 5 })
    expect(lane!.cells.planned.map((c) => c.id)).toEqual(['a', 'b'])
    expect(lane!.cells.in_progress.map((c) => c.id)).toEqual(['c', 'e'])
    expect(lane!.cells.evidence_submitted).toEqual([])
  })

  it('shows the whole board as one empty lane when nothing is visible', () => {
    const lanes = boardLanes([], false)
    expect(lanes).toHaveLength(1)
    expect(lanes[0]!.cells.planned).toEqual([])
    expect(boardLanes([], true)).toEqual([])
  })

  it('makes one swimlane per standard in number order, cards without one last', () => {
    const lanes = boardLanes(cards, true)
    expect(lanes.map((l) => [l.key, l.standard, l.name, l.count])).toEqual([
      ['2', '2', 'Tên 2', 3],
      ['10', '10', 'Tên 10', 1],
      ['none', null, null, 1],
    ])
    expect(cardIdsIn(lanes, '2', 'in_progress')).toEqual(['c', 'e'])
    expect(cardIdsIn(lanes, 'none', 'verified')).toEqual(['d'])
    expect(cardIdsIn(lanes, '3', 'planned')).toEqual([])
  })

  it('counts each column over the whole board', () => {
    expect(statusTotals(cards)).toEqual({
      planned: 2,
      in_progress: 2,
      evidence_submitted: 0,
      verified: 1,
    })
  })
})
