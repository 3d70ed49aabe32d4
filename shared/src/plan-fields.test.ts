import { describe, expect, it } from 'vitest'
import { parseBudget, parseTimeframe } from './plan-fields.ts'
import { isOverdue, monthOf } from './month.ts'

describe('parseTimeframe', () => {
  it.each([
    ['Tháng 3/2025', '2025-03', '2025-03'],
    ['Tháng 9/2024 đến tháng 5/2025', '2024-09', '2025-05'],
    ['Từ tháng 10/2024 - 12/2024', '2024-10', '2024-12'],
    ['Hằng năm', '2024-09', '2025-05'],
    ['Trong năm học', '2024-09', '2025-05'],
    ['Học kỳ II', '2025-01', '2025-05'],
    ['Từ tháng 10/2024', '2024-10', '2025-05'],
    ['tháng 3 năm 2025', '2025-03', '2025-03'],
  ])('reads %j', (raw, start, due) => {
    expect(parseTimeframe(raw, '2024-2025')).toEqual({ startMonth: start, dueMonth: due })
  })
  it('gives nulls for text it cannot read', () => {
    expect(parseTimeframe('Khi có kinh phí', '2024-2025')).toEqual({
      startMonth: null,
      dueMonth: null,
    })
  })
})

describe('parseBudget', () => {
  it.each([
    ['12.000.000.000', 12_000_000_000],
    ['2.000.000 đồng', 2_000_000],
    ['5 triệu đồng', 5_000_000],
    ['1,5 tỷ', 1_500_000_000],
    ['Không có', 0],
    ['Ngân sách', null],
  ])('reads %j', (raw, amount) => {
    expect(parseBudget(raw)).toBe(amount)
  })
})

describe('months', () => {
  it('counts an instant in the Hanoi time zone', () => {
    expect(monthOf(new Date('2025-01-31T18:00:00Z'))).toBe('2025-02')
  })
  it('marks a card overdue only after its due month, and never when verified', () => {
    expect(isOverdue({ dueMonth: '2025-03', status: 'in_progress' }, '2025-03')).toBe(false)
    expect(isOverdue({ dueMonth: '2025-03', status: 'in_progress' }, '2025-04')).toBe(true)
    expect(isOverdue({ dueMonth: '2025-03', status: 'verified' }, '2025-04')).toBe(false)
  })
})
