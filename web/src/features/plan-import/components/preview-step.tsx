import type { TimeframeChoice } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'
import type { ColumnChoices, ImportField, ImportPreview } from '../api/import-queries'
import { importMessages } from '../import-messages'
import { ColumnMapping } from './column-mapping'
import { ComparisonPanel } from './comparison-panel'
import { FoundInFile } from './found-in-file'
import { LeadMapping } from './lead-mapping'
import { ProseRows } from './prose-rows'
import { RowPreview } from './row-preview'

/** Step 2: what the file says and what importing it would do. Nothing is saved yet. */
export function PreviewStep({
  preview,
  choices,
  onChoose,
  reused,
  onReadAfresh,
  updating,
  updateError,
  nothingNew,
  picks,
  onPick,
  timeframes,
  onChooseTimeframes,
  onAcceptProse,
}: {
  onAcceptProse: (sourceRow: number, accept: boolean) => void
  timeframes: TimeframeChoice | null
  onChooseTimeframes: (choice: TimeframeChoice) => void
  preview: ImportPreview
  choices: ColumnChoices
  onChoose: (columnIndex: number, field: ImportField | null) => void
  reused: boolean
  onReadAfresh: () => void
  updating: boolean
  updateError: string | null
  nothingNew: boolean
  picks: Readonly<Record<string, readonly string[]>>
  onPick: (text: string, userIds: string[]) => void
}) {
  const c = useMessages(importMessages)
  const context = [
    preview.school,
    preview.schoolYear && c.schoolYear({ year: preview.schoolYear }),
    preview.circular,
  ].filter(Boolean)

  return (
    <div className="import-preview" aria-busy={updating}>
      <div className="import-summary">
        <p className="import-into">
          {c.importingInto({ plan: preview.target.title, year: preview.target.schoolYear })}
        </p>
        <div className="import-file-name">{preview.fileName}</div>
        {context.length > 0 && (
          <div className="muted">{c.fromFile({ context: context.join(' · ') })}</div>
        )}
        <p className="import-summary-line" aria-live="polite">
          {c.summary(preview.summary)}
          {updating && (
            <span className="busy busy-inline">
              <span className="spinner" aria-hidden="true" />
              {c.updating}
            </span>
          )}
        </p>
      </div>

      {preview.rows.length === 0 ? (
        <FoundInFile found={preview.found} />
      ) : (
        <ComparisonPanel
          comparison={preview.comparison}
          chosen={timeframes}
          onChoose={onChooseTimeframes}
          disabled={updating}
        />
      )}

      <ProseRows proposed={preview.proposed} disabled={updating} onAccept={onAcceptProse} />

      {nothingNew && (
        <p className="import-nothing" role="status">
          {c.nothingNew}
        </p>
      )}

      {preview.priorityProblems.length > 0 && (
        <section className="import-section" aria-labelledby="import-problems">
          <h3 id="import-problems" className="section-title">
            {c.priorityProblemsTitle}
            <span className="section-count">{preview.priorityProblems.length}</span>
          </h3>
          <p className="section-hint">{c.priorityProblemsHint}</p>
          <ol className="import-priority-problems">
            {preview.priorityProblems.map((problem, i) => (
              <li key={i}>
                <strong>
                  {[problem.standard, problem.criteriaText].filter(Boolean).join(' — ')}
                </strong>
                <div>{problem.weakness}</div>
                <div className="muted">
                  {c.problemRows({
                    count: preview.rows.filter((r) => r.row.priorityProblem === i).length,
                  })}
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="import-section" aria-labelledby="import-columns">
        <h3 id="import-columns" className="section-title">
          {c.columnsTitle}
          <span className="section-count">{preview.mapping.length}</span>
        </h3>
        <p className="section-hint">{c.columnsHint}</p>
        {reused && (
          <p className="import-reused">
            {c.reusedColumns}{' '}
            <button type="button" className="link-button" onClick={onReadAfresh}>
              {c.readAfresh}
            </button>
          </p>
        )}
        {updateError && !updating && (
          <p className="form-error" role="alert">
            {updateError}
          </p>
        )}
        <ColumnMapping
          mapping={preview.mapping}
          fields={preview.fields}
          choices={choices}
          onChoose={onChoose}
        />
      </section>

      {preview.rows.length > 0 && (
        <section className="import-section" aria-labelledby="import-rows">
          <h3 id="import-rows" className="section-title">
            {c.rowsTitle}
            <span className="section-count">{preview.rows.length}</span>
          </h3>
          <RowPreview rows={preview.rows} problems={preview.problems} />
        </section>
      )}

      <section className="import-section" aria-labelledby="import-problems">
        <h3 id="import-problems" className="section-title">
          {c.problemsTitle}
          <span className="section-count">{preview.problems.length}</span>
        </h3>
        {preview.problems.length === 0 ? (
          <p className="muted">{c.noProblems}</p>
        ) : (
          <ul className="import-problems">
            {preview.problems.map((p, i) => (
              <li key={`${p.row}-${i}`}>{c.problem(p)}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="import-section" aria-labelledby="import-leads">
        <h3 id="import-leads" className="section-title">
          {c.leadsTitle}
          <span className="section-count">{preview.leads.length}</span>
        </h3>
        <p className="section-hint">{c.leadsHint}</p>
        <LeadMapping
          leads={preview.leads}
          members={preview.members}
          picks={picks}
          onPick={onPick}
        />
      </section>
    </div>
  )
}
