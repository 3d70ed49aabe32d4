import type { ShiftOddReason, TimeframeChoice } from '@caitien/shared'
import { useId } from 'react'
import { useMessages } from '@/lib/i18n'
import type { ImportComparison } from '../api/import-queries'
import { importMessages } from '../import-messages'
import { monthsText } from '../import-rows'

const ODD: Record<ShiftOddReason, 'oddBareYear' | 'oddSpansYears' | 'oddCrossesYear'> = {
  bare_year: 'oddBareYear',
  spans_years: 'oddSpansYears',
  crosses_school_year: 'oddCrossesYear',
}

/**
 * The file beside the plan it goes into: school year and framework, and, when the months
 * belong to another school year, the choice to move them (each timeframe before and after)
 * or keep them. Nothing is chosen for the principal.
 */
export function ComparisonPanel({
  comparison,
  chosen,
  onChoose,
  disabled,
}: {
  comparison: ImportComparison
  chosen: TimeframeChoice | null
  onChoose: (choice: TimeframeChoice) => void
  disabled: boolean
}) {
  const c = useMessages(importMessages)
  const id = useId()
  const { schoolYear, framework } = comparison
  const moved = comparison.timeframes.filter((t) => t.changes || t.odd)
  const odd = comparison.timeframes.filter((t) => t.odd)
  const yearLine = !schoolYear.file
    ? c.compareYearUnknown({ plan: schoolYear.plan })
    : schoolYear.same
      ? c.compareYearSame({ year: schoolYear.plan })
      : c.compareYear({ file: schoolYear.file, plan: schoolYear.plan })
  const frameworkLine =
    framework.same === null
      ? c.compareFrameworkUnknown
      : framework.same
        ? c.compareFrameworkSame({ code: framework.plan ?? '' })
        : c.compareFramework({ file: framework.file ?? '', plan: framework.plan ?? '' })

  return (
    <section className="import-section import-compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        {c.compareTitle}
      </h3>
      <ul className="import-compare-lines">
        <li className={schoolYear.same ? 'compare-same' : 'compare-differs'}>{yearLine}</li>
        <li className={framework.same === false ? 'compare-differs' : 'compare-same'}>
          {frameworkLine}
        </li>
      </ul>
      {comparison.shiftOffered && (
        <fieldset className="import-timeframes" disabled={disabled}>
          <legend>{c.timeframesLegend}</legend>
          <label className="import-target-option">
            <input
              type="radio"
              name={`${id}-timeframes`}
              checked={chosen === 'shift'}
              onChange={() => onChoose('shift')}
            />
            <span>
              <span className="import-target-name">
                {c.timeframesShift({ year: schoolYear.plan })}
              </span>
              <span className="muted import-target-hint">{c.timeframesShiftHint}</span>
            </span>
          </label>
          <label className="import-target-option">
            <input
              type="radio"
              name={`${id}-timeframes`}
              checked={chosen === 'keep'}
              onChange={() => onChoose('keep')}
            />
            <span>
              <span className="import-target-name">{c.timeframesKeep}</span>
              <span className="muted import-target-hint">{c.timeframesKeepHint}</span>
            </span>
          </label>
          {chosen === null && (
            <p className="import-choose" role="status">
              {c.timeframesChoose}
            </p>
          )}
          <div className="import-shift-table-wrap">
            <table className="import-shift-table">
              <thead>
                <tr>
                  <th scope="col">{c.rowNumber}</th>
                  <th scope="col">{c.timeframesBefore}</th>
                  <th scope="col">{c.timeframesAfter}</th>
                </tr>
              </thead>
              <tbody>
                {moved.map((t) => (
                  <tr key={t.sourceRow}>
                    <td>{t.sourceRow}</td>
                    <td>
                      <span className="shift-text">{t.before.text}</span>
                      <span className="shift-months">{monthsText(t.before) ?? '—'}</span>
                    </td>
                    <td>
                      {t.odd ? (
                        <span className="shift-odd">
                          {c.oddKept}: {c[ODD[t.odd]]}
                        </span>
                      ) : (
                        t.after.text !== t.before.text && (
                          <span className="shift-text">{t.after.text}</span>
                        )
                      )}
                      <span className="shift-months">{monthsText(t.after) ?? '—'}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {odd.length > 0 && (
            <p className="muted">
              {c.oddTitle({ n: odd.length })} {odd.map((t) => t.sourceRow).join(', ')}
            </p>
          )}
        </fieldset>
      )}
    </section>
  )
}
