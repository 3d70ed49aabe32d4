import { describe, expect, it } from 'vitest'
import { queriesShowingCard } from './card-changed'

describe('what a card change refreshes', () => {
  it('refreshes the board, the card, the queue, the inbox and the figures after a write here', () => {
    expect(queriesShowingCard('p1', 'c1', 'here')).toEqual([
      ['board', 'p1'],
      ['card', 'c1'],
      ['review-queue', 'p1'],
      ['inbox'],
      ['progress', 'p1'],
    ])
  })

  it('leaves the board to the live events, which know our own moves', () => {
    expect(queriesShowingCard('p1', 'c1', 'live')).not.toContainEqual(['board', 'p1'])
    expect(queriesShowingCard('p1', 'c1', 'live')).toContainEqual(['card', 'c1'])
  })

  it('refreshes the plan’s views without a card when many cards changed (an import)', () => {
    expect(queriesShowingCard('p1', null, 'here')).toEqual([
      ['board', 'p1'],
      ['review-queue', 'p1'],
      ['inbox'],
      ['progress', 'p1'],
    ])
  })
})
