import { describe, expect, it } from 'vitest'
import { monthInSchoolYear, shiftTimeframe, shiftTimeframeText } from './school-year-shift.ts'

describe('monthInSchoolYear', () => {
  it.each([
    [8, '2026-08'],
    [12, '2026-12'],
    [1, '2027-01'],
    [7, '2027-07'],
  ])('puts month %i of the year in 2026-2027 at %s', (month, expected) => {
    expect(monthInSchoolYear(month, '2026-2027')).toBe(expected)
  })

  it('gives null for a month that is not one, or a school year that is not one', () => {
    expect(monthInSchoolYear(13, '2026-2027')).toBeNull()
    expect(monthInSchoolYear(5, '2026-2028')).toBeNull()
    expect(monthInSchoolYear(5, 'năm sau')).toBeNull()
  })
})

describe('shiftTimeframeText', () => {
  it.each([
    ['Từ tháng 8/2020', 'Từ tháng 8/2026'],
    ['tháng 6 năm 2020', 'tháng 6 năm 2027'],
    ['Tháng 9/2020 đến tháng 5/2021', 'Tháng 9/2026 đến tháng 5/2027'],
    ['Từ tháng 10/2020 - 12/2020', 'Từ tháng 10/2026 - 12/2026'],
    ['Tháng 3.2021', 'Tháng 3.2027'],
    ['Năm học 2020 - 2021', 'Năm học 2026 - 2027'],
    ['Đầu năm học 2020-2021, tháng 9/2020', 'Đầu năm học 2026-2027, tháng 9/2026'],
  ])('moves %j to %j', (raw, expected) => {
    expect(shiftTimeframeText(raw, '2026-2027')).toEqual({
      text: expected,
      changed: true,
      odd: null,
    })
  })

  it.each(['Hằng tháng', 'Cả năm', 'Hằng năm', 'Học kỳ II', 'Khi có kinh phí'])(
    'leaves %j alone: it names no date',
    (raw) => {
      expect(shiftTimeframeText(raw, '2026-2027')).toEqual({ text: raw, changed: false, odd: null })
    },
  )

  it.each([
    ['Xây dựng kế hoạch đầu năm học 2020-2021, cập nhật ngay từ tháng năm 2020', 'bare_year'],
    ['Trong năm 2021', 'bare_year'],
    ['Tháng 9/2020 đến tháng 5/2022', 'spans_years'],
    ['Tháng 6/2020 đến tháng 9/2020', 'crosses_school_year'],
    ['Năm học 2020-2022', 'bare_year'],
  ] as const)('leaves the odd text %j as written (%s)', (raw, reason) => {
    expect(shiftTimeframeText(raw, '2026-2027')).toEqual({ text: raw, changed: false, odd: reason })
  })

  it('changes nothing when the target is not a school year', () => {
    expect(shiftTimeframeText('Tháng 9/2020', 'sau')).toEqual({
      text: 'Tháng 9/2020',
      changed: false,
      odd: null,
    })
  })

  it('is the identity into the same school year', () => {
    expect(shiftTimeframeText('Tháng 9/2026 đến tháng 5/2027', '2026-2027').changed).toBe(false)
  })
})

describe('shiftTimeframe', () => {
  it('reads a relative timeframe in each school year', () => {
    expect(shiftTimeframe('Hằng tháng', '2020-2021', '2026-2027')).toEqual({
      before: { text: 'Hằng tháng', startMonth: '2020-09', dueMonth: '2021-05' },
      after: { text: 'Hằng tháng', startMonth: '2026-09', dueMonth: '2027-05' },
      odd: null,
    })
  })

  it('moves a month written in words and reads it', () => {
    expect(shiftTimeframe('tháng 6 năm 2020', '2020-2021', '2026-2027')).toEqual({
      before: { text: 'tháng 6 năm 2020', startMonth: '2020-06', dueMonth: '2020-06' },
      after: { text: 'tháng 6 năm 2027', startMonth: '2027-06', dueMonth: '2027-06' },
      odd: null,
    })
  })

  it('reads an odd text left as written against the plan year where it names no month', () => {
    const raw = 'Xây dựng kế hoạch đầu năm học 2020-2021, cập nhật ngay từ tháng năm 2020'
    expect(shiftTimeframe(raw, '2020-2021', '2026-2027')).toEqual({
      before: { text: raw, startMonth: '2020-09', dueMonth: '2021-05' },
      after: { text: raw, startMonth: '2026-09', dueMonth: '2027-05' },
      odd: 'bare_year',
    })
  })
})
