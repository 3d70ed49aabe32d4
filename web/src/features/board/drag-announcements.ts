import { statusName, type CardStatus, type Lang } from '@caitien/shared'
import { boardMessages } from './board-messages'
import { toMoveIntent, withTarget, type DragEndLike, type DropTarget } from './drag-to-move'

/*
 * The words read to screen-reader users while they drag (dnd-kit announcements). Pure:
 * the board's drag protocol decides when to speak, these say what.
 */

type Refusals = Partial<Record<CardStatus, string>>

/** How a card is named aloud: its criterion and title. */
export function spokenTitle(card: { criterion: string | null; title: string }): string {
  return [card.criterion, card.title].filter(Boolean).join(' ')
}

/** What a screen reader has last been told about the target, to say each change once. */
export function targetKey(target: DropTarget | null): string {
  if (!target) return 'outside'
  return target.data.type === 'card'
    ? `card:${target.data.cardId}`
    : `column:${target.data.lane}:${target.data.status}`
}

export function pickedUp(lang: Lang, title: string, status: CardStatus): string {
  return boardMessages[lang].dragStart({ title, column: statusName(status, lang) })
}

/**
 * Where the card would land, the way a drop would place it: the column and the position in
 * it (counting the card), or why the column refuses it.
 */
export function overTarget(
  lang: Lang,
  active: DragEndLike['active'] & { id: string },
  target: DropTarget | null,
  columnCardIds: (lane: string, status: CardStatus) => readonly string[],
  refusals: Refusals,
): string {
  const m = boardMessages[lang]
  if (!target) return m.dragOutside
  const { lane, status } = target.data
  const column = statusName(status, lang)
  const refusal = refusals[status]
  if (refusal) return m.dragOverRefused({ column, refusal })
  const ids = columnCardIds(lane, status)
  const others = ids.filter((id) => id !== active.id)
  const intent = toMoveIntent(withTarget(active, target), columnCardIds)
  const position = !intent
    ? Math.max(1, ids.indexOf(active.id) + 1)
    : intent.beforeCardId
      ? others.indexOf(intent.beforeCardId) + 1
      : others.length + 1
  return m.dragOver({ column, position, count: others.length + 1 })
}

/** What the drop did: landed, refused (and why), or nothing (outside every column). */
export function dropped(
  lang: Lang,
  title: string,
  status: CardStatus | null,
  refusals: Refusals,
): string {
  const m = boardMessages[lang]
  if (status === null) return m.dragCancelled({ title })
  const refusal = refusals[status]
  if (refusal) return m.dropRefused({ title, refusal })
  return m.dropped({ title, column: statusName(status, lang) })
}

export function cancelled(lang: Lang, title: string): string {
  return boardMessages[lang].dragCancelled({ title })
}
