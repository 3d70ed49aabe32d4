import { CARD_STATUSES, STATUS_LABELS, type CardStatus } from '@caitien/shared'
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  defaultDropAnimation,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type DropAnimation,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { useMemo, useRef, useState } from 'react'
import { useToast } from '@/components/ui/toast'
import { useI18n } from '@/lib/i18n'
import type { BoardCard, BoardData, BoardMember } from '../api/board-queries'
import {
  boardCollisionDetection,
  boardKeyboardCoordinates,
  KEYBOARD_CODES,
  MousePointerSensor,
} from '../board-dnd'
import { EMPTY_FILTERS, compareCriteria, matchesFilters, type BoardFilters } from '../board-filters'
import { readDragData, toMoveIntent } from '../drag-to-move'
import { sortCards } from '../place-card'
import { dragAnnouncements, dragGuide } from '../status-copy'
import { BoardColumn, type DragState } from './board-column'
import { BoardToolbar, type StandardOption } from './board-toolbar'
import { CardTileContent } from './card-tile'
import { useMoveController } from './move-controller'

const ALL = 'all'
const NO_STANDARD = 'none'
const GROUP_KEY = 'caitien_group_by_standard'
const cellKey = (lane: string, status: CardStatus) => `${lane}|${status}`

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
  const [drag, setDrag] = useState<DragState | null>(null)
  const [dropAnimation, setDropAnimation] = useState<DropAnimation | null>(defaultDropAnimation)
  const dragRef = useRef<DragState | null>(null)
  const currentMonth = board.currentMonth

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
    () => allCards.filter((c) => matchesFilters(c, filters, { meId: me.id, currentMonth })),
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
  const columnCardIds = (lane: string, status: CardStatus) =>
    (cellsRef.current.get(cellKey(lane, status)) ?? []).map((c) => c.id)

  const totals = useMemo(() => {
    const counts = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<
      CardStatus,
      number
    >
    for (const c of allCards) counts[c.status]++
    return counts
  }, [allCards])

  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 5 } }),
    useSensor(KeyboardSensor, {
      keyboardCodes: KEYBOARD_CODES,
      coordinateGetter: boardKeyboardCoordinates,
    }),
  )

  const titleOf = (id: UniqueIdentifier) => {
    const card = cardById.get(String(id))
    return card ? [card.criterion, card.title].filter(Boolean).join(' ') : ''
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = cardById.get(String(active.id))
      return card ? dragAnnouncements.start(lang, titleOf(active.id), card.status) : undefined
    },
    onDragOver: (event) => {
      const target = event.over ? readDragData(event.over.data.current) : null
      if (!target) return dragAnnouncements.outside(lang)
      // Say where the card would land, the way a drop would place it.
      const others = columnCardIds(target.lane, target.status).filter(
        (id) => id !== String(event.active.id),
      )
      const intent = toMoveIntent(event, columnCardIds)
      const position = !intent
        ? Math.max(
            1,
            columnCardIds(target.lane, target.status).indexOf(String(event.active.id)) + 1,
          )
        : intent.beforeCardId
          ? others.indexOf(intent.beforeCardId) + 1
          : others.length + 1
      const refusal = dragRef.current?.refusals[target.status]
      return dragAnnouncements.over(lang, target.status, position, others.length + 1, refusal)
    },
    onDragEnd: ({ active, over }) => {
      const target = over ? readDragData(over.data.current) : null
      if (!target) return dragAnnouncements.cancel(lang, titleOf(active.id))
      const refusal = dragRef.current?.refusals[target.status]
      if (refusal) return dragAnnouncements.refused(lang, titleOf(active.id), refusal)
      return dragAnnouncements.end(lang, titleOf(active.id), target.status)
    },
    onDragCancel: ({ active }) => dragAnnouncements.cancel(lang, titleOf(active.id)),
  }

  function onDragStart(event: DragStartEvent) {
    const data = readDragData(event.active.data.current)
    const card = cardById.get(String(event.active.id))
    if (!data || !card) return
    const guide = dragGuide(card, me, lang)
    const state: DragState = { cardId: card.id, lane: data.lane, ...guide }
    dragRef.current = state
    setDrag(state)
    setDropAnimation(defaultDropAnimation)
  }

  function onDragEnd(event: DragEndEvent) {
    const state = dragRef.current
    setDrag(null)
    const intent = toMoveIntent(event, columnCardIds)
    const card = intent ? cardById.get(intent.cardId) : undefined
    if (!state || !intent || !card) return
    if (!state.allowed.includes(intent.to)) {
      // Refused by the rule: no request; the card flies back and the reason is shown.
      const refusal = state.refusals[intent.to]
      if (refusal) showToast(refusal)
      return
    }
    setDropAnimation(null)
    requestMove(card, intent.to, intent.beforeCardId)
  }

  const activeCard = drag ? cardById.get(drag.cardId) : undefined

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
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollisionDetection}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: dragAnnouncements.instructions(lang) },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
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
                      drag={drag}
                      onOpen={onOpenCard}
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
                  drag={drag}
                  onOpen={onOpenCard}
                  testId={`column-${status}`}
                  showHeader
                  total={totals[status]}
                />
              ))}
            </div>
          </div>
        )}
        <DragOverlay dropAnimation={dropAnimation}>
          {activeCard ? (
            <div className="tile tile-overlay">
              <CardTileContent
                card={activeCard}
                members={members}
                currentMonth={currentMonth}
                menu={<span className="tile-menu-spacer" />}
              />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {visible.length === 0 && allCards.length > 0 && (
        <p className="board-empty">
          {t('shown')} 0 {t('of')} {allCards.length} {t('cards')}
        </p>
      )}
    </div>
  )
}

function laneTitle(
  lane: { standard: string | null; name: string | null },
  t: (key: 'standard' | 'noStandard') => string,
): string {
  if (lane.standard === null) return t('noStandard')
  return `${t('standard')} ${lane.standard}${lane.name ? `: ${lane.name}` : ''}`
}
