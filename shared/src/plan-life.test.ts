import { describe, expect, it } from 'vitest'
import {
  isCarriedOver,
  isPlanRestorable,
  planDeletionRefusal,
  planPurgeAt,
  shiftTimeframeYears,
  yearsBetween,
} from './plan-life.ts'
import { planWriteRefusal } from './permissions.ts'
import { CARD_STATUSES } from './workflow.ts'

describe('deleting a plan', () => {
  const plan = { title: 'Kế hoạch 2025-2026', cardCount: 4 }

  it('needs no confirmation for an empty plan', () => {
    expect(planDeletionRefusal({ ...plan, cardCount: 0 }, undefined)).toBeNull()
  })

  it.each([
    [undefined, 'confirmation_required'],
    ['   ', 'confirmation_required'],
    ['Kế hoạch 2025', 'confirmation_mismatch'],
    ['kế hoạch 2025-2026', 'confirmation_mismatch'],
    ['Kế hoạch 2025-2026', null],
    ['  Kế   hoạch 2025-2026 ', null],
    ['Kế hoạch 2025-2026'.normalize('NFD'), null],
  ] as const)('with cards, typed %j → %s', (typed, expected) => {
    expect(planDeletionRefusal(plan, typed)).toBe(expected)
  })

  it('keeps a deleted plan restorable for 30 days, not a moment more', () => {
    const deletedAt = '2026-11-01T10:00:00.000Z'
    expect(planPurgeAt(deletedAt)).toBe('2026-12-01T10:00:00.000Z')
    expect(isPlanRestorable(deletedAt, new Date('2026-12-01T09:59:59.999Z'))).toBe(true)
    expect(isPlanRestorable(deletedAt, new Date('2026-12-01T10:00:00.000Z'))).toBe(false)
  })
})

describe('an archived plan', () => {
  it('refuses writes; an active one takes them', () => {
    expect(planWriteRefusal({ state: 'archived' })).toBe('archived')
    expect(planWriteRefusal({ state: 'active' })).toBeNull()
  })
})

describe('carrying a plan over', () => {
  it('carries every action that is not verified', () => {
    expect(CARD_STATUSES.filter((status) => isCarriedOver({ status }))).toEqual([
      'planned',
      'in_progress',
      'evidence_submitted',
    ])
  })

  it('moves the years a timeframe names by the years between the plans', () => {
    expect(yearsBetween('2025-2026', '2026-2027')).toBe(1)
    expect(yearsBetween('2025', '2026-2027')).toBeNull()
    expect(shiftTimeframeYears('Tháng 9/2025 đến tháng 5/2026', 1)).toBe(
      'Tháng 9/2026 đến tháng 5/2027',
    )
    expect(shiftTimeframeYears('Từ 10.2025 - 12.2025', 2)).toBe('Từ 10.2027 - 12.2027')
    expect(shiftTimeframeYears('Hằng năm', 1)).toBe('Hằng năm')
    expect(shiftTimeframeYears(null, 1)).toBeNull()
  })
})
