import { describe, expect, it } from 'vitest'
import {
  firstLine,
  foldText,
  formatDecimal,
  formatPointsChange,
  formatShare,
  matchesSearch,
  plural,
} from './text.ts'

describe('foldText', () => {
  it('strips Vietnamese diacritics including đ', () => {
    expect(foldText('Đoàn Thanh niên TƯ VẤN')).toBe('doan thanh nien tu van')
  })
  it('folds decomposed (NFD) input the same as composed', () => {
    expect(foldText('Tư vấn'.normalize('NFD'))).toBe(foldText('Tư vấn'))
  })
})

describe('matchesSearch', () => {
  it('finds "tư vấn" when searching "tu van"', () => {
    expect(matchesSearch('Tổ chức tư vấn tâm lý', 'tu van')).toBe(true)
    expect(matchesSearch('Tổ chức tư vấn tâm lý', 'tu vung')).toBe(false)
  })
})

describe('firstLine', () => {
  it('takes the first non-empty line without a list dash', () => {
    expect(firstLine('\n- Rà soát hồ sơ\n- Bổ sung')).toBe('Rà soát hồ sơ')
  })
})

describe('numbers in messages', () => {
  it('counts English nouns', () => {
    expect(plural(1, 'card', 'cards')).toBe('1 card')
    expect(plural(0, 'card', 'cards')).toBe('0 cards')
  })
  it('writes shares and points with the language’s decimal mark', () => {
    expect(formatShare(0.4567, 'vi')).toBe('45,7%')
    expect(formatShare(0.4567, 'en')).toBe('45.7%')
    expect(formatDecimal(4.5, 'vi')).toBe('4,5')
    expect(formatPointsChange(0.1, 'vi')).toBe('+10')
    expect(formatPointsChange(-0.025, 'en')).toBe('-2.5')
    expect(formatPointsChange(0, 'vi')).toBe('+0')
  })
})
