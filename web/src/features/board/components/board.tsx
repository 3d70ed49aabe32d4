import { CARD_STATUSES, STATUS_LABELS, type CardStatus } from '@caitien/shared'
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  defaultDropAnimation,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useToast } from '@/components/ui/toast'
import { useI18n } from '@/lib/i18n'
import type { BoardCard, BoardData, BoardMember } from '../api/board-queries'
import { MousePointerSensor } from '../board-dnd'
import {
  EMPTY_FILTERS,
  compareCriteria,
  hasActiveFilters,
  matchesFilters,
  type BoardFilters,
} from '../board-filters'
import {
  columnDropId,
  readDragData,
  targetOf,
  toMoveIntent,
  withTarget,
  type DropTarget,
} from '../drag-to-move'
import { sortingOffsets, type DragSession } from '../drag-store'
import { sortCards } from '../place-card'
import { dragAnnouncements, dragGuide } from '../status-copy'
import { BoardColumn } from './board-column'
import { BoardDrag, BoardDragProvider, useBoardDrag, useDragState } from './board-drag'
import { BoardToolbar, type StandardOption } from './board-toolbar'
import { CardTileContent } from './card-tile'
import { useMoveController } from './move-controller'

const ALL = 'all'
const NO_STANDARD = 'none'
const GROUP_KEY = 'caitien_group_by_standard'
const cellKey = (lane: string, status: CardStatus) => `${lane}|${status}`

const MOUSE_SENSOR = { activationConstraint: { distance: 5 } }
const TOUCH_SENSOR = { activationConstraint: { delay: 200, tolerance: 5 } }

/** What a screen reader has last been told about the target, to say each change once. */
const targetKey = (target: DropTarget | null) =>
  !target
    ? 'outside'
    : target.data.type === 'card'
      ? `card:${target.data.cardId}`
      : `column:${target.data.lane}:${target.data.status}`

function readGroupBy(): boolean {
  try {
    return window.localStorage.getItem(GROUP_KEY) === '1'
  } catch {
    return false
  }
}

