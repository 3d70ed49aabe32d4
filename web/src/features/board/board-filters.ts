import { isOverdue, matchesSearch, type Month } from '@caitien/shared'

export interface BoardFilters {
  standard: string | null
  criterion: string | null
  /** A member id, or UNASSIGNED for cards nobody holds. */
  assigneeId: string | null
  mine: boolean
  overdue: boolean
  search: string
}

export const UNASSIGNED = '__unassigned__'

export const EMPTY_FILTERS: BoardFilters = {
  standard: null,
  criterion: null,
  assigneeId: null,
  mine: false,
  overdue: false,
  search: '',
}

interface FilterableCard {
  status: string
  standard: string | null
  standardName: string | null
  criterion: string | null
  title: string
  target: string | null
  lead: string | null
  dueMonth: string | null
  assigneeIds: readonly string[]
}

export function hasActiveFilters(filters: BoardFilters): boolean {
  return (
    filters.standard !== null ||
    filters.criterion !== null ||
    filters.assigneeId !== null ||
    filters.mine ||
    filters.overdue ||
    filters.search.trim() !== ''
  )
}

/** The text the search box looks through: the card's words and its assignees' names. */
export function searchableText(
  card: FilterableCard,
  members?: ReadonlyMap<string, { displayName: string }>,
): string {
  const names = card.assigneeIds.map((id) => members?.get(id)?.displayName)
  return [card.criterion, card.title, card.target, card.lead, card.standardName, ...names]
    .filter(Boolean)
    .join('\n')
}

export interface FilterContext {
  meId: string
  currentMonth: Month
  /** The school's people by id: search finds a card by its assignees' names. */
  members?: ReadonlyMap<string, { displayName: string }>
}

export function matchesFilters(
  card: FilterableCard,
  filters: BoardFilters,
  context: FilterContext,
): boolean {
  if (filters.standard !== null && card.standard !== filters.standard) return false
  if (filters.criterion !== null && card.criterion !== filters.criterion) return false
  if (filters.assigneeId === UNASSIGNED && card.assigneeIds.length > 0) return false
  if (
    filters.assigneeId !== null &&
    filters.assigneeId !== UNASSIGNED &&
    !card.assigneeIds.includes(filters.assigneeId)
  ) {
    return false
  }
  if (filters.mine && !card.assigneeIds.includes(context.meId)) return false
  if (filters.overdue && !isOverdue(card, context.currentMonth)) return false
  return matchesSearch(searchableText(card, context.members), filters.search)
}

/** Compare criterion codes as numbers: 1.9 before 1.10. */
export function compareCriteria(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number)
  const [b1 = 0, b2 = 0] = b.split('.').map(Number)
  return a1 - b1 || a2 - b2
}
