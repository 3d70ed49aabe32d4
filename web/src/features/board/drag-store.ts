import type { CardStatus } from '@caitien/shared'

/** The card being dragged and which columns take it (computed once, at the start). */
export interface DragSession {
  cardId: string
  lane: string
  status: CardStatus
  allowed: readonly CardStatus[]
  refusals: Partial<Record<CardStatus, string>>
}

export interface DragSnapshot {
  /** Tiles wired to dnd-kit (useDraggable), most recent last: see `arm`. */
  armed: readonly string[]
  session: DragSession | null
  /** px each tile of the dragged card's own column moves to make room, by card id. */
  offsets: ReadonlyMap<string, number>
  /** Whether the overlay flies back to the tile when the drag ends (refused, cancelled). */
  flyBack: boolean
}

const NO_OFFSETS: ReadonlyMap<string, number> = new Map()

const IDLE: DragSnapshot = { armed: [], session: null, offsets: NO_OFFSETS, flyBack: true }

/** More than one, so that a tile pressed while another's press is pending keeps its own. */
const ARMED_MAX = 3

/**
 * What a drag changes on the board, outside React state: each tile and column reads only
 * its own part (useSyncExternalStore with a selector), so a step of the drag re-renders
 * the few components whose part changed, not the whole board.
 */
export class DragStore {
  private snapshot: DragSnapshot = IDLE
  private readonly listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  readonly get = (): DragSnapshot => this.snapshot

  /**
   * Wire this card's tile to dnd-kit, just before its first press or key reaches a
   * sensor: only a few tiles are draggables at any time, so a drag step re-renders a few
   * hook consumers instead of every tile. The oldest is let go, never the dragged card.
   */
  arm(cardId: string): void {
    const { armed, session } = this.snapshot
    if (armed.includes(cardId)) return
    const next = [...armed, cardId]
    while (next.length > ARMED_MAX) {
      const drop = next.findIndex((id) => id !== session?.cardId)
      next.splice(drop, 1)
    }
    this.set({ ...this.snapshot, armed: next })
  }

  start(session: DragSession): void {
    this.set({ ...this.snapshot, session, offsets: NO_OFFSETS, flyBack: true })
  }

  /** The own column's tiles make room at these offsets (no change, no notification). */
  shift(offsets: ReadonlyMap<string, number>): void {
    if (sameOffsets(offsets, this.snapshot.offsets)) return
    this.set({ ...this.snapshot, offsets: offsets.size === 0 ? NO_OFFSETS : offsets })
  }

  end(flyBack: boolean): void {
    this.set({ ...this.snapshot, session: null, offsets: NO_OFFSETS, flyBack })
  }

  private set(next: DragSnapshot): void {
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }
}

function sameOffsets(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false
  for (const [id, y] of a) if (b.get(id) !== y) return false
  return true
}

export interface SlotRect {
  cardId: string
  rect: { top: number; height: number }
}

/**
 * The sortable look of the dragged card's own column, as @dnd-kit/sortable's
 * verticalListSortingStrategy draws it: the dragged tile's placeholder takes the slot of
 * the card it is over and the tiles in between move by its height (plus the gap) to make
 * room. `tiles` are the column's tiles top to bottom; empty when the target is elsewhere.
 */
export function sortingOffsets(
  tiles: readonly SlotRect[],
  activeId: string,
  overId: string | null,
): Map<string, number> {
  const offsets = new Map<string, number>()
  const activeIndex = tiles.findIndex((t) => t.cardId === activeId)
  const overIndex = overId === null ? -1 : tiles.findIndex((t) => t.cardId === overId)
  if (activeIndex === -1 || overIndex === -1 || activeIndex === overIndex) return offsets
  const active = tiles[activeIndex]!.rect
  const over = tiles[overIndex]!.rect
  offsets.set(
    activeId,
    activeIndex < overIndex
      ? over.top + over.height - (active.top + active.height)
      : over.top - active.top,
  )
  for (let i = 0; i < tiles.length; i++) {
    if (i > activeIndex && i <= overIndex) {
      offsets.set(tiles[i]!.cardId, -(active.height + gapAt(tiles, i, activeIndex)))
    } else if (i < activeIndex && i >= overIndex) {
      offsets.set(tiles[i]!.cardId, active.height + gapAt(tiles, i, activeIndex))
    }
  }
  return offsets
}

/** The space between tile i and its neighbour on the dragged card's side (sortable's rule). */
function gapAt(tiles: readonly SlotRect[], i: number, activeIndex: number): number {
  const current = tiles[i]!.rect
  const previous = tiles[i - 1]?.rect
  const next = tiles[i + 1]?.rect
  const below = next ? next.top - (current.top + current.height) : undefined
  const above = previous ? current.top - (previous.top + previous.height) : undefined
  return (activeIndex < i ? (above ?? below) : (below ?? above)) ?? 0
}