export function Board({
  board,
  onOpenCard,
}: {
  board: BoardData
  onOpenCard: (cardId: string) => void
}) {
  const { t, lang } = useI18n()
  const { showToast } = useToast()
  const { me, requestMove } = useMoveController()
  const [filters, setFilters] = useState<BoardFilters>(EMPTY_FILTERS)
  const [groupBy, setGroupByState] = useState(readGroupBy)
  const helpId = useId()
  const [drag] = useState(() => new BoardDrag(helpId))
  /** The last drag's card and guide (kept after the drop for the final announcement). */
  const sessionRef = useRef<DragSession | null>(null)
  /** Where the dragged card would land now (set before dnd-kit's announcements read it). */
  const targetRef = useRef<DropTarget | null>(null)
  const spokenRef = useRef('outside')
  const stopWatchingRef = useRef<(() => void) | null>(null)
  const currentMonth = board.currentMonth
  // The tiles stay memoised across the route's re-renders.
  const onOpenRef = useRef(onOpenCard)
  onOpenRef.current = onOpenCard
  const openCard = useCallback((cardId: string) => onOpenRef.current(cardId), [])

  function setGroupBy(on: boolean) {
    setGroupByState(on)
    try {
      window.localStorage.setItem(GROUP_KEY, on ? '1' : '0')
    } catch {
      // the toggle still works for this visit
    }
  }

  const members = useMemo(
    () => new Map<string, BoardMember>(board.members.map((m) => [m.id, m])),
    [board.members],
  )
  const allCards = useMemo(() => sortCards(board.cards), [board.cards])
  const cardById = useMemo(() => new Map(allCards.map((c) => [c.id, c])), [allCards])

  const standards = useMemo<StandardOption[]>(() => {
    const seen = new Map<string, string | null>()
    for (const c of allCards)
      if (c.standard && !seen.has(c.standard)) seen.set(c.standard, c.standardName)
    return [...seen]
      .map(([standard, name]) => ({ standard, name }))
      .sort((a, b) => Number(a.standard) - Number(b.standard))
  }, [allCards])

  const criteria = useMemo(() => {
    const set = new Set<string>()
    for (const c of allCards) {
      if (c.criterion && (filters.standard === null || c.standard === filters.standard))
        set.add(c.criterion)
    }
    return [...set].sort(compareCriteria)
  }, [allCards, filters.standard])

  const visible = useMemo(
    () =>
      hasActiveFilters(filters)
        ? allCards.filter((c) => matchesFilters(c, filters, { meId: me.id, currentMonth }))
        : allCards,
    [allCards, filters, me.id, currentMonth],
  )

  const lanes = useMemo(() => {
    if (!groupBy)
      return [{ key: ALL, standard: null as string | null, name: null as string | null }]
    const keys = new Map<string, string | null>()
    for (const c of visible) keys.set(c.standard ?? NO_STANDARD, c.standardName)
    return [...keys]
      .map(([key, name]) => ({ key, standard: key === NO_STANDARD ? null : key, name }))
      .sort((a, b) =>
        a.standard === null
          ? 1
          : b.standard === null
            ? -1
            : Number(a.standard) - Number(b.standard),
      )
  }, [groupBy, visible])

  const cells = useMemo(() => {
    const map = new Map<string, BoardCard[]>()
    for (const c of visible) {
      const key = cellKey(groupBy ? (c.standard ?? NO_STANDARD) : ALL, c.status)
      const list = map.get(key) ?? []
      list.push(c)
      map.set(key, list)
    }
    return map
  }, [visible, groupBy])

  const cellsRef = useRef(cells)
  cellsRef.current = cells
  const columnCardIds = useCallback(
    (lane: string, status: CardStatus) =>
      (cellsRef.current.get(cellKey(lane, status)) ?? []).map((c) => c.id),
    [],
  )
  // Other cards, other tiles: what a drag measured of them is stale.
  useLayoutEffect(() => drag.geometry.forget(), [drag, cells])
  // A board that goes away mid-drag stops listening to scrolls.
  useEffect(() => () => stopWatchingRef.current?.(), [])

  const totals = useMemo(() => {
    const counts = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<
      CardStatus,
      number
    >
    for (const c of allCards) counts[c.status]++
    return counts
  }, [allCards])

  const sensors = useSensors(
    useSensor(MousePointerSensor, MOUSE_SENSOR),
    useSensor(TouchSensor, TOUCH_SENSOR),
    useSensor(KeyboardSensor, drag.keyboardSensorOptions),
  )

  const announcements = useMemo<Announcements>(() => {
    const titleOf = (id: UniqueIdentifier) => {
      const card = cardById.get(String(id))
      return card ? [card.criterion, card.title].filter(Boolean).join(' ') : ''
    }
    /** Where the card would land, the way a drop would place it; once per change. */
    const sayTarget = (active: Active) => {
      const target = targetRef.current
      const key = targetKey(target)
      if (key === spokenRef.current) return undefined
      spokenRef.current = key
      if (!target) return dragAnnouncements.outside(lang)
      const { lane, status } = target.data
      const ids = columnCardIds(lane, status)
      const others = ids.filter((id) => id !== String(active.id))
      const intent = toMoveIntent(withTarget(active, target), columnCardIds)
      const position = !intent
        ? Math.max(1, ids.indexOf(String(active.id)) + 1)
        : intent.beforeCardId
          ? others.indexOf(intent.beforeCardId) + 1
          : others.length + 1
      const refusal = sessionRef.current?.refusals[status]
      return dragAnnouncements.over(lang, status, position, others.length + 1, refusal)
    }
    return {
      onDragStart: ({ active }) => {
        const card = cardById.get(String(active.id))
        return card ? dragAnnouncements.start(lang, titleOf(active.id), card.status) : undefined
      },
      // Only the columns are droppables: a new slot in the same column is a move, not an
      // "over"; both report the target, which sayTarget words once per change.
      onDragMove: ({ active }) => sayTarget(active),
      onDragOver: ({ active }) => sayTarget(active),
      onDragEnd: ({ active, over }) => {
        const target = over ? readDragData(over.data.current) : null
        if (!target) return dragAnnouncements.cancel(lang, titleOf(active.id))
        const refusal = sessionRef.current?.refusals[target.status]
        if (refusal) return dragAnnouncements.refused(lang, titleOf(active.id), refusal)
        return dragAnnouncements.end(lang, titleOf(active.id), target.status)
      },
      onDragCancel: ({ active }) => dragAnnouncements.cancel(lang, titleOf(active.id)),
    }
  }, [cardById, columnCardIds, lang])

  const accessibility = useMemo(
    () => ({
      announcements,
      screenReaderInstructions: { draggable: dragAnnouncements.instructions(lang) },
    }),
    [announcements, lang],
  )

  function onDragStart(event: DragStartEvent) {
    const data = readDragData(event.active.data.current)
    const card = cardById.get(String(event.active.id))
    if (!data || !card) return
    const guide = dragGuide(card, me, lang)
    const session: DragSession = { cardId: card.id, lane: data.lane, status: card.status, ...guide }
    sessionRef.current = session
    targetRef.current = null
    spokenRef.current = 'outside'
    stopWatchingRef.current?.()
    stopWatchingRef.current = drag.geometry.watch()
    drag.store.start(session)
  }

  /** The target moved: remember it and let the own column's tiles make room. */
  function onAim(event: DragMoveEvent | DragOverEvent) {
    const target = targetOf(event.collisions)
    targetRef.current = target
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
    stopWatchingRef.current?.()
    stopWatchingRef.current = null
    drag.store.end(flyBack)
  }

  function onDragEnd(event: DragEndEvent) {
    const session = sessionRef.current
    const intent = toMoveIntent(withTarget(event.active, targetOf(event.collisions)), columnCardIds)
    const card = intent ? cardById.get(intent.cardId) : undefined
    if (!session || !intent || !card) return finish(true)
    if (!session.allowed.includes(intent.to)) {
      // Refused by the rule: no request; the card flies back and the reason is shown.
      finish(true)
      const refusal = session.refusals[intent.to]
      if (refusal) showToast(refusal)
      return
    }
    finish(false)
    requestMove(card, intent.to, intent.beforeCardId)
  }

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
      />
      {/* Every tile points here (aria-describedby); dnd-kit's own copy is for its draggables. */}
      <p id={helpId} hidden>
        {dragAnnouncements.instructions(lang)}
      </p>
      <BoardDragProvider value={drag}>
        <DndContext
          sensors={sensors}
          collisionDetection={drag.collisionDetection}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragMove={onAim}
          onDragOver={onAim}
          onDragEnd={onDragEnd}
          onDragCancel={() => finish(true)}
        >
          {groupBy ? (
            <div className="board board-lanes">
              <div className="board-columns lane-heads" aria-hidden="true">
                {CARD_STATUSES.map((s) => (
                  <div key={s} className={`column-head column-head-${s}`}>
                    <span className="column-dot" />
                    <span className="column-title">{STATUS_LABELS[lang][s]}</span>
                    <span className="column-count">{totals[s]}</span>
                  </div>
                ))}
              </div>
              {lanes.map((lane) => (
                <section key={lane.key} className="lane" aria-label={laneTitle(lane, t)}>
                  <h2 className="lane-title">
                    <span>{laneTitle(lane, t)}</span>
                    <span className="lane-count">
                      {CARD_STATUSES.reduce(
                        (n, s) => n + (cells.get(cellKey(lane.key, s))?.length ?? 0),
                        0,
                      )}
                    </span>
                  </h2>
                  <div className="board-columns">
                    {CARD_STATUSES.map((status) => (
                      <BoardColumn
                        key={status}
                        status={status}
                        lane={lane.key}
                        cards={cells.get(cellKey(lane.key, status)) ?? []}
                        members={members}
                        currentMonth={currentMonth}
                        onOpen={openCard}
                        testId={`lane-${lane.key}-${status}`}
                        showHeader={false}
                      />
                    ))}
                  </div>
                </section>
              ))}
            </div>
          ) : (
            <div className="board">
              <div className="board-columns">
                {CARD_STATUSES.map((status) => (
                  <BoardColumn
                    key={status}
                    status={status}
                    lane={ALL}
                    cards={cells.get(cellKey(ALL, status)) ?? []}
                    members={members}
                    currentMonth={currentMonth}
                    onOpen={openCard}
                    testId={`column-${status}`}
                    showHeader
                    total={totals[status]}
                  />
                ))}
              </div>
            </div>
          )}
          <DragPreview cardById={cardById} members={members} currentMonth={currentMonth} />
        </DndContext>
      </BoardDragProvider>
      {visible.length === 0 && allCards.length > 0 && (
        <p className="board-empty">
          {t('shown')} 0 {t('of')} {allCards.length} {t('cards')}
        </p>
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

function laneTitle(
  lane: { standard: string | null; name: string | null },
  t: (key: 'standard' | 'noStandard') => string,
): string {
  if (lane.standard === null) return t('noStandard')
  return `${t('standard')} ${lane.standard}${lane.name ? `: ${lane.name}` : ''}`
}
