import { replaceEqualDeep } from '@tanstack/react-query'

interface Keyed {
  id: string
}

/**
 * Structural sharing for data that holds a `cards` list: unchanged cards keep their old
 * objects, matched by id. TanStack's default (replaceEqualDeep) matches array items by
 * index, so a card that moves (and the server orders cards differently from the board)
 * shifts every card after it onto a new object: every tile re-renders after each move.
 * Everything else is shared the default way. When every card is unchanged the old list is
 * kept as it is, in its order: nothing that reads the cards re-renders.
 */
export function shareCards(oldData: unknown, newData: unknown): unknown {
  if (!hasCards(oldData) || !hasCards(newData)) return replaceEqualDeep(oldData, newData)
  const { cards: oldCards, ...oldRest } = oldData
  const { cards: newCards, ...newRest } = newData
  const rest = replaceEqualDeep(oldRest, newRest)
  const cards = shareById(oldCards, newCards)
  if (rest === oldRest && cards === oldCards) return oldData
  return { ...rest, cards }
}

function shareById(oldCards: readonly Keyed[], newCards: readonly Keyed[]): readonly Keyed[] {
  // An optimistic update keeps most objects as they were: those need no lookup at all.
  let byId: Map<string, Keyed> | undefined
  let unchanged = oldCards.length === newCards.length
  const cards = newCards.map((card, i) => {
    if (oldCards[i] === card) return card
    byId ??= new Map(oldCards.map((c) => [c.id, c]))
    const old = byId.get(card.id)
    if (old && (old === card || sameFields(old, card))) return old
    unchanged = false
    return card
  })
  return unchanged ? oldCards : cards
}

/**
 * Plain JSON objects of primitives, arrays of primitives and such objects (a board card,
 * its send-back marker).
 */
function sameFields(a: object, b: object): boolean {
  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  for (const key of aKeys) {
    const x: unknown = (a as Record<string, unknown>)[key]
    const y: unknown = (b as Record<string, unknown>)[key]
    if (x === y) continue
    if (isRecord(x) && isRecord(y)) {
      if (sameFields(x, y)) continue
      return false
    }
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  }
  return true
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasCards(data: unknown): data is { cards: readonly Keyed[] } & Record<string, unknown> {
  if (!data || typeof data !== 'object') return false
  const cards = (data as { cards?: unknown }).cards
  return (
    Array.isArray(cards) &&
    cards.every((c) => c && typeof c === 'object' && typeof (c as Keyed).id === 'string')
  )
}
