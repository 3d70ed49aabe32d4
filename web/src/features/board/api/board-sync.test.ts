import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { isOwnMoveEcho, noteMissedEvent, noteOwnMove, takeMissedEvents } from './board-sync'

describe('board sync', () => {
  it('recognises the echo of our own move once, for that card, version and plan only', () => {
    const client = new QueryClient()
    noteOwnMove(client, 'p1', 'c1', 4)
    expect(isOwnMoveEcho(client, 'p1', 'c1', 3)).toBe(false)
    expect(isOwnMoveEcho(client, 'p2', 'c1', 4)).toBe(false)
    expect(isOwnMoveEcho(client, 'p1', 'c2', 4)).toBe(false)
    expect(isOwnMoveEcho(client, 'p1', 'c1', 4)).toBe(true)
    // A later event at the same version (a comment by someone else) is news again.
    expect(isOwnMoveEcho(client, 'p1', 'c1', 4)).toBe(false)
  })

  it('keeps only the most recent echoes', () => {
    const client = new QueryClient()
    for (let v = 1; v <= 100; v++) noteOwnMove(client, 'p3', 'c', v)
    expect(isOwnMoveEcho(client, 'p3', 'c', 1)).toBe(false)
    expect(isOwnMoveEcho(client, 'p3', 'c', 100)).toBe(true)
  })

  it('remembers events missed during a move until asked, once, leaving out its echo', () => {
    const client = new QueryClient()
    expect(takeMissedEvents(client, 'p4')).toBe(false)
    noteMissedEvent(client, 'p4', 'c1', 7)
    expect(takeMissedEvents(client, 'p4', { cardId: 'c1', version: 7 })).toBe(false)
    noteMissedEvent(client, 'p4', 'c1', 7)
    noteMissedEvent(client, 'p4', 'c2', 3)
    expect(takeMissedEvents(client, 'p4', { cardId: 'c1', version: 7 })).toBe(true)
    expect(takeMissedEvents(client, 'p4')).toBe(false)
    noteMissedEvent(client, 'p4', null, null)
    expect(takeMissedEvents(client, 'p4', { cardId: 'c1', version: 7 })).toBe(true)
  })

  it('keeps each query client to itself: two clients on one plan share no echo and no event', () => {
    const one = new QueryClient()
    const other = new QueryClient()
    noteOwnMove(one, 'p5', 'c1', 2)
    noteMissedEvent(one, 'p5', 'c2', 9)
    expect(isOwnMoveEcho(other, 'p5', 'c1', 2)).toBe(false)
    expect(takeMissedEvents(other, 'p5')).toBe(false)
    // The first client still has both.
    expect(isOwnMoveEcho(one, 'p5', 'c1', 2)).toBe(true)
    expect(takeMissedEvents(one, 'p5')).toBe(true)
  })
})
