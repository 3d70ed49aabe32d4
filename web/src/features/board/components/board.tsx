import type { ReactNode } from 'react'
import type { CardStatus } from '@caitien/shared'
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  defaultDropAnimation,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useToast } from '@/components/ui/toast'
import { useI18n, useMessages } from '@/lib/i18n'
import type { BoardCard, BoardData, BoardMember } from '../api/board-queries'
import { MousePointerSensor } from '../board-dnd'
import { EMPTY_FILTERS, type BoardFilters } from '../board-filters'
import { boardMessages } from '../board-messages'
import {
  boardLanes,
  cardIdsIn,
  criterionOptions,
  standardOptions,
  statusTotals,
  visibleCards,
} from '../board-view'
import { sortCards } from '../place-card'
import { BoardDrag, BoardDragProvider, useBoardDrag, useDragState } from './board-drag'
import { BoardLanes } from './board-lanes'
import { BoardToolbar } from './board-toolbar'
import { CardTileContent } from './card-tile'
import { useMoveController } from './move-controller'
import { useDragProtocol } from './use-drag-protocol'

const GROUP_KEY = 'caitien_group_by_standard'

const MOUSE_SENSOR = { activationConstraint: { distance: 5 } }
const TOUCH_SENSOR = { activationConstraint: { delay: 200, tolerance: 5 } }

function readGroupBy(): boolean {
  try {
    return window.localStorage.getItem(GROUP_KEY) === '1'
  } catch {
    return false
  }
}

/** Whether to show swimlanes by standard: remembered by this browser. */
function useGroupByStandard(): [boolean, (on: boolean) => void] {
  const [groupBy, setGroupByState] = useState(readGroupBy)
  const setGroupBy = useCallback((on: boolean) => {
    setGroupByState(on)
    try {
      window.localStorage.setItem(GROUP_KEY, on ? '1' : '0')
    } catch {
      // the toggle still works for this visit
    }
  }, [])
  return [groupBy, setGroupBy]
}

/** A plan nobody may write: no sensor, so no drag starts (useMoveController().writable). */
const NO_SENSORS: ReturnType<typeof useSensors> = []

export function Board({
  board,
  onOpenCard,
  tools,
}: {
  board: BoardData
  onOpenCard: (cardId: string) => void
  /** Buttons the app puts at the end of the toolbar. */
  tools?: ReactNode
}) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const { showToast } = useToast()
  const { me, requestMove, writable } = useMoveController()
  const [filters, setFilters] = useState<BoardFilters>(EMPTY_FILTERS)
  const [groupBy, setGroupBy] = useGroupByStandard()
  const helpId = useId()
  const [drag] = useState(() => new BoardDrag(helpId))
  const currentMonth = board.currentMonth
  // The tiles stay memoised across the route's re-renders.
  const onOpenRef = useRef(onOpenCard)
  onOpenRef.current = onOpenCard
  const openCard = useCallback((cardId: string) => onOpenRef.current(cardId), [])

  const members = useMemo(
    () => new Map<string, BoardMember>(board.members.map((member) => [member.id, member])),
    [board.members],
  )
  const allCards = useMemo(() => sortCards(board.cards), [board.cards])
  const cardById = useMemo(() => new Map(allCards.map((c) => [c.id, c])), [allCards])
  const standards = useMemo(() => standardOptions(allCards), [allCards])
  const criteria = useMemo(
    () => criterionOptions(allCards, filters.standard),
    [allCards, filters.standard],
  )
  const visible = useMemo(
    () => visibleCards(allCards, filters, { meId: me.id, currentMonth, members }),
    [allCards, filters, me.id, currentMonth, members],
  )
  const lanes = useMemo(() => boardLanes(visible, groupBy), [visible, groupBy])
  const totals = useMemo(() => statusTotals(allCards), [allCards])
  const shownTotals = useMemo(() => statusTotals(visible), [visible])

  const lanesRef = useRef(lanes)
  lanesRef.current = lanes
  const columnCardIds = useCallback(
    (lane: string, status: CardStatus) => cardIdsIn(lanesRef.current, lane, status),
    [],
  )
  // Other cards, other tiles: what a drag measured of them is stale.
  useLayoutEffect(() => drag.geometry.forget(), [drag, lanes])

  const sensors = useSensors(
    useSensor(MousePointerSensor, MOUSE_SENSOR),
    useSensor(TouchSensor, TOUCH_SENSOR),
    useSensor(KeyboardSensor, drag.keyboardSensorOptions),
  )
  const { accessibility, ...handlers } = useDragProtocol({
    drag,
    cardById,
    me,
    lang,
    columnCardIds,
    onMove: requestMove,
    onRefused: showToast,
  })

  return (
    <div className="board-wrap">
      <BoardToolbar
        filters={filters}
        onChange={setFilters}
        standards={standards}
        criteria={criteria}
        members={board.members}
        groupByStandard={groupBy}
        onGroupByStandard={setGroupBy}
        shown={visible.length}
        total={allCards.length}
        tools={tools}
      />
      {/* Every tile points here (aria-describedby); dnd-kit's own copy is for its draggables. */}
      <p id={helpId} hidden>
        {m.dragInstructions}
      </p>
      <BoardDragProvider value={drag}>
        <DndContext
          sensors={writable ? sensors : NO_SENSORS}
          collisionDetection={drag.collisionDetection}
          accessibility={accessibility}
          {...handlers}
        >
          <BoardLanes
            lanes={lanes}
            grouped={groupBy}
            totals={totals}
            shown={shownTotals}
            members={members}
            currentMonth={currentMonth}
            onOpen={openCard}
          />
          <DragPreview cardById={cardById} members={members} currentMonth={currentMonth} />
        </DndContext>
      </BoardDragProvider>
      {visible.length === 0 && allCards.length > 0 && (
        <p className="board-empty">{m.shown({ shown: 0, total: allCards.length })}</p>
      )}
    </div>
  )
}

/** The card under the pointer (or the keyboard) while dragged: its own small component. */
function DragPreview({
  cardById,
  members,
  currentMonth,
}: {
  cardById: ReadonlyMap<string, BoardCard>
  members: ReadonlyMap<string, BoardMember>
  currentMonth: BoardData['currentMonth']
}) {
  const drag = useBoardDrag()
  const cardId = useDragState(drag, (s) => s.session?.cardId ?? null)
  // A card that moves appears in its new place at once; one that does not flies back.
  const flyBack = useDragState(drag, (s) => s.flyBack)
  const card = cardId === null ? undefined : cardById.get(cardId)
  return (
    <DragOverlay dropAnimation={flyBack ? defaultDropAnimation : null}>
      {card ? (
        <div className="tile tile-overlay">
          <CardTileContent
            card={card}
            members={members}
            currentMonth={currentMonth}
            menu={<span className="tile-menu-spacer" />}
          />
        </div>
      ) : null}
    </DragOverlay>
  )
}
