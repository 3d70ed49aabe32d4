import {
  KeyboardCode,
  PointerSensor,
  type ClientRect,
  type Collision,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { CARD_STATUSES, type CardStatus } from '@caitien/shared'
import type { PointerEvent as ReactPointerEvent } from 'react'
import {
  readDragData,
  targetOf,
  type BoardDragData,
  type ColumnDropData,
  type DropTarget,
} from './drag-to-move'
import type { TileBox, TileGeometry } from './tile-geometry'

/**
 * A pointer sensor for mouse and pen only: touch goes to the TouchSensor, whose
 * press-and-hold delay keeps a swipe free to scroll the board.
 */
export class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (
        { nativeEvent: event }: ReactPointerEvent,
        options: PointerSensorOptions,
      ): boolean => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false
        options.onActivation?.({ event })
        return true
      },
    },
  ]
}

/** Space picks up and drops, so that Enter stays free to open the card. */
export const KEYBOARD_CODES = {
  start: [KeyboardCode.Space],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space],
}

interface Point {
  x: number
  y: number
}

const centerOf = (r: ClientRect): Point => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })

/** How far a point lies outside a rect (0 inside), in x plus y. */
function distanceOutside(p: Point, r: ClientRect): number {
  const dx = p.x < r.left ? r.left - p.x : p.x > r.right ? p.x - r.right : 0
  const dy = p.y < r.top ? r.top - p.y : p.y > r.bottom ? p.y - r.bottom : 0
  return dx + dy
}

interface ColumnEntry {
  container: DroppableContainer
  data: ColumnDropData
  rect: ClientRect
}

/** The measured columns (the only droppables) of one swimlane. */
function columnsOf(
  containers: Iterable<DroppableContainer>,
  rects: Map<UniqueIdentifier, ClientRect>,
  lane: string,
): ColumnEntry[] {
  const list: ColumnEntry[] = []
  for (const container of containers) {
    const data = readDragData(container.data.current)
    const rect = rects.get(container.id)
    if (data?.type === 'column' && data.lane === lane && rect) list.push({ container, data, rect })
  }
  return list
}

/** Beyond this distance from every column, the pointer is over nothing. */
const COLUMN_SLACK = 48

/**
 * Column first, then card: the column under the point wins (refusing columns included,
 * so a drop on them can be explained), then the card in it nearest the point. Only the
 * dragged card's own swimlane counts. The point is the pointer, or the centre of the
 * dragged card for keyboard drags.
 *
 * The collision names the column (dnd-kit's `over` changes only when the column does);
 * the card-level target rides in its data (`targetOf`). Only the column under the point
 * has its tiles measured.
 */
export function createBoardCollisionDetection(
  geometry: Pick<TileGeometry, 'tilesIn'>,
): CollisionDetection {
  return ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
    const activeData = readDragData(active.data.current)
    if (!activeData) return []
    const point = pointerCoordinates ?? centerOf(collisionRect)
    let column: ColumnEntry | undefined
    let best = Infinity
    for (const e of columnsOf(droppableContainers, droppableRects, activeData.lane)) {
      const d = distanceOutside(point, e.rect)
      if (d < best) {
        best = d
        column = e
      }
    }
    if (!column || best > COLUMN_SLACK) return []
    let target: DropTarget = { data: column.data, rect: column.rect }
    let nearest = Infinity
    for (const tile of geometry.tilesIn(column.container, column.data)) {
      const d = Math.abs(centerOf(tile.rect).y - point.y)
      if (d < nearest) {
        nearest = d
        target = tile
      }
    }
    const collision: Collision = {
      id: column.container.id,
      data: { droppableContainer: column.container, value: 0, target },
    }
    return [collision]
  }
}

/**
 * Arrow keys while a card is lifted: Left/Right jump to the previous/next column (its
 * slot nearest the card's height, or its top when empty), Up/Down step one slot in the
 * current column. dnd-kit's sortableKeyboardCoordinates steps to the nearest droppable
 * in a direction, which skips columns unreliably when heights differ; this does not.
 */
