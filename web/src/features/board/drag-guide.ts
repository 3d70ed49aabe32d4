import {
  CARD_STATUSES,
  checkMove,
  moveRejectionMessage,
  type Actor,
  type CardStatus,
  type Lang,
  type MovableCard,
} from '@caitien/shared'

/** Which columns take this card for this person, and why the others do not. */
export interface DragGuide {
  allowed: CardStatus[]
  refusals: Partial<Record<CardStatus, string>>
}

/**
 * Computed once when a drag starts (or a menu opens), from the workflow rule alone: its own
 * column accepts the card when the person may reorder it. The reason a move needs is asked
 * after the drop, so it does not count against a column here.
 */
export function dragGuide(card: MovableCard, me: Actor, lang: Lang): DragGuide {
  const allowed: CardStatus[] = []
  const refusals: DragGuide['refusals'] = {}
  for (const to of CARD_STATUSES) {
    const check = checkMove(card, to, me)
    if (check.ok) allowed.push(to)
    else refusals[to] = moveRejectionMessage(check.reason, card.status, to, lang)
  }
  return { allowed, refusals }
}
