import { describe, expect, it } from 'vitest'
import {
  defaultSchoolCalendar,
  schoolCalendarProblem,
  schoolYearSpan,
  type SchoolCalendar,
} from './school-calendar.ts'
import { schoolCalendarProblemText } from './school-calendar-messages.ts'
import type { Month } from './month.ts'

const calendar = (s1: [string, string], s2: [string, string], schoolYear = '2026-2027') =>
  ({
    schoolYear,
    semester1: { start: s1[0] as Month, end: s1[1] as Month },
    semester2: { start: s2[0] as Month, end: s2[1] as Month },
  }) satisfies SchoolCalendar

describe('schoolYearSpan', () => {
  it('runs from August of the first year to July of the second', () => {
    expect(schoolYearSpan('2026-2027')).toEqual({ start: '2026-08', end: '2027-07' })
    expect(schoolYearSpan('2026 – 2027')).toEqual({ start: '2026-08', end: '2027-07' })
  })
  it('knows no year whose two years are not consecutive', () => {
    expect(schoolYearSpan('2026-2028')).toBeNull()
    expect(schoolYearSpan('2026')).toBeNull()
  })
})

describe('schoolCalendarProblem', () => {
  it('accepts the default calendar, whose semesters share January', () => {
    expect(schoolCalendarProblem(defaultSchoolCalendar('2026-2027')!)).toBeNull()
  })
  it('accepts semester I ending in December and semester II from January', () => {
    expect(schoolCalendarProblem(calendar(['2026-09', '2026-12'], ['2027-01', '2027-05']))).toBe(
      null,
    )
  })
  it.each([
    ['semester1Reversed', calendar(['2026-12', '2026-09'], ['2027-01', '2027-05'])],
    ['semester2Reversed', calendar(['2026-09', '2026-12'], ['2027-05', '2027-01'])],
    ['outsideYear', calendar(['2026-07', '2026-12'], ['2027-01', '2027-05'])],
    ['outsideYear', calendar(['2026-09', '2026-12'], ['2027-01', '2027-08'])],
    ['overlap', calendar(['2026-09', '2027-01'], ['2026-12', '2027-05'])],
    ['unknownYear', calendar(['2026-09', '2026-12'], ['2027-01', '2027-05'], '2026-2028')],
  ] as const)('refuses %s', (problem, c) => {
    expect(schoolCalendarProblem(c)).toBe(problem)
  })
  it('words a refusal with the school year and its bounds', () => {
    expect(schoolCalendarProblemText('outsideYear', '2026-2027', 'vi')).toBe(
      'Các tháng của học kỳ phải nằm trong năm học 2026-2027, từ tháng 08/2026 đến tháng 07/2027.',
    )
    expect(schoolCalendarProblemText('overlap', '2026-2027', 'en')).toMatch(/cannot overlap/)
  })
})
