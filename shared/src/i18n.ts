import type { Role } from './roles.ts'
import type { CardStatus, MoveRejection, Mover } from './workflow.ts'
import { findTransition, nextStatuses } from './workflow.ts'

/** The languages of the UI and of server messages. Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

export const STATUS_LABELS: Record<Lang, Record<CardStatus, string>> = {
  vi: {
    planned: 'Kế hoạch',
    in_progress: 'Đang thực hiện',
    evidence_submitted: 'Đã nộp minh chứng',
    verified: 'Đã xác nhận',
  },
  en: {
    planned: 'Planned',
    in_progress: 'In progress',
    evidence_submitted: 'Evidence submitted',
    verified: 'Verified',
  },
}

export const ROLE_LABELS: Record<Lang, Record<Role, string>> = {
  vi: { staff: 'Giáo viên, nhân viên', monitor: 'Tổ giám sát', principal: 'Hiệu trưởng' },
  en: { staff: 'Staff', monitor: 'Monitoring team', principal: 'Principal' },
}

const MOVER_LABELS: Record<Lang, Record<Mover, string>> = {
  vi: {
    assignee: 'người được giao',
    staff: 'giáo viên, nhân viên',
    monitor: 'Tổ giám sát',
    principal: 'Hiệu trưởng',
  },
  en: {
    assignee: 'an assignee',
    staff: 'staff',
    monitor: 'the monitoring team',
    principal: 'the principal',
  },
}

function list(items: string[], lang: Lang): string {
  const and = lang === 'vi' ? ' hoặc ' : ' or '
  return items.join(and)
}

/**
 * A refusal as a sentence that says what is allowed instead. Shared so that the
 * server's message and the UI's hint are the same words.
 *
 * @example
 * moveRejectionMessage('no_such_transition', 'planned', 'verified', 'en')
 * // → 'A card in "Planned" can only move to "In progress".'
 */
export function moveRejectionMessage(
  reason: MoveRejection,
  from: CardStatus,
  to: CardStatus,
  lang: Lang = 'vi',
): string {
  const L = STATUS_LABELS[lang]
  const q = (s: CardStatus) => (lang === 'vi' ? `“${L[s]}”` : `"${L[s]}"`)
  const transition = findTransition(from, to)
  const who = transition
    ? list(
        transition.who.map((m) => MOVER_LABELS[lang][m]),
        lang,
      )
    : ''
  const next = list(nextStatuses(from).map(q), lang)
  switch (reason) {
    case 'same_status':
      return lang === 'vi' ? `Thẻ đã ở cột ${q(to)}.` : `The card is already in ${q(to)}.`
    case 'no_such_transition':
      return lang === 'vi'
        ? `Thẻ ở cột ${q(from)} chỉ có thể chuyển sang ${next}.`
        : `A card in ${q(from)} can only move to ${next}.`
    case 'role_not_allowed':
      return lang === 'vi'
        ? `Chỉ ${who} mới được chuyển thẻ từ ${q(from)} sang ${q(to)}.`
        : `Only ${who} may move a card from ${q(from)} to ${q(to)}.`
    case 'own_card':
      return lang === 'vi'
        ? `Bạn đã tham gia thực hiện thẻ này (được giao, đã nộp hoặc đã thêm minh chứng) nên không thể tự xác nhận; một thành viên khác của Tổ giám sát phải xác nhận.`
        : `You took part in this card (assigned, submitted it or added its evidence), so you cannot verify it; another member of the monitoring team must.`
    case 'evidence_missing':
      return lang === 'vi'
        ? `Cần ít nhất một minh chứng trước khi chuyển sang ${q(to)}.`
        : `Add at least one evidence item before moving to ${q(to)}.`
    case 'reason_required':
      return lang === 'vi'
        ? `Cần nêu lý do khi chuyển thẻ từ ${q(from)} về ${q(to)}.`
        : `A reason is required to move a card from ${q(from)} back to ${q(to)}.`
  }
}
