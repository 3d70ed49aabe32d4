import { describe, expect, it } from 'vitest'
import { choiceChanged, schoolsMatching, setChosen } from './school-choice'

const SCHOOLS = [
  { id: 'a', name: 'Trường Tiểu học An Phú' },
  { id: 'b', name: 'Trường Mầm non Bình Minh' },
  { id: 'c', name: 'Trường THCS Hoà Bình' },
  { id: 'd', name: 'Trường THPT Đồng Đăng' },
]

describe('the school filter', () => {
  it('shows every school for an empty or blank filter', () => {
    expect(schoolsMatching(SCHOOLS, '')).toEqual(SCHOOLS)
    expect(schoolsMatching(SCHOOLS, '   ')).toEqual(SCHOOLS)
  })

  it('matches without diacritics or case, đ as d', () => {
    expect(schoolsMatching(SCHOOLS, 'binh').map((s) => s.id)).toEqual(['b', 'c'])
    expect(schoolsMatching(SCHOOLS, 'BÌNH MINH').map((s) => s.id)).toEqual(['b'])
    expect(schoolsMatching(SCHOOLS, 'dong dang').map((s) => s.id)).toEqual(['d'])
  })

  it('asks for every word, in any order', () => {
    expect(schoolsMatching(SCHOOLS, 'hoa thcs').map((s) => s.id)).toEqual(['c'])
    expect(schoolsMatching(SCHOOLS, 'hoa tiểu').map((s) => s.id)).toEqual([])
  })
})

describe('choosing the schools shown', () => {
  it('adds the shown schools and keeps those chosen before', () => {
    const next = setChosen(new Set(['a']), ['b', 'c'], true)
    expect([...next].sort()).toEqual(['a', 'b', 'c'])
  })

  it('takes out only the shown schools, leaving hidden ones chosen', () => {
    const next = setChosen(new Set(['a', 'b', 'c']), ['b', 'c'], false)
    expect([...next]).toEqual(['a'])
  })

  it('does not change the choice it was given', () => {
    const before = new Set(['a'])
    setChosen(before, ['b'], true)
    expect([...before]).toEqual(['a'])
  })

  it('tells a changed choice from the saved list in any order', () => {
    expect(choiceChanged(new Set(['a', 'b']), ['b', 'a'])).toBe(false)
    expect(choiceChanged(new Set(['a']), ['a', 'b'])).toBe(true)
    expect(choiceChanged(new Set(['a', 'c']), ['a', 'b'])).toBe(true)
    expect(choiceChanged(new Set(), [])).toBe(false)
  })
})
