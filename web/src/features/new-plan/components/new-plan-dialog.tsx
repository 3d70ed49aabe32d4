import { pickFramework, schoolYearChoices, schoolYearOf } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { frameworksQueryOptions, useCreatePlan } from '../api/new-plan-queries'
import { newPlanMessages } from '../new-plan-messages'

/** A plan of the school the new one may carry over from. */
export interface SourcePlan {
  id: string
  title: string
  schoolYear: string
}

/**
 * A new plan for the school: blank (the caller then opens the import for it), or from last
 * year's plan, whose unfinished actions carry over. The framework is guessed from the year
 * and the level of the plan in view (TT57/2026 from 2026-2027 on) until the principal
 * picks one.
 */
export function NewPlanDialog({
  schoolId,
  schoolName,
  currentFrameworkId,
  currentSchoolYear,
  sourcePlans = [],
  renderCarryOver,
  onClose,
  onCreated,
}: {
  schoolId: string
  schoolName: string | null
  currentFrameworkId: string | null
  currentSchoolYear: string | null
  /** The school's plans, latest first: what "from last year's plan" offers. */
  sourcePlans?: readonly SourcePlan[]
  /** What carrying over from a plan would do, composed by the app. */
  renderCarryOver?: (planId: string) => ReactNode
  onClose: () => void
  /** `carried`: made from last year's plan, so there is nothing to import. */
  onCreated: (planId: string, how: { carried: boolean }) => Promise<void> | void
}) {
  const m = useMessages(newPlanMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const frameworks = useQuery(frameworksQueryOptions())
  const createPlan = useCreatePlan()
  const years = schoolYearChoices(new Date(), currentSchoolYear)
  const [schoolYear, setSchoolYear] = useState(() => {
    const now = schoolYearOf(new Date())
    return currentSchoolYear && currentSchoolYear > now ? currentSchoolYear : now
  })
  const [title, setTitle] = useState<string | null>(null)
  const [frameworkId, setFrameworkId] = useState<string | null>(null)
  const [carry, setCarry] = useState(false)
  const [sourceId, setSourceId] = useState<string | null>(null)
  // Last year's plan: the latest of an earlier school year, else the latest.
  const source =
    sourceId ?? (sourcePlans.find((p) => p.schoolYear < schoolYear) ?? sourcePlans[0])?.id ?? null
  const carryFromPlanId = carry && source ? source : undefined

  const list = frameworks.data?.frameworks ?? []
  const schoolLevel = list.find((f) => f.id === currentFrameworkId)?.schoolLevel ?? null
  const chosenFramework = frameworkId ?? pickFramework(list, { schoolYear, schoolLevel }) ?? ''
  const shownTitle = title ?? m.defaultPlanTitle({ schoolYear })

  return (
    <Modal
      title={m.newPlanTitle}
      onClose={onClose}
      closeLabel={common.close}
      initialFocus={titleRef}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          createPlan.mutate(
            {
              schoolId,
              title: shownTitle.trim(),
              schoolYear,
              frameworkId: chosenFramework,
              carryFromPlanId,
            },
            {
              onSuccess: (data) =>
                void onCreated(data.plan.id, { carried: carryFromPlanId !== undefined }),
            },
          )
        }}
      >
        {schoolName && <p className="muted new-plan-school">{schoolName}</p>}
        {sourcePlans.length > 0 && (
          <fieldset className="new-plan-start">
            <legend className="field-label">{m.startFrom}</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-start`}
                checked={!carry}
                onChange={() => setCarry(false)}
              />
              {m.startBlank}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-start`}
                checked={carry}
                onChange={() => setCarry(true)}
              />
              {m.startFromLast}
            </label>
          </fieldset>
        )}
        {carry && source && (
          <>
            <label className="field" htmlFor={`${id}-source`}>
              <span className="field-label">{m.sourcePlan}</span>
              <select
                id={`${id}-source`}
                className="field-select"
                value={source}
                onChange={(e) => setSourceId(e.target.value)}
              >
                {sourcePlans.map((p) => (
                  <option key={p.id} value={p.id}>
                    {m.sourceOption({ title: p.title, schoolYear: p.schoolYear })}
                  </option>
                ))}
              </select>
            </label>
            {renderCarryOver?.(source)}
          </>
        )}
        <label className="field" htmlFor={`${id}-title`}>
          <span className="field-label">{m.planTitle}</span>
          <input
            ref={titleRef}
            id={`${id}-title`}
            required
            maxLength={300}
            value={shownTitle}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={`${id}-year`}>
          <span className="field-label">{m.schoolYear}</span>
          <select
            id={`${id}-year`}
            className="field-select"
            value={schoolYear}
            onChange={(e) => setSchoolYear(e.target.value)}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-framework`}>
          <span className="field-label">{m.framework}</span>
          <select
            id={`${id}-framework`}
            className="field-select"
            required
            value={chosenFramework}
            disabled={frameworks.isPending}
            onChange={(e) => setFrameworkId(e.target.value)}
          >
            {frameworks.isPending && <option value="">{common.loading}</option>}
            {list.map((f) => (
              <option key={f.id} value={f.id}>
                {f.completeness === 'partial'
                  ? m.frameworkOptionPartial({ code: f.code, title: f.title })
                  : m.frameworkOption({ code: f.code, title: f.title })}
              </option>
            ))}
          </select>
        </label>
        <p className="muted new-plan-hint">{carry ? m.carryHint : m.newPlanHint}</p>
        {frameworks.isError && <p className="form-error">{common.loadFailed}</p>}
        {createPlan.isError && (
          <p className="form-error" role="alert">
            {errorMessage(createPlan.error, m.createPlanFailed)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={createPlan.isPending || !chosenFramework}
          >
            {createPlan.isPending ? m.creating : carry ? m.createAndCarry : m.createAndImport}
          </button>
        </div>
      </form>
    </Modal>
  )
}
