import type { Lang } from './messages.ts'
import { formatNumber, formatPercent } from './number-format.ts'

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

/** A card's texts that can name it. */
export interface CardNameTexts {
  tasks: string | null
  target: string | null
  criterionLabel: string | null
  improvementContent: string | null
}

/**
 * What names a card where one line or cell is all there is (a board tile, a checkpoint
 * review row): its action, else its target, its criterion's wording, or what it improves.
 * Biểu 2's "Nội dung cải tiến" comes last: several rows share it (a merged cell). The whole
 * text; a tile shows its first line.
 */
export function cardNameText(card: CardNameTexts): string {
  return (
    [card.tasks, card.target, card.criterionLabel, card.improvementContent].find(
      (t) => t !== null && t.trim() !== '',
    ) ?? ''
  )
}

/** A card's name on one line (a tile, a list, a notification). */
export const cardTitle = (card: CardNameTexts): string => firstLine(cardNameText(card))

/** The same, from a card row as the database holds it. */
export const cardTitleOfRow = (row: {
  tasks: string | null
  target: string | null
  criterion_label: string | null
  improvement_content: string | null
}): string =>
  cardTitle({
    tasks: row.tasks,
    target: row.target,
    criterionLabel: row.criterion_label,
    improvementContent: row.improvement_content,
  })

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
  return `${formatNumber(value, lang, digits)} ${units[unit]}`
}

/**
 * A count with its noun, for English messages: Vietnamese nouns do not change with the
 * number, so Vietnamese messages write `${n} thẻ` themselves.
 *
 * @example
 * plural(1, 'card', 'cards') // → '1 card'
 * plural(3, 'card', 'cards') // → '3 cards'
 */
export function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`
}

/**
 * A number with the language's decimal mark and at most one decimal.
 *
 * @example
 * formatDecimal(4.5, 'vi') // → '4,5'
 */
export function formatDecimal(value: number, lang: Lang): string {
  return formatNumber(value, lang, 1)
}

/**
 * A share (0 to 1) as a percentage, with the language's decimal mark.
 *
 * @example
 * formatShare(0.4567, 'vi') // → '45,7%'
 * formatShare(0.4567, 'en') // → '45.7%'
 */
export function formatShare(share: number, lang: Lang): string {
  return formatPercent(share, lang)
}

/**
 * A change of a share in points of percentage, signed: 0.1 → '+10', -0.025 → '-2,5' (vi).
 *
 * @example
 * formatPointsChange(0.1, 'vi') // → '+10'
 */
export function formatPointsChange(change: number, lang: Lang): string {
  const points = Math.round(change * 1000) / 10
  return `${points >= 0 ? '+' : ''}${formatDecimal(points, lang)}`
}
