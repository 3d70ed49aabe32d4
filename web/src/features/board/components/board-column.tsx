import { STATUS_LABELS, type CardStatus, type Month } from '@caitien/shared'
import { useDndContext, useDroppable } from '@dnd-kit/core'
import { useState } from 'react'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useI18n } from '@/lib/i18n'
import type { BoardCard, BoardMember } from '../api/board-queries'
import { columnDropId, readDragData, type ColumnDropData } from '../drag-to-move'
import { CardTile } from './card-tile'

/**
 * A column renders this many cards, then a "show more" button: a 5,000-action plan stays
 * usable (a few hundred tiles in the page, not thousands of sortable nodes).
 */
export const COLUMN_PAGE = 100

export interface DragState {
  cardId: string
  lane: string
  allowed: readonly CardStatus[]
  refusals: Partial<Record<CardStatus, string>>
}

/**
 * One column, or one swimlane cell. It stays a droppable even when it refuses the
 * dragged card, so a drop on it is seen and explained instead of silently ignored.
 */
export function BoardColumn({
  status,
  lane,
  cards,
  members,
  currentMonth,
  drag,
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
  drag: DragState | null
  onOpen: (cardId: string) => void
  testId: string
  showHeader: boolean
  total?: number
}) {
  const { t, lang } = useI18n()
  const [shown, setShown] = useState(COLUMN_PAGE)
  const visible = cards.length > shown ? cards.slice(0, shown) : cards
  const hidden = cards.length - visible.length
  const data: ColumnDropData = { type: 'column', status, lane }
  const { setNodeRef } = useDroppable({ id: columnDropId(lane, status), data })
  const { over } = useDndContext()
  const overData = over ? readDragData(over.data.current) : null
  const isOver = overData !== null && overData.lane === lane && overData.status === status
  const inDrag = drag !== null && drag.lane === lane
  const refusal = inDrag ? drag.refusals[status] : undefined
  const accepts = inDrag && drag.allowed.includes(status)
  const label = STATUS_LABELS[lang][status]
  const className = [
    'column',
    `column-${status}`,
    refusal ? 'column-refusing' : '',
    accepts ? 'column-accepting' : '',
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
      aria-label={`${label} (${cards.length})`}
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
      <SortableContext items={visible.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <div className="column-cards">
          {visible.map((card) => (
            <CardTile
              key={card.id}
              card={card}
              lane={lane}
              members={members}
              currentMonth={currentMonth}
              onOpen={onOpen}
            />
          ))}
          {cards.length === 0 && <p className="column-empty">{t('emptyColumn')}</p>}
          {hidden > 0 && (
            <button
              type="button"
              className="column-more"
              data-testid="column-more"
              onClick={() => setShown((n) => n + COLUMN_PAGE)}
            >
              {t('showMoreCards')} ({hidden} {t('cardsHidden')})
            </button>
          )}
        </div>
      </SortableContext>
    </section>
  )
}
