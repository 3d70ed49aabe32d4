import { describe, expect, it } from 'vitest'
import { firstLine, foldText, matchesSearch } from './text.ts'

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
