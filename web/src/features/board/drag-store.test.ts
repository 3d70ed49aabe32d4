import { describe, expect, it } from 'vitest'
import { DragStore, sortingOffsets, type DragSession } from './drag-store'

// Four tiles of 40 px, 8 px apart.
const tiles = ['a', 'b', 'c', 'd'].map((cardId, i) => ({
  cardId,
  rect: { top: 100 + i * 48, height: 40 },
}))

describe('sortingOffsets', () => {
  it('moves nothing while the card is over its own slot or elsewhere', () => {
    expect(sortingOffsets(tiles, 'b', 'b').size).toBe(0)
    expect(sortingOffsets(tiles, 'b', null).size).toBe(0)
    expect(sortingOffsets(tiles, 'b', 'x').size).toBe(0)
  })

  it('dragged down: the placeholder takes the slot, the tiles between move up', () => {
    expect(Object.fromEntries(sortingOffsets(tiles, 'a', 'c'))).toEqual({ a: 96, b: -48, c: -48 })
  })

  it('dragged up: the tiles between move down', () => {
    expect(Object.fromEntries(sortingOffsets(tiles, 'd', 'b'))).toEqual({ d: -96, b: 48, c: 48 })
  })
})

const session: DragSession = {
  cardId: 'a',
  lane: 'all',
  status: 'planned',
  allowed: ['planned'],
  refusals: {},
}

describe('DragStore', () => {
  it('notifies on changes only', () => {
    const store = new DragStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.start(session)
    store.shift(new Map())
    expect(calls).toBe(1)
    store.shift(new Map([['a', 10]]))
    store.shift(new Map([['a', 10]]))
    expect(calls).toBe(2)
    store.end(false)
    expect(store.get()).toMatchObject({ session: null, flyBack: false })
    expect(store.get().offsets.size).toBe(0)
  })

  it('arms a few tiles, letting the oldest go but never the dragged one', () => {
    const store = new DragStore()
    store.arm('a')
    store.start(session)
    for (const id of ['b', 'c', 'd', 'e']) store.arm(id)
    expect(store.get().armed).toEqual(['a', 'd', 'e'])
    store.end(true)
    store.arm('f')
    expect(store.get().armed).toEqual(['d', 'e', 'f'])
  })
})
