import { getClientRect, type ClientRect, type UniqueIdentifier } from '@dnd-kit/core'
import type { CardDragData, ColumnDropData } from './drag-to-move'

/** A tile as a drag sees it: its card and where it stands, transforms ignored. */
export interface TileBox {
  data: CardDragData
  rect: ClientRect
}

/** The part of a dnd-kit droppable container the geometry reads. */
export interface ColumnNode {
  id: UniqueIdentifier
  node: { current: HTMLElement | null }
}

/**
 * Where the tiles of each column stand during a drag. Only the columns are dnd-kit
 * droppables: hundreds of droppable tiles would each re-render and be measured at every
 * step of a drag. The tiles of a column are measured from the DOM the first time the drag
 * reaches that column, then reused until a scroll or a change of the board's cards.
 */
export class TileGeometry {
  private readonly boxes = new Map<UniqueIdentifier, TileBox[]>()

  /** Forget every measure (bound: usable as an event listener). */
  readonly forget = (): void => {
    this.boxes.clear()
  }

  /** The column's tiles, top to bottom. */
  tilesIn(column: ColumnNode, data: ColumnDropData): readonly TileBox[] {
    const known = this.boxes.get(column.id)
    if (known) return known
    const list: TileBox[] = []
    const node = column.node.current
    if (node) {
      for (const el of node.querySelectorAll<HTMLElement>('[data-card-id]')) {
        const cardId = el.dataset.cardId
        if (!cardId) continue
        list.push({
          data: { type: 'card', cardId, status: data.status, lane: data.lane },
          // The dragged card's own column shifts its tiles with transforms: measure where
          // they stand in the layout, as dnd-kit measures its droppables.
          rect: getClientRect(el, { ignoreTransform: true }),
        })
      }
    }
    list.sort((a, b) => a.rect.top - b.rect.top)
    this.boxes.set(column.id, list)
    return list
  }

  /** Measures already taken, without measuring (undefined when the drag has not been there). */
  measured(columnId: UniqueIdentifier): readonly TileBox[] | undefined {
    return this.boxes.get(columnId)
  }

  /** For the length of a drag: any scroll moves the tiles on screen. Returns the stop. */
  watch(): () => void {
    this.forget()
    const options = { capture: true, passive: true }
    window.addEventListener('scroll', this.forget, options)
    return () => {
      window.removeEventListener('scroll', this.forget, options)
      this.forget()
    }
  }
}
