import {
  addMonths,
  formatMonth,
  schoolCalendarProblem,
  schoolCalendarProblemText,
  type Month,
  type SchoolCalendarInput,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { useI18n, useMessages } from '@/lib/i18n'
import {
  schoolCalendarQueryOptions,
  useSaveSchoolCalendar,
  type LoadedSchoolCalendar,
} from '../api/school-calendar-queries'
import { schoolCalendarUiMessages } from '../school-calendar-messages'
import { SaveWithNote } from '@/components/ui/form-actions'

type Semester = keyof SchoolCalendarInput

/**
 * "Lịch năm học" on a plan's settings: the months of semesters I and II of the plan's school
 * year at its school ("Học kỳ I" timeframes and the checkpoint reviews read them). Every member
 * reads it; the principal sets it (canSetSchoolCalendar), within the year's months.
 */
export function SchoolCalendarSection({
  schoolId,
  schoolYear,
  editable,
  onSaved,
}: {
  schoolId: string
  schoolYear: string
  editable: boolean
  /** The calendar changed: refresh what reads its months (the board, the reviews). */
  onSaved: () => Promise<void> | void
}) {
  const m = useMessages(schoolCalendarUiMessages)
  const loaded = useQuery(schoolCalendarQueryOptions(schoolId, schoolYear))
  const save = useSaveSchoolCalendar(schoolId, schoolYear, onSaved)
  const id = useId()
  return (
    <section className="settings-section" aria-labelledby={`${id}-calendar`}>
      <h2 id={`${id}-calendar`} className="settings-section-title">
        {m.title}
      </h2>
      <p className="settings-note">{m.intro({ year: schoolYear })}</p>
      {!editable && <p className="settings-note">{m.principalOnly}</p>}
      {loaded.isError && (
        <p className="form-error" role="alert">
          {errorMessage(loaded.error, m.loadFailed)}
        </p>
      )}
      {loaded.data && (
        <CalendarForm
          key={JSON.stringify(loaded.data.calendar)}
          loaded={loaded.data}
          schoolYear={schoolYear}
          editable={editable}
          save={save}
        />
      )}
    </section>
  )
}

function CalendarForm({
  loaded,
  schoolYear,
  editable,
  save,
}: {
  loaded: LoadedSchoolCalendar
  schoolYear: string
  editable: boolean
  save: ReturnType<typeof useSaveSchoolCalendar>
}) {
  const m = useMessages(schoolCalendarUiMessages)
  const { lang } = useI18n()
  const id = useId()
  const { semester1, semester2 } = loaded.calendar
  const [months, setMonths] = useState<SchoolCalendarInput>({ semester1, semester2 })
  const [dirty, setDirty] = useState(false)
  const choices: Month[] = []
  for (let month = loaded.span.start; month <= loaded.span.end; month = addMonths(month, 1)) {
    choices.push(month)
  }
  // The server's rule, asked here first: the save waits until the months agree with it.
  const problem = schoolCalendarProblem({ schoolYear, ...months })
  const set = (semester: Semester, end: 'start' | 'end', month: Month) => {
    setDirty(true)
    setMonths((was) => ({ ...was, [semester]: { ...was[semester], [end]: month } }))
  }
  const changedCards = save.data?.changedCards ?? 0
  return (
    <form
      className="calendar-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (problem || !editable) return
        setDirty(false)
        save.mutate(months)
      }}
    >
      <p className="muted">{loaded.custom ? m.usingOwn : m.usingDefault}</p>
      <div className="calendar-semesters">
        {(['semester1', 'semester2'] as const).map((semester) => (
          <fieldset key={semester} className="calendar-semester">
            <legend>{m[semester]}</legend>
            {(['start', 'end'] as const).map((end) => (
              <label key={end} className="field" htmlFor={`${id}-${semester}-${end}`}>
                <span className="field-label">{end === 'start' ? m.from : m.to}</span>
                <select
                  id={`${id}-${semester}-${end}`}
                  className="field-select"
                  value={months[semester][end]}
                  disabled={!editable}
                  onChange={(e) => set(semester, end, e.target.value as Month)}
                >
                  {choices.map((month) => (
                    <option key={month} value={month}>
                      {formatMonth(month)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <p className="settings-note">
        {m.bounds({ from: formatMonth(loaded.span.start), to: formatMonth(loaded.span.end) })}{' '}
        {!problem &&
          m.checkpoints({
            semester1: formatMonth(months.semester1.end),
            yearEnd: formatMonth(months.semester2.end),
          })}
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {schoolCalendarProblemText(problem, schoolYear, lang)}
        </p>
      )}
      {editable && (
        <SaveWithNote
          error={save.isError ? errorMessage(save.error, m.saveFailed) : null}
          pending={save.isPending}
          disabled={problem !== null}
          label={m.save}
          savedNote={
            save.isSuccess && !dirty
              ? changedCards > 0
                ? m.savedCards({ n: changedCards })
                : m.saved
              : null
          }
        />
      )}
    </form>
  )
}
