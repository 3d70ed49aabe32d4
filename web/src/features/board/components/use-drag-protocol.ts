import type { Actor, CardStatus, Lang } from '@caitien/shared'
import type {
  Active,
  Announcements,
  DragEndEvent,
  DragMoveEvent,
  DragOverEvent,
  DragStartEvent,
  ScreenReaderInstructions,
} from '@dnd-kit/core'
import { useEffect, useMemo, useRef } from 'react'
import type { BoardCard } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import {
  cancelled,
  dropped,
  overTarget,
  pickedUp,
  spokenTitle,
  targetKey,
} from '../drag-announcements'
import { dragGuide } from '../drag-guide'
import { sortingOffsets, type DragSession } from '../drag-store'
import {
  columnDropId,
  readDragData,
  targetOf,
  toMoveIntent,
  withTarget,
  type DropTarget,
} from '../drag-to-move'
import type { BoardDrag } from './board-drag'

/** What one drag knows between dnd-kit's events; one object, reset when a drag starts. */
interface DragProgress {
  /** The drag's card and guide, kept after the drop for the final announcement. */
  session: DragSession | null
  /** Where the card would land now (set before dnd-kit's announcements read it). */
  target: DropTarget | null
  /** What the screen reader was last told about the target (targetKey). */
  spoken: string
  /** Stops the tile measures' scroll watch. */
  stopWatching: (() => void) | null
}

/** What the board does once a drop is decided. */
export interface DropHandlers {
  /** A drop the rule allows: the move (or reorder) to request. */
  onMove: (card: BoardCard, to: CardStatus, beforeCardId: string | null) => void
  /** A drop the rule refuses: the card flies back; the reason to show. */
  onRefused: (refusal: string) => void
}

/**
 * The board's drag protocol over dnd-kit: the guide computed when a drag starts, the target
 * followed at each step (the own column's tiles make room), the words said to screen
 * readers once per change of target, and the drop turned into a move or a refusal. The
 * drag's state lives in `drag.store` for the tiles and columns; what only the protocol
 * needs is one `DragProgress`. See docs/decisions/019.
 */
export function useDragProtocol({
  drag,
  cardById,
  me,
  lang,
  columnCardIds,
  onMove,
  onRefused,
}: {
  drag: BoardDrag
  cardById: ReadonlyMap<string, BoardCard>
  me: Actor
  lang: Lang
  columnCardIds: (lane: string, status: CardStatus) => readonly string[]
} & DropHandlers) {
  const progressRef = useRef<DragProgress>({
    session: null,
    target: null,
    spoken: 'outside',
    stopWatching: null,
  })
  const progress = progressRef.current
  // A board that goes away mid-drag stops listening to scrolls.
  useEffect(() => () => progressRef.current.stopWatching?.(), [])

  const accessibility = useMemo(() => {
    const titleOf = (id: Active['id']) => {
      const card = cardById.get(String(id))
      return card ? spokenTitle(card) : ''
    }
    const sayTarget = (active: Active) => {
      const key = targetKey(progress.target)
      if (key === progress.spoken) return undefined
      progress.spoken = key
      return overTarget(
        lang,
        { ...active, id: String(active.id) },
        progress.target,
        columnCardIds,
        progress.session?.refusals ?? {},
      )
    }
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        const card = cardById.get(String(active.id))
        return card ? pickedUp(lang, titleOf(active.id), card.status) : undefined
      },
      // Only the columns are droppables: a new slot in the same column is a move, not an
      // "over"; both report the target, which sayTarget words once per change.
      onDragMove: ({ active }) => sayTarget(active),
      onDragOver: ({ active }) => sayTarget(active),
      onDragEnd: ({ active, over }) => {
        const target = over ? readDragData(over.data.current) : null
        const refusals = progress.session?.refusals ?? {}
        return dropped(lang, titleOf(active.id), target?.status ?? null, refusals)
      },
      onDragCancel: ({ active }) => cancelled(lang, titleOf(active.id)),
    }
    const screenReaderInstructions: ScreenReaderInstructions = {
      draggable: boardMessages[lang].dragInstructions,
    }
    return { announcements, screenReaderInstructions }
  }, [cardById, columnCardIds, lang, progress])

  function onDragStart(event: DragStartEvent) {
    const data = readDragData(event.active.data.current)
    const card = cardById.get(String(event.active.id))
    if (!data || !card) return
    const session: DragSession = {
      cardId: card.id,
      lane: data.lane,
      status: card.status,
      ...dragGuide(card, me, lang),
    }
    progress.session = session
    progress.target = null
    progress.spoken = 'outside'
    progress.stopWatching?.()
    progress.stopWatching = drag.geometry.watch()
    drag.store.start(session)
  }

  /** The target moved: remember it and let the own column's tiles make room. */
  function onAim(event: DragMoveEvent | DragOverEvent) {
    const target = targetOf(event.collisions)
    progress.target = target
    const session = drag.store.get().session
    if (!session) return
    const t = target?.data
    const own =
      t?.type === 'card' && t.lane === session.lane && t.status === session.status ? t : null
    const tiles = own ? drag.geometry.measured(columnDropId(own.lane, own.status)) : undefined
    drag.store.shift(
      sortingOffsets(
        (tiles ?? []).map((b) => ({ cardId: b.data.cardId, rect: b.rect })),
        session.cardId,
        own?.cardId ?? null,
      ),
    )
  }

  function finish(flyBack: boolean) {
    progress.stopWatching?.()
    progress.stopWatching = null
    drag.store.end(flyBack)
  }

  function onDragEnd(event: DragEndEvent) {
    const session = progress.session
    const intent = toMoveIntent(withTarget(event.active, targetOf(event.collisions)), columnCardIds)
    const card = intent ? cardById.get(intent.cardId) : undefined
    if (!session || !intent || !card) return finish(true)
    if (!session.allowed.includes(intent.to)) {
      // Refused by the rule: no request; the card flies back and the reason is shown.
      finish(true)
      const refusal = session.refusals[intent.to]
      if (refusal) onRefused(refusal)
      return
    }
    finish(false)
    onMove(card, intent.to, intent.beforeCardId)
  }

  return {
    accessibility,
    onDragStart,
    onDragMove: onAim,
    onDragOver: onAim,
    onDragEnd,
    onDragCancel: () => finish(true),
  }
}
