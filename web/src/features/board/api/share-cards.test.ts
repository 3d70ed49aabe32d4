import { describe, expect, it } from 'vitest'
import { shareCards } from './share-cards'

const card = (id: string, status: string, position: number, assigneeIds: string[] = []) => ({
  id,
  status,
  position,
  assigneeIds,
})

describe('shareCards', () => {
  it('keeps unchanged cards (by id) when the order changes', () => {
    const a = card('a', 'planned', 1)
    const b = card('b', 'planned', 2)
    const c = card('c', 'in_progress', 1)
    const old = { members: [{ id: 'u' }], cards: [a, b, c] }
    const next = {
      members: [{ id: 'u' }],
      cards: [card('c', 'in_progress', 1), card('a', 'in_progress', 0.5), card('b', 'planned', 2)],
    }
    const shared = shareCards(old, next) as typeof old
    expect(shared.cards.map((x) => x.id)).toEqual(['c', 'a', 'b'])
    expect(shared.cards[0]).toBe(c)
    expect(shared.cards[1]).not.toBe(a)
    expect(shared.cards[1]).toEqual(card('a', 'in_progress', 0.5))
    expect(shared.cards[2]).toBe(b)
    expect(shared.members).toBe(old.members)
  })

  it('returns the old data when nothing changed, whatever the order', () => {
    const old = {
      plan: { id: 'p' },
      cards: [card('a', 'planned', 1, ['u']), card('b', 'verified', 1)],
    }
    const next = {
      plan: { id: 'p' },
      cards: [card('b', 'verified', 1), card('a', 'planned', 1, ['u'])],
    }
    expect(shareCards(old, next)).toBe(old)
  })

  it('sees a change in an array field, an added and a removed card', () => {
    const old = { cards: [card('a', 'planned', 1, ['u']), card('b', 'planned', 2)] }
    const changed = shareCards(old, {
      cards: [card('a', 'planned', 1, ['v']), card('b', 'planned', 2)],
    }) as typeof old
    expect(changed.cards[0]!.assigneeIds).toEqual(['v'])
    expect(changed.cards[1]).toBe(old.cards[1])
    const added = shareCards(old, { cards: [...old.cards, card('c', 'planned', 3)] }) as typeof old
    expect(added.cards).toHaveLength(3)
    const removed = shareCards(old, { cards: [card('a', 'planned', 1, ['u'])] }) as typeof old
    expect(removed.cards).toEqual([old.cards[0]])
    expect(removed.cards[0]).toBe(old.cards[0])
  })

  it('keeps a card whose send-back marker is equal, and sees a changed one', () => {
    const mark = (reason: string) => ({ reason, at: '2026-11-02T08:00:00.000Z', reviewer: 'M' })
    const old = { cards: [{ ...card('a', 'in_progress', 1), sentBack: mark('x') }] }
    expect(
      shareCards(old, { cards: [{ ...card('a', 'in_progress', 1), sentBack: mark('x') }] }),
    ).toBe(old)
    const changed = shareCards(old, {
      cards: [{ ...card('a', 'in_progress', 1), sentBack: mark('y') }],
    }) as typeof old
    expect(changed.cards[0]!.sentBack.reason).toBe('y')
  })

  it('shares other data the default way', () => {
    expect(shareCards(undefined, { cards: [] })).toEqual({ cards: [] })
    const old = { a: { b: 1 } }
    expect(shareCards(old, { a: { b: 1 } })).toBe(old)
  })
})
