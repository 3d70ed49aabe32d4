import { describe, expect, it } from 'vitest'
import { isOwnMoveEcho, noteMissedEvent, noteOwnMove, takeMissedEvents } from './board-sync'

describe('board sync', () => {
  it('recognises the echo of our own move once, for that card, version and plan only', () => {
    noteOwnMove('p1', 'c1', 4)
    expect(isOwnMoveEcho('p1', 'c1', 3)).toBe(false)
    expect(isOwnMoveEcho('p2', 'c1', 4)).toBe(false)
    expect(isOwnMoveEcho('p1', 'c2', 4)).toBe(false)
    expect(isOwnMoveEcho('p1', 'c1', 4)).toBe(true)
    // A later event at the same version (a comment by someone else) is news again.
    expect(isOwnMoveEcho('p1', 'c1', 4)).toBe(false)
  })

  it('keeps only the most recent echoes', () => {
    for (let v = 1; v <= 100; v++) noteOwnMove('p3', 'c', v)
    expect(isOwnMoveEcho('p3', 'c', 1)).toBe(false)
    expect(isOwnMoveEcho('p3', 'c', 100)).toBe(true)
  })

  it('remembers events missed during a move until asked, once, leaving out its echo', () => {
    expect(takeMissedEvents('p4')).toBe(false)
    noteMissedEvent('p4', 'c1', 7)
    expect(takeMissedEvents('p4', { cardId: 'c1', version: 7 })).toBe(false)
    noteMissedEvent('p4', 'c1', 7)
    noteMissedEvent('p4', 'c2', 3)
    expect(takeMissedEvents('p4', { cardId: 'c1', version: 7 })).toBe(true)
    expect(takeMissedEvents('p4')).toBe(false)
    noteMissedEvent('p4', null, null)
    expect(takeMissedEvents('p4', { cardId: 'c1', version: 7 })).toBe(true)
  })
})
