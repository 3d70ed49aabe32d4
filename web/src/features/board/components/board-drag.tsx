import {
  useDraggable,
  type DraggableSyntheticListeners,
  type KeyboardSensorOptions,
} from '@dnd-kit/core'
import { createContext, useContext, useLayoutEffect, useSyncExternalStore } from 'react'
import type { RefObject } from 'react'
import {
  KEYBOARD_CODES,
  createBoardCollisionDetection,
  createBoardKeyboardCoordinates,
} from '../board-dnd'
import type { CardDragData } from '../drag-to-move'
import { DragStore, type DragSnapshot } from '../drag-store'
import { TileGeometry } from '../tile-geometry'

/**
 * One board's drag machinery, made once per board and never replaced: the store the
 * tiles and columns read, the tile measures, and the dnd-kit functions that use them.
 */
export class BoardDrag {
  readonly store = new DragStore()
  readonly geometry = new TileGeometry()
  readonly collisionDetection = createBoardCollisionDetection(this.geometry)
  readonly keyboardSensorOptions: KeyboardSensorOptions = {
    keyboardCodes: KEYBOARD_CODES,
    coordinateGetter: createBoardKeyboardCoordinates(this.geometry),
  }

  /** @param helpId the element that tells screen-reader users how to drag a tile */
  constructor(readonly helpId: string) {}
}

const BoardDragContext = createContext<BoardDrag | null>(null)

export const BoardDragProvider = BoardDragContext.Provider

export function useBoardDrag(): BoardDrag {
  const drag = useContext(BoardDragContext)
  if (!drag) throw new Error('useBoardDrag outside a board')
  return drag
}

/** This component's part of the drag state: it re-renders only when that part changes. */
export function useDragState<T>(drag: BoardDrag, select: (s: DragSnapshot) => T): T {
  return useSyncExternalStore(drag.store.subscribe, () => select(drag.store.get()))
}

/** The events dnd-kit's sensors start from (MousePointerSensor, TouchSensor, KeyboardSensor). */
export type ActivatorEventName = 'onPointerDown' | 'onTouchStart' | 'onKeyDown'

/** What an armed tile gets from its binding: the sensors' activators, and where to say its node. */
export interface Binding {
  listeners: DraggableSyntheticListeners
  setNodeRef: (node: HTMLElement | null) => void
}

/**
 * Makes an armed tile a dnd-kit draggable: registers its node under the card's id and
 * hands the sensors' activators to the tile. Renders nothing.
 *
 * A tile that mounts already armed (the dragged card, in its new column after the drop)
 * mounts its binding in the same commit: the binding's layout effect runs before the
 * tile's ref is attached, so the tile's ref also passes its node on (`bindingRef`).
 */
export function DragBinding({
  data,
  nodeRef,
  bindingRef,
}: {
  data: CardDragData
  nodeRef: RefObject<HTMLElement | null>
  bindingRef: { current: Binding | null }
}) {
  const { listeners, setNodeRef } = useDraggable({ id: data.cardId, data })
  useLayoutEffect(() => {
    setNodeRef(nodeRef.current)
    bindingRef.current = { listeners, setNodeRef }
    return () => {
      bindingRef.current = null
    }
  }, [bindingRef, listeners, nodeRef, setNodeRef])
  return null
}
