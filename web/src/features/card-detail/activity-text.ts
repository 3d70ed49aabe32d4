import { STATUS_LABELS, isCardStatus, type Lang, type PlanField } from '@caitien/shared'
import { planFieldLabels } from '@caitien/shared'
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

/** One changed plan field of an 'edited' entry: its name, and its text before and after. */
export interface FieldChangeLine {
  field: PlanField
  before: string | null
  after: string | null
}

/** The field-by-field changes an 'edited' entry logged (none for entries before issue 12). */
export function activityChanges(
  action: string,
  detail: Record<string, unknown> | null,
): FieldChangeLine[] {
  if (action !== 'edited' || !detail || !Array.isArray(detail.changes)) return []
  return detail.changes.flatMap((c: unknown) => {
    if (!c || typeof c !== 'object') return []
    const { field, before, after } = c as Record<string, unknown>
    if (typeof field !== 'string' || !isPlanFieldName(field)) return []
    const text = (v: unknown) => (typeof v === 'string' ? v : null)
    return [{ field, before: text(before), after: text(after) }]
  })
}

function isPlanFieldName(field: string): field is PlanField {
  return Object.hasOwn(planFieldLabels.vi, field)
}

/** A link an entry carries to another card: the original of a carry-over, or where it went. */
export function activityLink(
  action: string,
  detail: Record<string, unknown> | null,
): { planId: string; cardId: string; kind: 'from' | 'to' } | null {
  if (!detail) return null
  if (action === 'created' && detail.carriedFrom && typeof detail.carriedFrom === 'object') {
    const { planId, cardId } = detail.carriedFrom as Record<string, unknown>
    if (typeof planId === 'string' && typeof cardId === 'string') {
      return { planId, cardId, kind: 'from' }
    }
  }
  if (action === 'carried_over') {
    const { toPlanId, toCardId } = detail
    if (typeof toPlanId === 'string' && typeof toCardId === 'string') {
      return { planId: toPlanId, cardId: toCardId, kind: 'to' }
    }
  }
  return null
}

/** The school year change an 'edited' entry records, if any. */
export function activitySchoolYear(
  action: string,
  detail: Record<string, unknown> | null,
): { before: string; after: string } | null {
  if (action !== 'edited' || !detail?.schoolYear || typeof detail.schoolYear !== 'object') {
    return null
  }
  const { before, after } = detail.schoolYear as Record<string, unknown>
  return typeof before === 'string' && typeof after === 'string' ? { before, after } : null
}

/** The school year whose calendar an 'edited' entry read the card's months again with, if any. */
export function activityCalendarYear(
  action: string,
  detail: Record<string, unknown> | null,
): string | null {
  if (action !== 'edited' || !detail?.calendar || typeof detail.calendar !== 'object') return null
  const { schoolYear } = detail.calendar as Record<string, unknown>
  return typeof schoolYear === 'string' ? schoolYear : null
}
