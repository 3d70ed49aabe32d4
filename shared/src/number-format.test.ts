import { describe, expect, it } from 'vitest'
import { formatNumber, formatPercent } from './number-format.ts'

describe('formatNumber', () => {
  it.each([
    [0, 'vi', 0, '0'],
    [1234, 'vi', 0, '1.234'],
    [1234567, 'vi', 0, '1.234.567'],
    [12_000_000_000, 'vi', 0, '12.000.000.000'],
    [22.2, 'vi', 1, '22,2'],
    [22.25, 'vi', 1, '22,3'],
    [4.0, 'vi', 1, '4'],
    [-2.5, 'vi', 1, '-2,5'],
    [-0.01, 'vi', 1, '0'],
    [1234.5, 'en', 1, '1,234.5'],
    [999.96, 'vi', 1, '1.000'],
  ] as const)('formats %s (%s, %s digits) as %s', (value, lang, digits, text) => {
    expect(formatNumber(value, lang, digits)).toBe(text)
  })
})

describe('formatPercent', () => {
  it('writes a share the way Vietnamese documents do', () => {
    expect(formatPercent(0.2222, 'vi')).toBe('22,2%')
    expect(formatPercent(1, 'vi')).toBe('100%')
    expect(formatPercent(0.2222, 'en')).toBe('22.2%')
  })
})
