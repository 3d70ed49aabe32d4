import { CARD_STATUSES, STATUS_LABELS, type Month } from '@caitien/shared'
import { Fragment } from 'react'
import { useI18n, useMessages } from '@/lib/i18n'
import type { BoardCard, BoardMember } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import type { Lane, StatusCounts } from '../board-view'
import { BoardColumn } from './board-column'

/**
 * The columns of the board, one row per lane: the whole board in one lane, or a swimlane
 * per standard under one row of column heads (`grouped`). One render path either way.
 */
export function BoardLanes({
  lanes,
  grouped,
  totals,
  shown,
  members,
  currentMonth,
  onOpen,
}: {
  lanes: readonly Lane<BoardCard>[]
  grouped: boolean
  totals: StatusCounts
  /** Cards per status that the filters let through: the grouped heads count these. */
  shown: StatusCounts
  members: ReadonlyMap<string, BoardMember>
  currentMonth: Month
  onOpen: (cardId: string) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const columns = (lane: Lane<BoardCard>) => (
    <div className="board-columns">
      {CARD_STATUSES.map((status) => (
        <BoardColumn
          key={status}
          status={status}
          lane={lane.key}
          cards={lane.cells[status]}
          members={members}
          currentMonth={currentMonth}
          onOpen={onOpen}
          testId={grouped ? `lane-${lane.key}-${status}` : `column-${status}`}
          showHeader={!grouped}
          total={grouped ? undefined : totals[status]}
        />
      ))}
    </div>
  )
  return (
    <div className={grouped ? 'board board-lanes' : 'board'}>
      {grouped && (
        <div className="board-columns lane-heads" aria-hidden="true">
          {CARD_STATUSES.map((s) => (
            <div key={s} className={`column-head column-head-${s}`}>
              <span className="column-dot" />
              <span className="column-title">{STATUS_LABELS[lang][s]}</span>
              <span className="column-count">
                {shown[s] !== totals[s] ? `${shown[s]}/${totals[s]}` : totals[s]}
              </span>
            </div>
          ))}
        </div>
      )}
      {lanes.map((lane) => {
        if (!grouped) return <Fragment key={lane.key}>{columns(lane)}</Fragment>
        const title =
          lane.standard === null
            ? m.noStandard
            : m.standardName({ code: lane.standard, name: lane.name })
        return (
          <section key={lane.key} className="lane" aria-label={title}>
            <h2 className="lane-title">
              <span>{title}</span>
              <span className="lane-count">{lane.count}</span>
            </h2>
            {columns(lane)}
          </section>
        )
      })}
    </div>
  )
}
