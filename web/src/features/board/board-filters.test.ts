import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS, UNASSIGNED, compareCriteria, matchesFilters } from './board-filters'

const base = {
  status: 'planned',
  standard: '1',
  standardName: 'Tổ chức và quản lý nhà trường',
  criterion: '1.5',
  title: 'Tăng cường công tác tư vấn học đường',
  target: 'Đạt Mức 2',
  lead: 'Phó hiệu trưởng',
  dueMonth: '2025-03',
  assigneeIds: ['u1'],
}
const ctx = { meId: 'u1', currentMonth: '2025-05' as const }

describe('matchesFilters', () => {
  it('finds Vietnamese text typed without diacritics', () => {
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'tu van' }, ctx)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'PHO HIEU' }, ctx)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'thu vien' }, ctx)).toBe(false)
  })

  it("finds a card by its assignees' names, diacritics or not", () => {
    const members = new Map([
      ['u1', { displayName: 'Lê Thị Mai' }],
      ['u2', { displayName: 'Hoàng Văn Nam' }],
    ])
    const withNames = { ...ctx, members }
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'le thi mai' }, withNames)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'Mai' }, withNames)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'hoang van nam' }, withNames)).toBe(
      false,
    )
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'le thi mai' }, ctx)).toBe(false)
  })

  it('searches the criterion code and the standard name', () => {
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: '1.5' }, ctx)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, search: 'quan ly nha truong' }, ctx)).toBe(true)
  })

  it('filters by standard, criterion and assignee', () => {
    expect(matchesFilters(base, { ...EMPTY_FILTERS, standard: '2' }, ctx)).toBe(false)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, criterion: '1.5' }, ctx)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, assigneeId: 'u2' }, ctx)).toBe(false)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, assigneeId: UNASSIGNED }, ctx)).toBe(false)
  })

  it('keeps only my cards with "mine"', () => {
    expect(matchesFilters(base, { ...EMPTY_FILTERS, mine: true }, ctx)).toBe(true)
    expect(matchesFilters(base, { ...EMPTY_FILTERS, mine: true }, { ...ctx, meId: 'u9' })).toBe(
      false,
    )
  })

  it('keeps only overdue cards with "overdue" (verified cards are never overdue)', () => {
    expect(matchesFilters(base, { ...EMPTY_FILTERS, overdue: true }, ctx)).toBe(true)
    const verified = { ...base, status: 'verified' }
    expect(matchesFilters(verified, { ...EMPTY_FILTERS, overdue: true }, ctx)).toBe(false)
  })
})

describe('compareCriteria', () => {
  it('orders 1.9 before 1.10', () => {
    expect(['1.10', '2.1', '1.9'].sort(compareCriteria)).toEqual(['1.9', '1.10', '2.1'])
  })
})
