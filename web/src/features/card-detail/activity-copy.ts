import { STATUS_LABELS, isCardStatus, type Lang } from '@caitien/shared'

/** What each activity action says, after the actor's name. */
const ACTION_TEXT: Record<Lang, Record<string, string>> = {
  vi: {
    created: 'đã tạo thẻ',
    edited: 'đã sửa nội dung thẻ',
    assigned: 'đã giao việc',
    start: 'đã bắt đầu thực hiện',
    unstart: 'đã chuyển thẻ về Kế hoạch',
    submit: 'đã nộp minh chứng',
    withdraw: 'đã rút lại minh chứng đã nộp',
    send_back: 'đã trả lại để bổ sung',
    verify: 'đã xác nhận hoàn thành',
    reopen: 'đã mở lại thẻ',
    evidence_added: 'đã thêm minh chứng',
    evidence_deleted: 'đã xoá minh chứng',
    evidence_linked: 'đã dùng chung minh chứng',
    evidence_code_changed: 'đã sửa mã minh chứng',
    commented: 'đã bình luận',
    deleted: 'đã xoá thẻ',
  },
  en: {
    created: 'created the card',
    edited: 'edited the card',
    assigned: 'changed the assignees',
    start: 'started the work',
    unstart: 'moved the card back to Planned',
    submit: 'submitted evidence',
    withdraw: 'withdrew the submitted evidence',
    send_back: 'sent the card back',
    verify: 'verified the card',
    reopen: 'reopened the card',
    evidence_added: 'added evidence',
    evidence_deleted: 'deleted evidence',
    evidence_linked: 'linked shared evidence',
    evidence_code_changed: 'changed an evidence code',
    commented: 'commented',
    deleted: 'deleted the card',
  },
}

export function activityText(action: string, lang: Lang): string {
  return ACTION_TEXT[lang][action] ?? action
}

/** "Kế hoạch → Đang thực hiện", or null when the entry is not a move. */
export function activityTransition(
  from: string | null,
  to: string | null,
  lang: Lang,
): string | null {
  if (!isCardStatus(from) || !isCardStatus(to)) return null
  return `${STATUS_LABELS[lang][from]} → ${STATUS_LABELS[lang][to]}`
}

/** Extra words from the entry's detail: the evidence code and title, the new assignees. */
export function activityDetail(
  action: string,
  detail: Record<string, unknown> | null,
  nameOf: (id: string) => string | undefined,
): string | null {
  if (!detail) return null
  if (action === 'evidence_code_changed') {
    const before = typeof detail.before === 'string' ? detail.before : '?'
    const after = typeof detail.after === 'string' ? detail.after : '?'
    return `${before} → ${after}`
  }
  if (
    action === 'evidence_added' ||
    action === 'evidence_deleted' ||
    action === 'evidence_linked'
  ) {
    const code = typeof detail.code === 'string' ? detail.code : ''
    const title = typeof detail.title === 'string' ? detail.title : ''
    return [code, title].filter(Boolean).join(' ') || null
  }
  if (action === 'assigned' && Array.isArray(detail.after)) {
    const names = detail.after
      .filter((id): id is string => typeof id === 'string')
      .map((id) => nameOf(id) ?? '?')
    return names.length ? names.join(', ') : '—'
  }
  return null
}
