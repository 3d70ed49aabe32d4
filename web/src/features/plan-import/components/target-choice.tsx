import { useId } from 'react'
import { useMessages } from '@/lib/i18n'
import { importMessages } from '../import-messages'

/** A plan an import can go into. */
export interface TargetPlan {
  id: string
  title: string
  schoolYear: string
}

/** Where the rows go: a new plan (first, the default) or one of the school's plans, by name. */
export type ImportTarget = { kind: 'new' } | ({ kind: 'plan' } & TargetPlan)

export function TargetChoice({
  target,
  plans,
  planInView,
  onChange,
  disabled,
}: {
  target: ImportTarget
  plans: readonly TargetPlan[]
  planInView: string | null
  onChange: (target: ImportTarget) => void
  disabled: boolean
}) {
  const c = useMessages(importMessages)
  const id = useId()
  return (
    <fieldset className="import-target" disabled={disabled}>
      <legend className="section-title">{c.targetLegend}</legend>
      <label className="import-target-option">
        <input
          type="radio"
          name={`${id}-target`}
          checked={target.kind === 'new'}
          onChange={() => onChange({ kind: 'new' })}
        />
        <span>
          <span className="import-target-name">{c.targetNew}</span>
          <span className="muted import-target-hint">{c.targetNewHint}</span>
        </span>
      </label>
      {plans.map((plan) => (
        <label key={plan.id} className="import-target-option">
          <input
            type="radio"
            name={`${id}-target`}
            checked={target.kind === 'plan' && target.id === plan.id}
            onChange={() => onChange({ kind: 'plan', ...plan })}
          />
          <span>
            <span className="import-target-name">
              {plan.title.includes(plan.schoolYear)
                ? plan.title
                : c.targetPlan({ title: plan.title, year: plan.schoolYear })}
            </span>
            {plan.id === planInView && (
              <span className="badge import-target-badge">{c.targetInView}</span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
