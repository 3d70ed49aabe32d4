import type { Lang } from './messages.ts'

/*
 * One number formatter for every side: the web's figures, the server's documents and the
 * workbooks' text. It does not ask the runtime's Intl data (browsers and Node builds ship
 * different locale tables), so "22,2%" and "1.234" read the same wherever they are drawn.
 */

/** The digit-group and decimal marks of each language. */
const MARKS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
}

/**
 * A number with the language's marks, rounded to at most `maxFractionDigits` decimals
 * (trailing zeros dropped).
 *
 * @example
 * formatNumber(1234, 'vi') // → '1.234'
 * formatNumber(22.25, 'vi', 1) // → '22,3'
 * formatNumber(1234.5, 'en', 1) // → '1,234.5'
 */
export function formatNumber(value: number, lang: Lang = 'vi', maxFractionDigits = 0): string {
  if (!Number.isFinite(value)) return String(value)
  const marks = MARKS[lang]
  const factor = 10 ** maxFractionDigits
  const rounded = Math.round(Math.abs(value) * factor) / factor
  const [whole = '0', fraction = ''] = rounded.toFixed(maxFractionDigits).split('.')
  const decimals = fraction.replace(/0+$/, '')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, marks.group)
  const sign = value < 0 && rounded !== 0 ? '-' : ''
  return `${sign}${grouped}${decimals ? `${marks.decimal}${decimals}` : ''}`
}

/**
 * A share (0 to 1) as a percentage with at most one decimal.
 *
 * @example
 * formatPercent(0.2222, 'vi') // → '22,2%'
 * formatPercent(0.2222, 'en') // → '22.2%'
 */
export function formatPercent(share: number, lang: Lang = 'vi'): string {
  return `${formatNumber(share * 100, lang, 1)}%`
}
