import { schoolYearChoices, schoolYearOf } from '@caitien/shared'
import { useId, useState } from 'react'
import { useMessages } from '@/lib/i18n'
import type { PlanFileReading } from '../api/import-queries'
import { importMessages } from '../import-messages'

export interface NewPlanValues {
  title: string
  schoolYear: string
  frameworkId: string
}

/**
 * A new plan for the file, its school year and framework read from the file and editable:
 * the plan is made when the principal asks, then the file is previewed into it.
 */
export function NewPlanStep({
  reading,
  formId,
  onSubmit,
  error,
}: {
  reading: PlanFileReading
  formId: string
  onSubmit: (values: NewPlanValues) => void
  error: string | null
}) {
  const c = useMessages(importMessages)
  const id = useId()
  const years = schoolYearChoices(new Date(), reading.schoolYear)
  const [schoolYear, setSchoolYear] = useState(reading.schoolYear ?? schoolYearOf(new Date()))
  const [title, setTitle] = useState<string | null>(null)
  const [frameworkId, setFrameworkId] = useState(
    reading.frameworkId ?? reading.frameworks[0]?.id ?? '',
  )
  const shownTitle = title ?? c.defaultPlanTitle({ year: schoolYear })
  const found = [
    reading.school,
    reading.schoolYear && c.schoolYear({ year: reading.schoolYear }),
    reading.circular,
    c.rowsInFile({ n: reading.rows }),
  ].filter(Boolean)

  return (
    <form
      id={formId}
      className="import-new-plan"
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit({ title: shownTitle.trim(), schoolYear, frameworkId })
      }}
    >
      <p>{c.newPlanIntro({ file: reading.fileName })}</p>
      <p className="muted">
        {reading.schoolYear || reading.circular
          ? c.newPlanDetected({ found: found.join(' · ') })
          : c.newPlanNothingDetected}
      </p>
      <label className="field" htmlFor={`${id}-title`}>
        <span className="field-label">{c.planTitle}</span>
        <input
          id={`${id}-title`}
          required
          maxLength={300}
          value={shownTitle}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field" htmlFor={`${id}-year`}>
        <span className="field-label">{c.planSchoolYear}</span>
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
        <span className="field-label">{c.planFramework}</span>
        <select
          id={`${id}-framework`}
          className="field-select"
          required
          value={frameworkId}
          onChange={(e) => setFrameworkId(e.target.value)}
        >
          {reading.frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {c.frameworkOption({ code: f.code, title: f.title })}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
