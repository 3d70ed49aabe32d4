import { CARD_STATUSES, positionBetween, type CardStatus } from '@caitien/shared'

interface Placeable {
  id: string
  status: CardStatus
  position: number
}

export interface Placement {
  cardId: string
  to: CardStatus
  /** The card it lands above; null for the end of the column. */
  beforeCardId: string | null
}

const statusIndex = (s: CardStatus) => CARD_STATUSES.indexOf(s)

/** Cards in board order: by column, then by position. */
export function sortCards<T extends Placeable>(cards: readonly T[]): T[] {
  return [...cards].sort(
    (a, b) => statusIndex(a.status) - statusIndex(b.status) || a.position - b.position,
  )
}

/**
 * The board after a move or reorder, the way the server will store it: the card takes
 * the position between its new neighbours (`positionBetween`, the one ordering rule).
 * Used for the optimistic update, so the card lands where the server will put it.
 */
export function placeCard<T extends Placeable>(cards: readonly T[], placement: Placement): T[] {
  const moving = cards.find((c) => c.id === placement.cardId)
  if (!moving) return [...cards]
  const column = sortCards(cards.filter((c) => c.status === placement.to && c.id !== moving.id))
  const beforeIndex =
    placement.beforeCardId === null ? -1 : column.findIndex((c) => c.id === placement.beforeCardId)
  let above: number | null
  let below: number | null
  if (beforeIndex === -1) {
    above = column[column.length - 1]?.position ?? null
    below = null
  } else {
    above = column[beforeIndex - 1]?.position ?? null
    below = column[beforeIndex]!.position
  }
  const position = positionBetween(above, below)
  return sortCards(
    cards.map((c) => (c.id === moving.id ? { ...c, status: placement.to, position } : c)),
  )
}

/** Replace one card with the server's copy (after a successful write). */
export function replaceCard<T extends { id: string }>(cards: readonly T[], card: T): T[] {
  return cards.map((c) => (c.id === card.id ? card : c))
}
