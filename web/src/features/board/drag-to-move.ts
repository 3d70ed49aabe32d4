import { isCardStatus, type CardStatus } from '@caitien/shared'

/** What a card tile carries while dragged (also its droppable data as a sortable item). */
export interface CardDragData {
  type: 'card'
  cardId: string
  status: CardStatus
  /** The swimlane (standard) the tile sits in; 'all' without swimlanes. */
  lane: string
}

/** What a column (or a swimlane cell) carries as a drop target. */
export interface ColumnDropData {
  type: 'column'
  status: CardStatus
  lane: string
}

export type BoardDragData = CardDragData | ColumnDropData

export interface MoveIntent {
  /** 'reorder' stays in the column (POST /reorder); 'move' changes status (POST /move). */
  kind: 'move' | 'reorder'
  cardId: string
  from: CardStatus
  to: CardStatus
  /** The card it lands above; null for the end of the column. */
  beforeCardId: string | null
}

interface RectLike {
  top: number
  height: number
}

/** The parts of dnd-kit's DragEndEvent this module reads (a DragEndEvent fits). */
export interface DragEndLike {
  active: {
    data: { current?: unknown }
    rect: { current: { translated: RectLike | null } }
  }
  over: { data: { current?: unknown }; rect: RectLike } | null
}

export const columnDropId = (lane: string, status: CardStatus) => `column:${lane}:${status}`

/**
 * Where the dragged card would land: a card (its slot) or a column (its end). Only the
 * columns are dnd-kit droppables, so `over` names a column; the collision detection
 * carries the card-level target in the collision's data.
 */
export interface DropTarget {
  data: BoardDragData
  rect: RectLike
}

/** The target the collision detection put in the first collision, if any. */
export function targetOf(
  collisions: readonly { data?: Record<string, unknown> }[] | null | undefined,
): DropTarget | null {
  const target = collisions?.[0]?.data?.target as { data?: unknown; rect?: unknown } | undefined
  if (!target || typeof target !== 'object') return null
  const data = readDragData(target.data)
  const rect = target.rect as Partial<RectLike> | null | undefined
  if (!data || typeof rect?.top !== 'number' || typeof rect.height !== 'number') return null
  return { data, rect: { top: rect.top, height: rect.height } }
}

/** A drag event seen with its card-level target as `over` (what toMoveIntent reads). */
export function withTarget(active: DragEndLike['active'], target: DropTarget | null): DragEndLike {
  return { active, over: target ? { data: { current: target.data }, rect: target.rect } : null }
}

export function readDragData(data: unknown): BoardDragData | null {
  if (!data || typeof data !== 'object') return null
  const d = data as { type?: unknown; cardId?: unknown; status?: unknown; lane?: unknown }
  if (!isCardStatus(d.status) || typeof d.lane !== 'string') return null
  if (d.type === 'card' && typeof d.cardId === 'string') {
    return { type: 'card', cardId: d.cardId, status: d.status, lane: d.lane }
  }
  if (d.type === 'column') return { type: 'column', status: d.status, lane: d.lane }
  return null
}

const centerY = (r: RectLike) => r.top + r.height / 2

/**
 * Where a drop lands, or null when it changes nothing. The only place that knows
 * dnd-kit's event shape. `columnCardIds(lane, status)` lists the card ids shown in
 * that column, top to bottom.
 *
 * - Same column: sortable semantics; the card takes the slot of the card it is over.
 * - Other column, over a card: above it, or below it when the dragged card's centre is
 *   past the other's centre. Over the column itself: at the end.
 * - Another swimlane: nothing (a drag never changes the standard).
 */
export function toMoveIntent(
  event: DragEndLike,
  columnCardIds: (lane: string, status: CardStatus) => readonly string[],
): MoveIntent | null {
  const active = readDragData(event.active.data.current)
  const over = event.over ? readDragData(event.over.data.current) : null
  if (!active || active.type !== 'card' || !over || !event.over) return null
  if (over.lane !== active.lane) return null
  const ids = columnCardIds(over.lane, over.status)
  const base = { cardId: active.cardId, from: active.status, to: over.status }

  if (over.status === active.status) {
    const from = ids.indexOf(active.cardId)
    const to = over.type === 'card' ? ids.indexOf(over.cardId) : ids.length - 1
    if (from === -1 || to === -1 || from === to) return null
    const reordered = ids.filter((id) => id !== active.cardId)
    reordered.splice(to, 0, active.cardId)
    return { ...base, kind: 'reorder', beforeCardId: reordered[to + 1] ?? null }
  }

  if (over.type === 'column') return { ...base, kind: 'move', beforeCardId: null }
  const index = ids.indexOf(over.cardId)
  if (index === -1) return { ...base, kind: 'move', beforeCardId: null }
  const dragged = event.active.rect.current.translated
  const below = dragged !== null && centerY(dragged) > centerY(event.over.rect)
  const beforeCardId = below ? (ids[index + 1] ?? null) : over.cardId
  return { ...base, kind: 'move', beforeCardId }
}
