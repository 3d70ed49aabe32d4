import { memo, useCallback, useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { formatDate, formatMonth, isOverdue, type Month } from '@caitien/shared'
import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import type { BoardCard, BoardMember } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import type { CardDragData } from '../drag-to-move'
import {
  DragBinding,
  useBoardDrag,
  useDragState,
  type ActivatorEventName,
  type Binding,
} from './board-drag'
import { MoveToMenu } from './move-to-menu'

interface TileProps {
  card: BoardCard
  members: ReadonlyMap<string, BoardMember>
  currentMonth: Month
}

/** What a tile shows; shared by the sortable tile and the drag overlay. */
export function CardTileContent({
  card,
  members,
  currentMonth,
  menu,
}: TileProps & { menu?: ReactNode }) {
  const m = useMessages(boardMessages)
  const common = useMessages(commonMessages)
  const overdue = isOverdue(card, currentMonth)
  const assignees = card.assigneeIds
    .map((id) => members.get(id))
    .filter((member): member is BoardMember => member !== undefined)
  const names = assignees.map((member) => member.displayName).join(', ')
  return (
    <>
      <div className="tile-top">
        {card.criterion ? (
          <span className={`tile-criterion std-${card.standard ?? 'none'}`}>
            {common.criterionTag({ code: card.criterion })}
          </span>
        ) : (
          // Biểu 2: a card that names no criterion is known by what it improves.
          card.topic && (
            <span className={`tile-criterion tile-topic std-${card.standard ?? 'none'}`}>
              {card.topic}
            </span>
          )
        )}
        {card.status === 'in_progress' && card.sentBack && <SentBackMarker mark={card.sentBack} />}
        {menu}
      </div>
      <p className="tile-title">{card.title}</p>
      <div className="tile-meta">
        <span className="tile-assignees" title={names || common.noAssignee}>
          {assignees.length === 0 ? (
            <span className="tile-unassigned">{common.noAssignee}</span>
          ) : (
            assignees
              .slice(0, 4)
              .map((member) => (
                <Avatar key={member.id} id={member.id} name={member.displayName} size={22} />
              ))
          )}
          {assignees.length === 1 && (
            <span className="tile-assignee-name">{assignees[0]!.displayName}</span>
          )}
          {assignees.length > 4 && <span className="tile-more">+{assignees.length - 4}</span>}
          {assignees.length > 1 && <span className="visually-hidden">{names}</span>}
        </span>
        <span className="tile-stats">
          {card.dueMonth && (
            <span
              className={overdue ? 'tile-due tile-due-overdue' : 'tile-due'}
              title={m.due({ month: formatMonth(card.dueMonth) })}
            >
              {formatMonth(card.dueMonth)}
              {overdue && <span className="badge badge-overdue">{m.overdue}</span>}
            </span>
          )}
          <span
            className={card.evidenceCount > 0 ? 'tile-count tile-count-on' : 'tile-count'}
            title={m.evidenceCount({ n: card.evidenceCount })}
            aria-label={m.evidenceCount({ n: card.evidenceCount })}
          >
            <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M10.5 4.5 5.6 9.4a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5.1 5.1a4.2 4.2 0 0 0 6 6l4-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
                strokeLinecap="round"
              />
            </svg>
            <span className="visually-hidden">📎</span> {card.evidenceCount}
          </span>
          <span
            className="tile-count"
            title={m.commentCount({ n: card.commentCount })}
            aria-label={m.commentCount({ n: card.commentCount })}
          >
            <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
                strokeLinejoin="round"
              />
            </svg>{' '}
            {card.commentCount}
          </span>
        </span>
      </div>
    </>
  )
}

/**
 * "Bị trả lại" on a card the monitoring team sent back: the reason shows on hover (title)
 * and on a tap or Enter (a phone has no hover), without opening or dragging the card.
 */
function SentBackMarker({ mark }: { mark: NonNullable<BoardCard['sentBack']> }) {
  const m = useMessages(boardMessages)
  const common = useMessages(commonMessages)
  const [open, setOpen] = useState(false)
  const id = useId()
  const reason = mark.reason ? common.reasonLine({ reason: mark.reason }) : m.sentBackNoReason
  const by = m.sentBackBy({ reviewer: mark.reviewer, at: formatDate(mark.at) })
  const stop = (event: SyntheticEvent) => event.stopPropagation()
  return (
    <span
      className="tile-sent-back-wrap"
      onPointerDown={stop}
      onTouchStart={stop}
      onKeyDown={stop}
      onClick={stop}
    >
      <button
        type="button"
        className="tile-sent-back"
        data-testid="sent-back-marker"
        title={`${reason}\n${by}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
          <path
            d="M5 2.5 2 5.5l3 3M2.5 5.5h5a2.5 2.5 0 0 1 0 5H6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {m.sentBack}
      </button>
      {open && (
        <span id={id} className="tile-sent-back-reason" role="note" data-testid="sent-back-reason">
          <span>{reason}</span>
          <span className="meta">{by}</span>
        </span>
      )}
    </span>
  )
}

/**
 * A card on the board: the whole tile is the drag handle, Enter or a click opens it.
 *
 * No dnd-kit hook here: dnd-kit re-renders every hook consumer at each step of a drag,
 * which on a big board is hundreds of tiles. A tile becomes a draggable (DragBinding) the
 * moment a press or a key reaches it, and reads only its own part of the drag (is it the
 * dragged card, how far it moves to make room), so a drag re-renders two or three tiles.
 */
export const CardTile = memo(function CardTile({
  lane,
  onOpen,
  ...props
}: TileProps & { lane: string; onOpen: (cardId: string) => void }) {
  const { card } = props
  const m = useMessages(boardMessages)
  const drag = useBoardDrag()
  const armed = useDragState(drag, (s) => s.armed.includes(card.id))
  const isDragging = useDragState(drag, (s) => s.session?.cardId === card.id)
  const offset = useDragState(drag, (s) => s.offsets.get(card.id) ?? 0)
  const nodeRef = useRef<HTMLDivElement>(null)
  const bindingRef = useRef<Binding | null>(null)
  const setNode = useCallback((node: HTMLDivElement | null) => {
    nodeRef.current = node
    bindingRef.current?.setNodeRef(node)
  }, [])
  const data = useMemo<CardDragData>(
    () => ({ type: 'card', cardId: card.id, status: card.status, lane }),
    [card.id, card.status, lane],
  )

  /** Hand the event to dnd-kit's sensors, wiring the tile first if it is not yet. */
  function forward(name: ActivatorEventName, event: SyntheticEvent) {
    if (!drag.store.get().armed.includes(card.id)) {
      // The binding must be registered before the sensor sees this very event.
      flushSync(() => drag.store.arm(card.id))
    }
    const listener = bindingRef.current?.listeners?.[name] as
      ((e: SyntheticEvent) => void) | undefined
    listener?.(event)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    forward('onKeyDown', event)
    if (event.defaultPrevented) return
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault()
      onOpen(card.id)
    }
  }

  return (
    <div
      ref={setNode}
      className={isDragging ? 'tile tile-placeholder' : 'tile'}
      style={offset ? { transform: `translate3d(0px, ${offset}px, 0)` } : undefined}
      data-testid="card-tile"
      data-card-id={card.id}
      data-status={card.status}
      aria-label={[card.criterion, card.title].filter(Boolean).join(' — ')}
      role="group"
      aria-roledescription={m.draggableCard}
      aria-describedby={drag.helpId}
      aria-disabled={false}
      tabIndex={0}
      onPointerDown={(event) => forward('onPointerDown', event)}
      onTouchStart={(event) => forward('onTouchStart', event)}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card.id)}
    >
      {armed && <DragBinding data={data} nodeRef={nodeRef} bindingRef={bindingRef} />}
      <TileBody {...props} />
    </div>
  )
})

/** The tile's contents, memoised: a tile re-renders when it is armed or dragged, its body not. */
const TileBody = memo(function TileBody(props: TileProps) {
  return <CardTileContent {...props} menu={<MoveToMenu card={props.card} />} />
})
