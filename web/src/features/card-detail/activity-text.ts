import { STATUS_LABELS, isCardStatus, type Lang } from '@caitien/shared'
import { activityMessages, cardMessages } from './card-messages'

type ActivityAction = keyof (typeof activityMessages)['vi']

function isKnownAction(action: string): action is ActivityAction {
  return Object.hasOwn(activityMessages.vi, action)
}

/**
 * "Lê Thị Mai đã nộp minh chứng": who did what, one sentence of the language, with the
 * person as a parameter (the history shows the name in bold).
 */
export function activityMessage(action: string, lang: Lang): (p: { actor: string }) => string {
  if (!isKnownAction(action)) {
    return ({ actor }) => cardMessages[lang].otherAction({ actor, action })
  }
  const message = activityMessages[lang][action]
  const planned = STATUS_LABELS[lang].planned
  return ({ actor }) => message({ actor, planned })
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
