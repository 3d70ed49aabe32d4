import { STATUS_LABELS, type CardStatus, type Month } from '@caitien/shared'
import { useDroppable } from '@dnd-kit/core'
import { memo, useMemo, useState } from 'react'
import { useI18n, useMessages } from '@/lib/i18n'
import { usePrinting } from '@/lib/use-printing'
import type { BoardCard, BoardMember } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import { columnDropId, type ColumnDropData } from '../drag-to-move'
import { useBoardDrag, useDragState } from './board-drag'
import { CardTile } from './card-tile'

/**
 * A column renders this many cards, then a "show more" button: a 5,000-action plan stays
 * usable (a few hundred tiles in the page, not thousands of sortable nodes).
 */
export const COLUMN_PAGE = 100

/**
 * One column, or one swimlane cell. It stays a droppable even when it refuses the
 * dragged card, so a drop on it is seen and explained instead of silently ignored.
 *
 * During a drag the column re-renders (it is a dnd-kit droppable, and it shows whether it
 * takes the card and whether the card is over it); its tiles do not: they sit in a
 * memoised list whose props do not change while a card is dragged.
 */
export const BoardColumn = memo(function BoardColumn({
  status,
  lane,
  cards,
  members,
  currentMonth,
  onOpen,
  testId,
  showHeader,
  total,
}: {
  status: CardStatus
  lane: string
  cards: BoardCard[]
  members: ReadonlyMap<string, BoardMember>
  currentMonth: Month
  onOpen: (cardId: string) => void
  testId: string
  showHeader: boolean
  total?: number
}) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const [shown, setShown] = useState(COLUMN_PAGE)
  // On paper every card shows: there is no "show more" to press.
  const printing = usePrinting()
  const visible = useMemo(
    () => (!printing && cards.length > shown ? cards.slice(0, shown) : cards),
    [cards, shown, printing],
  )
  const hidden = cards.length - visible.length
  const data = useMemo<ColumnDropData>(() => ({ type: 'column', status, lane }), [status, lane])
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(lane, status), data })
  const drag = useDragState(useBoardDrag(), (s) => s.session)
  const inDrag = drag !== null && drag.lane === lane
  const refusal = inDrag ? drag.refusals[status] : undefined
  const accepts = inDrag && drag.allowed.includes(status)
  const label = STATUS_LABELS[lang][status]
  const className = [
    'column',
    `column-${status}`,
    refusal ? 'column-refusing' : '',
    accepts ? 'column-accepting' : '',
    // The dragged card's own column: its tiles slide to make room.
    inDrag && drag.status === status ? 'column-sorting' : '',
    drag !== null && !inDrag ? 'column-other-lane' : '',
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <section
      ref={setNodeRef}
      className={className}
      data-testid={testId}
      data-over={isOver || undefined}
      aria-label={m.column({ name: label, count: cards.length })}
    >
      <header className={showHeader ? 'column-head' : 'column-head column-head-lane'}>
        <span className="column-dot" aria-hidden="true" />
        <h2 className="column-title">{label}</h2>
        <span className="column-count">
          {total !== undefined && total !== cards.length
            ? `${cards.length}/${total}`
            : cards.length}
        </span>
      </header>
      {refusal && (
        <p className="column-refusal" role="note">
          <span className="column-refusal-icon" aria-hidden="true">
            ⊘
          </span>
          {refusal}
        </p>
      )}
      <div className="column-cards">
        <ColumnTiles
          cards={visible}
          lane={lane}
          members={members}
          currentMonth={currentMonth}
          onOpen={onOpen}
        />
        {cards.length === 0 && <p className="column-empty">{m.emptyColumn}</p>}
        {hidden > 0 && (
          <button
            type="button"
            className="column-more"
            data-testid="column-more"
            onClick={() => setShown((n) => n + COLUMN_PAGE)}
          >
            {m.showMore({ hidden })}
          </button>
        )}
      </div>
    </section>
  )
})

const ColumnTiles = memo(function ColumnTiles({
  cards,
  lane,
  members,
  currentMonth,
  onOpen,
}: {
  cards: BoardCard[]
  lane: string
  members: ReadonlyMap<string, BoardMember>
  currentMonth: Month
  onOpen: (cardId: string) => void
}) {
  return cards.map((card) => (
    <CardTile
      key={card.id}
      card={card}
      lane={lane}
      members={members}
      currentMonth={currentMonth}
      onOpen={onOpen}
    />
  ))
})