export function createBoardKeyboardCoordinates(
  geometry: Pick<TileGeometry, 'tilesIn'>,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const code = event.code as KeyboardCode
    const horizontal = code === KeyboardCode.Left || code === KeyboardCode.Right
    const vertical = code === KeyboardCode.Up || code === KeyboardCode.Down
    if (!horizontal && !vertical) return undefined
    event.preventDefault()
    const { active, collisionRect, collisions, droppableRects, droppableContainers } = context
    if (!active || !collisionRect) return undefined
    const activeData = readDragData(active.data.current)
    if (!activeData || activeData.type !== 'card') return undefined

    const lane = activeData.lane
    const columns = columnsOf(droppableContainers.getEnabled(), droppableRects, lane)
    const columnOf = (status: CardStatus) => columns.find((e) => e.data.status === status)
    const cardsIn = (status: CardStatus): readonly TileBox[] => {
      const column = columnOf(status)
      return column ? geometry.tilesIn(column.container, column.data) : []
    }

    const overData = targetOf(collisions)?.data ?? null
    const currentStatus = overData && overData.lane === lane ? overData.status : activeData.status
    const here = centerOf(collisionRect)

    /** Put the dragged card's centre on `target`. */
    const to = (target: Point) => ({
      x: target.x - collisionRect.width / 2,
      y: target.y - collisionRect.height / 2,
    })

    /**
     * In another column a card can land before any of its n cards or at the end: slot k
     * (0..n). The point for slot k sits just above card k's centre, or just below the
     * last card's centre for the end, which is what toMoveIntent reads back.
     */
    const slotPoint = (
      cards: readonly TileBox[],
      k: number,
      status: CardStatus,
    ): Point | undefined => {
      const card = cards[k]
      if (card) return { x: centerOf(card.rect).x, y: card.rect.top + card.rect.height * 0.3 }
      const last = cards[cards.length - 1]
      if (last) return { x: centerOf(last.rect).x, y: last.rect.bottom - last.rect.height * 0.2 }
      const column = columnOf(status)
      if (!column) return undefined
      return {
        x: centerOf(column.rect).x,
        y: column.rect.top + Math.min(72, column.rect.height / 2),
      }
    }

    if (vertical) {
      const step = code === KeyboardCode.Down ? 1 : -1
      const cards = cardsIn(currentStatus)
      if (currentStatus === activeData.status) {
        // Own column: the slots are the cards themselves (sortable semantics).
        const overId = overData?.type === 'card' ? overData.cardId : activeData.cardId
        const index = cards.findIndex((e) => e.data.cardId === overId)
        const next = cards[index + step]
        return next ? to(centerOf(next.rect)) : undefined
      }
      const k = currentSlot(cards, overData, here)
      const next = Math.max(0, Math.min(cards.length, k + step))
      if (next === k) return undefined
      const point = slotPoint(cards, next, currentStatus)
      return point ? to(point) : undefined
    }

    const index = CARD_STATUSES.indexOf(currentStatus) + (code === KeyboardCode.Right ? 1 : -1)
    const status = CARD_STATUSES[index]
    if (!status) return undefined
    if (status === activeData.status) {
      const home = cardsIn(status).find((e) => e.data.cardId === activeData.cardId)
      return home ? to(centerOf(home.rect)) : undefined
    }
    const cards = cardsIn(status)
    let k = cards.findIndex((e) => centerOf(e.rect).y > here.y)
    if (k === -1) k = cards.length
    const point = slotPoint(cards, k, status)
    return point ? to(point) : undefined
  }
}

/** The slot (0..n) the dragged card occupies in a column that is not its own. */
function currentSlot(
  cards: readonly TileBox[],
  overData: BoardDragData | null,
  here: Point,
): number {
  if (!overData || overData.type === 'column') return cards.length
  const index = cards.findIndex((e) => e.data.cardId === overData.cardId)
  if (index === -1) return cards.length
  return here.y > centerOf(cards[index]!.rect).y ? index + 1 : index
}
