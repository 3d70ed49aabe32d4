import { describe, expect, it } from 'vitest'
import { placeCard } from './place-card'

const cards = [
  { id: 'a', status: 'planned' as const, position: 1024 },
  { id: 'b', status: 'planned' as const, position: 2048 },
  { id: 'c', status: 'planned' as const, position: 3072 },
  { id: 'x', status: 'in_progress' as const, position: 1024 },
  { id: 'y', status: 'in_progress' as const, position: 2048 },
]

const ids = (list: { id: string; status: string }[], status: string) =>
  list.filter((c) => c.status === status).map((c) => c.id)

describe('placeCard', () => {
  it('moves a card above the card it was dropped on, between its neighbours', () => {
    const next = placeCard(cards, { cardId: 'a', to: 'in_progress', beforeCardId: 'y' })
    expect(ids(next, 'in_progress')).toEqual(['x', 'a', 'y'])
    expect(next.find((c) => c.id === 'a')).toMatchObject({ status: 'in_progress', position: 1536 })
    expect(ids(next, 'planned')).toEqual(['b', 'c'])
  })

  it('puts a card at the end of the column when beforeCardId is null', () => {
    const next = placeCard(cards, { cardId: 'b', to: 'in_progress', beforeCardId: null })
    expect(ids(next, 'in_progress')).toEqual(['x', 'y', 'b'])
    expect(next.find((c) => c.id === 'b')!.position).toBe(3072)
  })

  it('puts a card at the top, one gap above the first', () => {
    const next = placeCard(cards, { cardId: 'c', to: 'planned', beforeCardId: 'a' })
    expect(ids(next, 'planned')).toEqual(['c', 'a', 'b'])
    expect(next.find((c) => c.id === 'c')!.position).toBe(0)
  })

  it('places a card into an empty column at the first position', () => {
    const next = placeCard(cards, { cardId: 'x', to: 'verified', beforeCardId: null })
    expect(next.find((c) => c.id === 'x')).toMatchObject({ status: 'verified', position: 1024 })
  })

  it('reorders within a column, ignoring the card itself as a neighbour', () => {
    const next = placeCard(cards, { cardId: 'a', to: 'planned', beforeCardId: null })
    expect(ids(next, 'planned')).toEqual(['b', 'c', 'a'])
    expect(next.find((c) => c.id === 'a')!.position).toBe(4096)
  })

  it('does not change the input array', () => {
    const copy = structuredClone(cards)
    placeCard(cards, { cardId: 'a', to: 'verified', beforeCardId: null })
    expect(cards).toEqual(copy)
  })
})
