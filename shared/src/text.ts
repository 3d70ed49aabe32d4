import type { Lang } from './messages.ts'

/**
 * Lower-case, strip Vietnamese diacritics (đ → d) and fold white space, so that
 * "tu van" matches "Tư vấn" and headings match with or without accents.
 *
 * @example
 * foldText('  Tư   VẤN học đường ') // → 'tu van hoc duong'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Does every word of `query` occur in `text`, ignoring case and diacritics? */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldText(text)
  return words.every((w) => haystack.includes(w))
}

/** The first non-empty line of a multi-line plan cell, for a card's short title. */
export function firstLine(text: string | null | undefined): string {
  if (!text) return ''
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? ''
  return line.trim().replace(/^[-–•+]\s*/, '')
}

/**
 * A file size the way people read it, with the language's decimal mark.
 *
 * @example
 * formatFileSize(1_572_864, 'vi') // → '1,5 MB'
 */
export function formatFileSize(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(value)
  return `${text} ${units[unit]}`
}
