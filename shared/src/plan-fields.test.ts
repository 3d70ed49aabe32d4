import { describe, expect, it } from 'vitest'
import { parseBudget, parseTimeframe, readBudgetCell } from './plan-fields.ts'
import { defaultSchoolCalendar, type SchoolCalendar } from './school-calendar.ts'
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
    ['2024', '2024-09', '2024-12'],
    ['Năm 2025', '2025-01', '2025-05'],
    ['2024-2025', '2024-09', '2025-05'],
    ['Hằng quý', '2024-09', '2025-05'],
    ['Hàng quý', '2024-09', '2025-05'],
    ['Học kỳ I', '2024-09', '2025-01'],
    ['học kì 1', '2024-09', '2025-01'],
    ['HK1', '2024-09', '2025-01'],
    ['HKII', '2025-01', '2025-05'],
    ['Học kỳ I năm học 2024-2025', '2024-09', '2025-01'],
    ['Cuối học kỳ I', '2025-01', '2025-01'],
    ['Cuối HK2', '2025-05', '2025-05'],
    ['Cuối năm học', '2025-05', '2025-05'],
    ['Đầu năm học', '2024-09', '2024-09'],
    ['Quý II/2025', '2025-04', '2025-05'],
    ['Quý I/2025', '2025-01', '2025-03'],
    ['Quý 3 năm 2024', '2024-09', '2024-09'],
    ['Quý IV/2024', '2024-10', '2024-12'],
    ['quý 4 - 2024', '2024-10', '2024-12'],
    ['Quý IV/2024 và Quý I/2025', '2024-10', '2025-03'],
    ['Quý II', '2025-04', '2025-05'],
  ])('reads %j', (raw, start, due) => {
    expect(parseTimeframe(raw, '2024-2025')).toEqual({ startMonth: start, dueMonth: due })
  })
  it.each([['2023'], ['Quý III/2025'], ['Khi có kinh phí']])(
    'gives nulls for %j, outside the school year or unreadable',
    (raw) => {
      expect(parseTimeframe(raw, '2024-2025')).toEqual({ startMonth: null, dueMonth: null })
    },
  )
  it('takes semesters from the school calendar it is given', () => {
    const calendar: SchoolCalendar = {
      schoolYear: '2024-2025',
      semester1: { start: '2024-09', end: '2024-12' },
      semester2: { start: '2025-01', end: '2025-05' },
    }
    expect(parseTimeframe('Học kỳ I', '2024-2025', calendar)).toEqual({
      startMonth: '2024-09',
      dueMonth: '2024-12',
    })
    expect(parseTimeframe('Cuối học kỳ I', '2024-2025', calendar)).toEqual({
      startMonth: '2024-12',
      dueMonth: '2024-12',
    })
    expect(parseTimeframe('HK2', '2024-2025', defaultSchoolCalendar('2024-2025'))).toEqual({
      startMonth: '2025-01',
      dueMonth: '2025-05',
    })
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

describe('readBudgetCell', () => {
  it.each([
    ['Ngân sách', null, 'Ngân sách'],
    ['Ngân sách nhà nước', null, 'Ngân sách nhà nước'],
    ['NSNN', null, 'NSNN'],
    ['Xã hội hóa', null, 'Xã hội hóa'],
    ['XHH', null, 'XHH'],
    ['Ngân sách + xã hội hóa', null, 'Ngân sách + xã hội hóa'],
    ['Nguồn chi thường xuyên', null, 'Nguồn chi thường xuyên'],
    ['5.000.000 đ (XHH)', 5_000_000, 'XHH'],
    ['10.000.000 đồng - Ngân sách', 10_000_000, 'Ngân sách'],
    ['12.000.000', 12_000_000, null],
    ['Không có', 0, null],
    ['Chưa rõ', null, null],
  ])('reads %j', (raw, amount, fundingSource) => {
    expect(readBudgetCell(raw)).toEqual({ amount, fundingSource })
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
