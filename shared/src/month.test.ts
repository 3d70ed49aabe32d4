import { describe, expect, it } from 'vitest'
import { schoolYearChoices } from './month.ts'

describe('schoolYearChoices', () => {
  const december = new Date('2026-12-03T08:00:00Z')

  it('offers last year, this one and the next two', () => {
    expect(schoolYearChoices(december, null)).toEqual([
      '2025-2026',
      '2026-2027',
      '2027-2028',
      '2028-2029',
    ])
  })

  it('keeps an older year named by the plan or the file, oldest first, once', () => {
    expect(schoolYearChoices(december, '2020-2021')[0]).toBe('2020-2021')
    expect(schoolYearChoices(december, '2026-2027')).toHaveLength(4)
  })

  it('reaches further back when asked (a plan moved to an earlier year)', () => {
    expect(schoolYearChoices(december, null, 2)[0]).toBe('2024-2025')
  })

  it('turns over in August, not in January', () => {
    expect(schoolYearChoices(new Date('2027-07-31T08:00:00Z'), null)[1]).toBe('2026-2027')
    expect(schoolYearChoices(new Date('2027-08-01T08:00:00Z'), null)[1]).toBe('2027-2028')
  })
})
