import {
  CARD_STATUSES,
  STATUS_LABELS,
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

const q = (lang: Lang, s: CardStatus) =>
  lang === 'vi' ? `“${STATUS_LABELS.vi[s]}”` : `"${STATUS_LABELS.en[s]}"`

/** Words read to screen-reader users while they drag (dnd-kit announcements). */
export const dragAnnouncements = {
  start(lang: Lang, title: string, status: CardStatus) {
    return lang === 'vi'
      ? `Đã nhấc thẻ “${title}” ở cột ${q(lang, status)}. Dùng mũi tên trái, phải để đổi cột; lên, xuống để đổi vị trí. Nhấn phím cách để thả, Escape để huỷ.`
      : `Picked up card "${title}" in ${q(lang, status)}. Use left and right arrows to change column, up and down to change position. Press Space to drop, Escape to cancel.`
  },
  over(
    lang: Lang,
    status: CardStatus,
    position: number,
    count: number,
    refusal: string | undefined,
  ) {
    if (refusal) {
      return lang === 'vi'
        ? `Cột ${q(lang, status)} không nhận thẻ này: ${refusal}`
        : `${q(lang, status)} does not accept this card: ${refusal}`
    }
    return lang === 'vi'
      ? `Đang ở cột ${q(lang, status)}, vị trí ${position} trên ${count}.`
      : `Over ${q(lang, status)}, position ${position} of ${count}.`
  },
  outside(lang: Lang) {
    return lang === 'vi' ? 'Thẻ không ở trên cột nào.' : 'The card is not over a column.'
  },
  end(lang: Lang, title: string, status: CardStatus) {
    return lang === 'vi'
      ? `Đã thả thẻ “${title}” vào cột ${q(lang, status)}.`
      : `Dropped card "${title}" into ${q(lang, status)}.`
  },
  refused(lang: Lang, title: string, refusal: string) {
    return lang === 'vi'
      ? `Thẻ “${title}” trở về chỗ cũ. ${refusal}`
      : `Card "${title}" went back. ${refusal}`
  },
  cancel(lang: Lang, title: string) {
    return lang === 'vi'
      ? `Đã huỷ kéo. Thẻ “${title}” trở về chỗ cũ.`
      : `Drag cancelled. Card "${title}" went back.`
  },
  instructions(lang: Lang) {
    return lang === 'vi'
      ? 'Nhấn Enter để mở chi tiết thẻ. Để di chuyển thẻ, nhấn phím cách để nhấc thẻ; dùng mũi tên trái, phải để sang cột khác, mũi tên lên, xuống để đổi vị trí trong cột; nhấn phím cách lần nữa để thả, hoặc Escape để huỷ.'
      : 'Press Enter to open the card. To move it, press Space to pick it up; use the left and right arrows to change column and the up and down arrows to change position; press Space again to drop it, or Escape to cancel.'
  },
}
