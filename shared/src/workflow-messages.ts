import { defineMessages, listOr, quote, type Lang } from './messages.ts'
import type { Role } from './roles.ts'
import type { EvidenceAddRefusal } from './permissions.ts'
import {
  moversBetween,
  nextStatuses,
  type CardStatus,
  type EvidenceRemovalRefusal,
  type MoveRejection,
  type Mover,
} from './workflow.ts'

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
  vi: {
    staff: 'Giáo viên, nhân viên',
    monitor: 'Tổ giám sát',
    principal: 'Hiệu trưởng',
    overseer: 'Cơ quan quản lý',
  },
  en: { staff: 'Staff', monitor: 'Monitoring team', principal: 'Principal', overseer: 'Overseer' },
}

const MOVER_LABELS: Record<Lang, Record<Mover, string>> = {
  vi: {
    assignee: 'người được giao',
    staff: 'giáo viên, nhân viên',
    monitor: 'Tổ giám sát',
    principal: 'Hiệu trưởng',
    overseer: 'cơ quan quản lý',
  },
  en: {
    assignee: 'an assignee',
    staff: 'staff',
    monitor: 'the monitoring team',
    principal: 'the principal',
    overseer: 'the overseeing body',
  },
}

type Columns = { from: string; to: string }

/** Refusals of a move, as sentences that say what is allowed instead. */
export const workflowMessages = defineMessages(
  {
    no_such_transition: (p: { from: string; next: string }) =>
      `Thẻ ở cột ${p.from} chỉ có thể chuyển sang ${p.next}.`,
    role_not_allowed: (p: Columns & { who: string }) =>
      `Chỉ ${p.who} mới được chuyển thẻ từ ${p.from} sang ${p.to}.`,
    cannot_reorder: 'Chỉ người được giao hoặc Hiệu trưởng mới được sắp xếp thẻ này.',
    own_card:
      'Bạn đã tham gia thực hiện thẻ này (được giao, đã nộp hoặc đã thêm minh chứng) nên không thể tự xác nhận; một thành viên khác của Tổ giám sát phải xác nhận.',
    evidence_missing: (p: Columns) => `Cần ít nhất một minh chứng trước khi chuyển sang ${p.to}.`,
    reason_required: (p: Columns) => `Cần nêu lý do khi chuyển thẻ từ ${p.from} về ${p.to}.`,
    evidence_forbidden:
      'Chỉ người được giao hoặc Hiệu trưởng mới được thêm hay liên kết minh chứng vào thẻ này.',
    evidence_frozen: 'Thẻ đã được xác nhận; minh chứng của thẻ đã được khóa.',
    last_evidence: (p: { in_progress: string }) =>
      `Đây là minh chứng cuối cùng của một thẻ đang chờ xác nhận. Hãy rút thẻ về ${p.in_progress} trước, rồi mới xoá minh chứng.`,
    not_uploader: 'Chỉ người đã thêm minh chứng này mới được xoá nó.',
  },
  {
    no_such_transition: (p) => `A card in ${p.from} can only move to ${p.next}.`,
    role_not_allowed: (p) => `Only ${p.who} may move a card from ${p.from} to ${p.to}.`,
    cannot_reorder: 'Only an assignee or the principal may reorder this card.',
    own_card:
      'You took part in this card (assigned, submitted it or added its evidence), so you cannot verify it; another member of the monitoring team must.',
    evidence_missing: (p) => `Add at least one evidence item before moving to ${p.to}.`,
    reason_required: (p) => `A reason is required to move a card from ${p.from} back to ${p.to}.`,
    evidence_forbidden: 'Only an assignee or the principal may add or link evidence to this card.',
    evidence_frozen: 'The card is verified; its evidence is frozen.',
    last_evidence: (p) =>
      `This is the last evidence item of a card waiting for review. Withdraw the card to ${p.in_progress} first, then delete the item.`,
    not_uploader: 'Only the person who added this item may delete it.',
  },
)

/** A column's name, quoted as the language quotes it. */
export function statusName(status: CardStatus, lang: Lang): string {
  return quote(STATUS_LABELS[lang][status], lang)
}

/**
 * A refusal as a sentence that says what is allowed instead. Shared so that the server's
 * message and the UI's hint are the same words. A refusal inside a card's own column is
 * about reordering it.
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
  const m = workflowMessages[lang]
  const columns = { from: statusName(from, lang), to: statusName(to, lang) }
  switch (reason) {
    case 'no_such_transition':
      return m.no_such_transition({
        from: columns.from,
        next: listOr(
          nextStatuses(from).map((s) => statusName(s, lang)),
          lang,
        ),
      })
    case 'role_not_allowed':
      if (from === to) return m.cannot_reorder
      return m.role_not_allowed({
        ...columns,
        who: listOr(
          moversBetween(from, to).map((w) => MOVER_LABELS[lang][w]),
          lang,
        ),
      })
    case 'own_card':
      return m.own_card
    case 'evidence_missing':
      return m.evidence_missing(columns)
    case 'reason_required':
      return m.reason_required(columns)
  }
}

/** Why evidence cannot be added, linked or removed, in the user's language. */
export function evidenceRefusalMessage(
  reason: EvidenceAddRefusal | EvidenceRemovalRefusal | 'not_uploader',
  lang: Lang = 'vi',
): string {
  const m = workflowMessages[lang]
  switch (reason) {
    case 'forbidden':
      return m.evidence_forbidden
    case 'frozen':
      return m.evidence_frozen
    case 'last_evidence':
      return m.last_evidence({ in_progress: statusName('in_progress', lang) })
    case 'not_uploader':
      return m.not_uploader
  }
}
