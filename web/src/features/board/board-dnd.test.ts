import { KeyboardCode, type ClientRect, type DroppableContainer } from '@dnd-kit/core'
import type { CardStatus } from '@caitien/shared'
import { describe, expect, it } from 'vitest'
import { createBoardCollisionDetection, createBoardKeyboardCoordinates } from './board-dnd'
import { columnDropId, targetOf, type ColumnDropData } from './drag-to-move'
import type { TileBox } from './tile-geometry'

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
})

// Two columns 200 px wide; "planned" holds a, b, c (60 px tiles, 10 px apart), "in_progress" x.
const columns: { status: CardStatus; rect: ClientRect; cards: string[] }[] = [
  { status: 'planned', rect: rect(0, 0, 200, 600), cards: ['a', 'b', 'c'] },
  { status: 'in_progress', rect: rect(220, 0, 200, 600), cards: ['x'] },
]

function container(status: CardStatus, lane = 'all'): DroppableContainer {
  const data: ColumnDropData = { type: 'column', status, lane }
  return {
    id: columnDropId(lane, status),
    key: status,
    data: { current: data },
    disabled: false,
    node: { current: null },
    rect: { current: null },
  }
}

const containers = columns.map((c) => container(c.status))
const rects = new Map(columns.map((c) => [columnDropId('all', c.status), c.rect]))
const geometry = {
  tilesIn: (_column: unknown, data: ColumnDropData): readonly TileBox[] =>
    (columns.find((c) => c.status === data.status)?.cards ?? []).map((cardId, i) => ({
      data: { type: 'card', cardId, status: data.status, lane: data.lane },
      rect: rect(
        columns.find((c) => c.status === data.status)!.rect.left + 8,
        40 + i * 70,
        184,
        60,
      ),
    })),
}

const active = (cardId: string, status: CardStatus, lane = 'all') => ({
  id: cardId,
  data: { current: { type: 'card', cardId, status, lane } },
  rect: { current: { initial: null, translated: null } },
})

const detect = createBoardCollisionDetection(geometry)

describe('board collision detection', () => {
  it('names the column under the point and carries the nearest card as the target', () => {
    const collisions = detect({
      active: active('a', 'planned'),
      collisionRect: rect(0, 0, 1, 1),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: { x: 300, y: 50 },
    })
    expect(collisions.map((c) => c.id)).toEqual([columnDropId('all', 'in_progress')])
    expect(targetOf(collisions)?.data).toEqual({
      type: 'card',
      cardId: 'x',
      status: 'in_progress',
      lane: 'all',
    })
  })

  it('uses the centre of the dragged card without a pointer (keyboard)', () => {
    const collisions = detect({
      active: active('a', 'planned'),
      collisionRect: rect(8, 180, 184, 60),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: null,
    })
    expect(targetOf(collisions)?.data).toMatchObject({ cardId: 'c' })
  })

  it('is over nothing far from every column, and ignores other swimlanes', () => {
    const far = detect({
      active: active('a', 'planned'),
      collisionRect: rect(0, 0, 1, 1),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: { x: 900, y: 50 },
    })
    expect(far).toEqual([])
    const otherLane = detect({
      active: active('a', 'planned', '2'),
      collisionRect: rect(0, 0, 1, 1),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: { x: 50, y: 50 },
    })
    expect(otherLane).toEqual([])
  })
})

describe('board keyboard coordinates', () => {
  const getter = createBoardKeyboardCoordinates(geometry)
  const press = (code: KeyboardCode, collisionRect: ClientRect, overCard: string) => {
    const collisions = detect({
      active: active('a', 'planned'),
      collisionRect,
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: null,
    })
    expect(targetOf(collisions)?.data).toMatchObject({ cardId: overCard })
    const map = Object.assign(new Map(containers.map((c) => [c.id, c])), {
      getEnabled: () => containers,
    })
    const event = { code, preventDefault: () => undefined } as unknown as KeyboardEvent
    return getter(event, {
      active: 'a',
      currentCoordinates: { x: collisionRect.left, y: collisionRect.top },
      context: {
        active: active('a', 'planned'),
        collisionRect,
        collisions,
        droppableRects: rects,
        droppableContainers: map,
      },
    } as unknown as Parameters<typeof getter>[1])
  }

  it('steps down one card in its own column', () => {
    // The card sits on its own slot: a → b's centre.
    expect(press(KeyboardCode.Down, rect(8, 40, 184, 60), 'a')).toEqual({ x: 8, y: 110 })
  })

  it('jumps to the next column, above the card nearest its height', () => {
    // The card's centre (y 60) is above x's (y 70): it goes before x, at the point 30 % down
    // x (y 58), so the card's top is at 28.
    expect(press(KeyboardCode.Right, rect(8, 30, 184, 60), 'a')).toEqual({ x: 228, y: 28 })
    // Level with x's centre or below it: after x, 20 % above its bottom (y 88).
    expect(press(KeyboardCode.Right, rect(8, 40, 184, 60), 'a')).toEqual({ x: 228, y: 58 })
  })
})
