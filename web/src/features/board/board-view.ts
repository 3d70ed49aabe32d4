import { CARD_STATUSES, type CardStatus } from '@caitien/shared'
import {
  compareCriteria,
  hasActiveFilters,
  matchesFilters,
  type BoardFilters,
  type FilterContext,
} from './board-filters'

/*
 * What the board shows, derived from its cards, filters and grouping. Pure, so that the
 * columns' contents can be checked without a browser.
 */

/** The lane of a board without swimlanes. */
export const ALL_LANE = 'all'
const NO_STANDARD = 'none'

interface ViewCard {
  id: string
  status: CardStatus
  standard: string | null
  standardName: string | null
  criterion: string | null
}

export interface StandardOption {
  standard: string
  name: string | null
}

/** A row of columns: the whole board, or one standard's swimlane. */
export interface Lane<C> {
  key: string
  /** The standard of a swimlane; null for the whole board and for cards without one. */
  standard: string | null
  name: string | null
  cells: Record<CardStatus, C[]>
  count: number
}

export type StatusCounts = Record<CardStatus, number>

const byCode = (a: string, b: string) => Number(a) - Number(b)

/** The standards the cards belong to, for the filter, in number order. */
export function standardOptions(cards: readonly ViewCard[]): StandardOption[] {
  const seen = new Map<string, string | null>()
  for (const c of cards) {
    if (c.standard && !seen.has(c.standard)) seen.set(c.standard, c.standardName)
  }
  return [...seen]
    .map(([standard, name]) => ({ standard, name }))
    .sort((a, b) => byCode(a.standard, b.standard))
}

/** The criteria of the cards (of one standard, when one is chosen), 1.9 before 1.10. */
export function criterionOptions(cards: readonly ViewCard[], standard: string | null): string[] {
  const set = new Set<string>()
  for (const c of cards) {
    if (c.criterion && (standard === null || c.standard === standard)) set.add(c.criterion)
  }
  return [...set].sort(compareCriteria)
}

/** The cards the filters let through; the same list when no filter is set. */
export function visibleCards<C extends ViewCard & Parameters<typeof matchesFilters>[0]>(
  cards: readonly C[],
  filters: BoardFilters,
  context: FilterContext,
): readonly C[] {
  return hasActiveFilters(filters)
    ? cards.filter((c) => matchesFilters(c, filters, context))
    : cards
}

const emptyCells = <C>(): Record<CardStatus, C[]> =>
  Object.fromEntries(CARD_STATUSES.map((s) => [s, []])) as unknown as Record<CardStatus, C[]>

/**
 * The lanes of the board: one lane holding every card, or with `byStandard` one per standard
 * in number order, cards without a standard last. Cards keep their order in each column.
 */
export function boardLanes<C extends ViewCard>(
  cards: readonly C[],
  byStandard: boolean,
): Lane<C>[] {
  const lanes = new Map<string, Lane<C>>()
  for (const card of cards) {
    const key = byStandard ? (card.standard ?? NO_STANDARD) : ALL_LANE
    let lane = lanes.get(key)
    if (!lane) {
      lane = {
        key,
        standard: byStandard ? card.standard : null,
        name: byStandard ? card.standardName : null,
        cells: emptyCells<C>(),
        count: 0,
      }
      lanes.set(key, lane)
    }
    // The cards of one standard carry its name; the last one's wins.
    if (byStandard) lane.name = card.standardName
    lane.cells[card.status].push(card)
    lane.count++
  }
  if (!byStandard) {
    return [
      lanes.get(ALL_LANE) ?? {
        key: ALL_LANE,
        standard: null,
        name: null,
        cells: emptyCells<C>(),
        count: 0,
      },
    ]
  }
  return [...lanes.values()].sort((a, b) =>
    a.standard === null ? 1 : b.standard === null ? -1 : byCode(a.standard, b.standard),
  )
}

/** Cards per status over the whole board, filters or not: the columns' totals. */
export function statusTotals(cards: readonly { status: CardStatus }[]): StatusCounts {
  const counts = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as StatusCounts
  for (const c of cards) counts[c.status]++
  return counts
}

/** The ids shown in one lane's column, top to bottom (what a drop is placed among). */
export function cardIdsIn<C extends { id: string }>(
  lanes: readonly Lane<C>[],
  lane: string,
  status: CardStatus,
): string[] {
  return (lanes.find((l) => l.key === lane)?.cells[status] ?? []).map((c) => c.id)
}
