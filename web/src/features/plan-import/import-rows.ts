import { formatMonth, formatVnd } from '@caitien/shared'

/** The column choices the server made or was told, keyed the way it reads them back. */
export function choicesOf<F extends string>(
  mapping: readonly { columnIndex: number; field: F | null }[],
): Record<string, F | null> {
  return Object.fromEntries(mapping.map((m) => [String(m.columnIndex), m.field]))
}

/** A row's months as the plan writes them: "09/2026–05/2027", or one month. */
export function monthsText(row: { startMonth: string | null; dueMonth: string | null }) {
  const { startMonth, dueMonth } = row
  if (!startMonth && !dueMonth) return null
  if (!startMonth || !dueMonth || startMonth === dueMonth)
    return formatMonth((startMonth ?? dueMonth)!)
  return `${formatMonth(startMonth)}–${formatMonth(dueMonth)}`
}

/** The amount when it was read ("Không có" reads as none), else null. */
export function budgetText(amount: number | null, noneLabel: string): string | null {
  if (amount === null) return null
  return amount === 0 ? noneLabel : formatVnd(amount)
}

const BULLET = /^\s*(?:[-+•*–]|\d+[.)])\s*/

/** The first written line of a cell, without its list bullet: a tile's title. */
export function firstLine(text: string | null): string {
  if (!text) return ''
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? ''
  return line.replace(BULLET, '').trim()
}

/** The accounts chosen for a lead text: the user's pick when they made one, else the server's. */
export function chosenUsers(
  lead: { text: string; userIds: readonly string[] },
  picks: Readonly<Record<string, readonly string[]>>,
): string[] {
  return [...(picks[lead.text] ?? lead.userIds)]
}
