import {
  CARD_FIELD_LIMITS,
  CRITERION_CODE_RE,
  STANDARD_CODE_RE,
  type PlanField,
} from '@caitien/shared'
import { useId, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { cardEditMessages } from '../card-edit-messages'
import { planFieldLabels } from '@caitien/shared'

export type CardFieldValues = Record<PlanField, string>

/** The plan fields in the plan's order, each with how it is typed in. */
const FIELDS: { field: PlanField; kind: 'code' | 'line' | 'text'; wide?: boolean }[] = [
  { field: 'standard', kind: 'code' },
  { field: 'criterion', kind: 'code' },
  { field: 'standardName', kind: 'line', wide: true },
  { field: 'criterionLabel', kind: 'text', wide: true },
  { field: 'section', kind: 'line' },
  { field: 'improvementContent', kind: 'text', wide: true },
  { field: 'target', kind: 'line' },
  { field: 'weakness', kind: 'text', wide: true },
  { field: 'tasks', kind: 'text', wide: true },
  { field: 'measures', kind: 'text', wide: true },
  { field: 'indicators', kind: 'text', wide: true },
  { field: 'lead', kind: 'line' },
  { field: 'coordinators', kind: 'line' },
  { field: 'timeframe', kind: 'line' },
  { field: 'budget', kind: 'line' },
  { field: 'fundingSource', kind: 'line' },
  { field: 'support', kind: 'line' },
  { field: 'expectedEvidence', kind: 'text', wide: true },
  { field: 'completionLevel', kind: 'line' },
  { field: 'notes', kind: 'text', wide: true },
]

/** The form's values from a card's fields (none: a blank form). */
export function toFieldValues(card?: Partial<Record<PlanField, string | null>>): CardFieldValues {
  return Object.fromEntries(
    FIELDS.map(({ field }) => [field, card?.[field] ?? '']),
  ) as CardFieldValues
}

/**
 * What to send: the fields that differ from `initial` (an edit), or the filled ones (a new
 * card, whose `initial` is blank); an emptied field is sent as null.
 */
export function changedFields(
  initial: CardFieldValues,
  values: CardFieldValues,
): Partial<Record<PlanField, string | null>> {
  const out: Partial<Record<PlanField, string | null>> = {}
  for (const { field } of FIELDS) {
    const before = initial[field].trim()
    const after = values[field].trim()
    if (before !== after) out[field] = after === '' ? null : after
  }
  return out
}

const PATTERNS: Partial<Record<PlanField, { re: RegExp; example: string }>> = {
  standard: { re: STANDARD_CODE_RE, example: '1' },
  criterion: { re: CRITERION_CODE_RE, example: '1.5' },
}

/**
 * Every plan field of a card, with the API's limits (shared CARD_FIELD_LIMITS and code
 * patterns): used to add an action by hand and to edit one. Submits only what changed.
 */
export function CardFieldsForm({
  initial,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus = 'tasks',
}: {
  initial: CardFieldValues
  submitLabel: string
  pendingLabel: string
  pending: boolean
  error: ReactNode
  onSubmit: (changes: Partial<Record<PlanField, string | null>>) => void
  onCancel: () => void
  autoFocus?: PlanField
}) {
  const m = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const labels = useMessages(planFieldLabels)
  const id = useId()
  const [values, setValues] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)

  function submit(e: FormEvent) {
    e.preventDefault()
    const changes = changedFields(initial, values)
    if (Object.keys(changes).length === 0) {
      setProblem(Object.values(initial).some((v) => v.trim()) ? m.noChange : m.nothingFilled)
      return
    }
    setProblem(null)
    onSubmit(changes)
  }

  return (
    <form className="card-form" onSubmit={submit}>
      <div className="card-form-grid">
        {FIELDS.map(({ field, kind, wide }) => {
          const max = CARD_FIELD_LIMITS[field]
          const value = values[field]
          const set = (v: string) => setValues((all) => ({ ...all, [field]: v }))
          const pattern = PATTERNS[field]
          const props = {
            id: `${id}-${field}`,
            name: field,
            maxLength: max,
            value,
            autoFocus: field === autoFocus,
          }
          return (
            <label
              key={field}
              className={`field${wide ? ' field-wide' : ''}`}
              htmlFor={`${id}-${field}`}
            >
              <span className="field-label">{labels[field]}</span>
              {kind === 'text' ? (
                <textarea {...props} rows={3} onChange={(e) => set(e.target.value)} />
              ) : (
                <input
                  {...props}
                  inputMode={kind === 'code' ? 'decimal' : undefined}
                  pattern={pattern ? pattern.re.source.replace(/^\^|\$$/g, '') : undefined}
                  title={pattern ? m.codeHint({ example: pattern.example }) : undefined}
                  placeholder={pattern?.example}
                  onChange={(e) => set(e.target.value)}
                />
              )}
              {value.length > max * 0.8 && (
                <span className="field-count">{m.charsLeft({ n: value.length, max })}</span>
              )}
            </label>
          )
        })}
      </div>
      {(problem ?? error) && (
        <p className="form-error" role="alert">
          {problem ?? error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {common.cancel}
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  )
}
