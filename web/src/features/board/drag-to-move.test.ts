import { describe, expect, it } from 'vitest'
import {
  targetOf,
  toMoveIntent,
  withTarget,
  type BoardDragData,
  type DragEndLike,
} from './drag-to-move'

const columns: Record<string, string[]> = {
  planned: ['a', 'b', 'c'],
  in_progress: ['x', 'y'],
  evidence_submitted: [],
  verified: [],
}
const columnCardIds = (_lane: string, status: string) => columns[status] ?? []

function card(cardId: string, status: string, lane = 'all'): BoardDragData {
  return { type: 'card', cardId, status, lane } as BoardDragData
}
function column(status: string, lane = 'all'): BoardDragData {
  return { type: 'column', status, lane } as BoardDragData
}
function event(
  active: BoardDragData,
  over: BoardDragData | null,
  rects: { dragged?: number; over?: number } = {},
): DragEndLike {
  return {
    active: {
      data: { current: active },
      rect: { current: { translated: { top: rects.dragged ?? 0, height: 40 } } },
    },
    over: over ? { data: { current: over }, rect: { top: rects.over ?? 0, height: 40 } } : null,
  }
}

describe('toMoveIntent', () => {
  it('returns null when dropped outside any column', () => {
    expect(toMoveIntent(event(card('a', 'planned'), null), columnCardIds)).toBeNull()
  })

  it('moves to the end of another column when dropped on the column itself', () => {
    expect(toMoveIntent(event(card('a', 'planned'), column('verified')), columnCardIds)).toEqual({
      kind: 'move',
      cardId: 'a',
      from: 'planned',
      to: 'verified',
      beforeCardId: null,
    })
  })

  it('lands above a card of another column when dropped on its upper half', () => {
    const intent = toMoveIntent(
      event(card('a', 'planned'), card('y', 'in_progress'), { dragged: 90, over: 100 }),
      columnCardIds,
    )
    expect(intent).toMatchObject({ kind: 'move', to: 'in_progress', beforeCardId: 'y' })
  })

  it('lands below a card of another column when dropped past its centre', () => {
    const lower = toMoveIntent(
      event(card('a', 'planned'), card('x', 'in_progress'), { dragged: 130, over: 100 }),
      columnCardIds,
    )
    expect(lower).toMatchObject({ beforeCardId: 'y' })
    const last = toMoveIntent(
      event(card('a', 'planned'), card('y', 'in_progress'), { dragged: 130, over: 100 }),
      columnCardIds,
    )
    expect(last).toMatchObject({ beforeCardId: null })
  })

  it('reorders down within a column: the card goes after the one it is over', () => {
    expect(toMoveIntent(event(card('a', 'planned'), card('b', 'planned')), columnCardIds)).toEqual({
      kind: 'reorder',
      cardId: 'a',
      from: 'planned',
      to: 'planned',
      beforeCardId: 'c',
    })
    expect(
      toMoveIntent(event(card('a', 'planned'), card('c', 'planned')), columnCardIds),
    ).toMatchObject({ kind: 'reorder', beforeCardId: null })
  })

  it('reorders up within a column: the card goes before the one it is over', () => {
    expect(
      toMoveIntent(event(card('c', 'planned'), card('a', 'planned')), columnCardIds),
    ).toMatchObject({ kind: 'reorder', beforeCardId: 'a' })
  })

  it('ignores a drop on the card itself', () => {
    expect(
      toMoveIntent(event(card('b', 'planned'), card('b', 'planned')), columnCardIds),
    ).toBeNull()
  })

  it('ignores a drop into another swimlane', () => {
    expect(
      toMoveIntent(event(card('a', 'planned', '1'), column('in_progress', '2')), columnCardIds),
    ).toBeNull()
  })

  it('ignores data that is not ours', () => {
    const bad: DragEndLike = {
      active: { data: { current: { foo: 1 } }, rect: { current: { translated: null } } },
      over: { data: { current: column('verified') }, rect: { top: 0, height: 1 } },
    }
    expect(toMoveIntent(bad, columnCardIds)).toBeNull()
  })
})

describe('targetOf and withTarget', () => {
  it('reads the card-level target from the first collision and feeds it to toMoveIntent', () => {
    const target = { data: card('y', 'in_progress'), rect: { top: 100, height: 40 } }
    const collisions = [{ id: 'column:all:in_progress', data: { droppableContainer: {}, target } }]
    expect(targetOf(collisions)).toEqual(target)
    const dragged = event(card('a', 'planned'), null, { dragged: 90 }).active
    expect(toMoveIntent(withTarget(dragged, targetOf(collisions)), columnCardIds)).toMatchObject({
      kind: 'move',
      to: 'in_progress',
      beforeCardId: 'y',
    })
  })

  it('has no target without collisions or with data that is not ours', () => {
    expect(targetOf(null)).toBeNull()
    expect(targetOf([])).toBeNull()
    expect(
      targetOf([{ data: { target: { data: { foo: 1 }, rect: { top: 0, height: 1 } } } }]),
    ).toBeNull()
    expect(withTarget(event(card('a', 'planned'), null).active, null).over).toBeNull()
  })
})
