import { describe, expect, it } from 'vitest'
import { pickFramework, pickFrameworkOfCircular } from './framework-choice.ts'

const FRAMEWORKS = [
  { id: 'tt17', code: 'TT17-2018', schoolLevel: 'primary' },
  { id: 'tt18', code: 'TT18-2018', schoolLevel: 'secondary' },
  { id: 'tt19', code: 'TT19-2018', schoolLevel: 'kindergarten' },
  { id: 'tt19-22', code: 'TT19-2018+TT22-2024', schoolLevel: 'kindergarten' },
  { id: 'tt57-mn', code: 'TT57-2026-mam-non', schoolLevel: 'kindergarten' },
  { id: 'tt57-pt', code: 'TT57-2026-pho-thong', schoolLevel: 'general' },
  { id: 'tt57-gdtx', code: 'TT57-2026-gdtx', schoolLevel: 'continuing' },
]

describe('pickFramework', () => {
  it.each([
    ['2026-2027', 'secondary', 'tt57-pt'],
    ['2027-2028', 'primary', 'tt57-pt'],
    ['2026-2027', 'kindergarten', 'tt57-mn'],
    ['2026-2027', 'continuing', 'tt57-gdtx'],
    ['2025-2026', 'primary', 'tt17'],
    ['2025-2026', 'general', 'tt18'],
    ['2025-2026', 'kindergarten', 'tt19-22'],
    ['2022-2023', 'kindergarten', 'tt19'],
  ])('picks for %s at %s level: %s', (schoolYear, schoolLevel, expected) => {
    expect(pickFramework(FRAMEWORKS, { schoolYear, schoolLevel })).toBe(expected)
  })

  it('falls back to a general framework when the level is not known', () => {
    expect(pickFramework(FRAMEWORKS, { schoolYear: '2026-2027', schoolLevel: null })).toBe(
      'tt57-pt',
    )
    expect(pickFramework([], { schoolYear: '2026-2027', schoolLevel: null })).toBeNull()
  })
})

describe('pickFrameworkOfCircular', () => {
  it.each([
    ['TT57-2026', 'primary', 'tt57-pt'],
    ['TT57-2026', 'secondary', 'tt57-pt'],
    ['TT57-2026', 'kindergarten', 'tt57-mn'],
    ['TT57-2026', 'continuing', 'tt57-gdtx'],
    ['TT57-2026', null, 'tt57-pt'],
    ['TT19-2018', 'kindergarten', 'tt19-22'],
    ['TT17-2018', null, 'tt17'],
  ])('picks for %s at %s level: %s', (circular, schoolLevel, expected) => {
    expect(pickFrameworkOfCircular(FRAMEWORKS, { circular, schoolLevel })).toBe(expected)
  })

  it('answers null when no stored framework is of that circular', () => {
    expect(pickFrameworkOfCircular(FRAMEWORKS, { circular: 'TT99-2030', schoolLevel: null })).toBe(
      null,
    )
  })
})
