import { Fragment } from 'react'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import type { ImportPreview, ImportRow } from '../api/import-queries'
import { fieldLabel, importFieldLabels, importMessages } from '../import-messages'
import { budgetText, firstLine, monthsText } from '../import-rows'

/** Every row of the file as the card it will become, grouped by standard. */
export function RowPreview({
  rows,
  problems,
}: {
  rows: ImportPreview['rows']
  problems: ImportPreview['problems']
}) {
  const c = useMessages(importMessages)
  const problemRows = new Map<number, string[]>()
  for (const p of problems) problemRows.set(p.row, [...(problemRows.get(p.row) ?? []), p.message])

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={c.rowsTitle}>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {c.rowNumber}
            </th>
            <th scope="col">{c.criterion}</th>
            <th scope="col" className="import-col-tasks">
              {c.tasks}
            </th>
            <th scope="col">{c.lead}</th>
            <th scope="col">{c.timeframe}</th>
            <th scope="col" className="num">
              {c.budget}
            </th>
            <th scope="col">{c.action}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item, i) => {
            const standard = item.row.standard
            const startsGroup = i === 0 || rows[i - 1]!.row.standard !== standard
            const rowProblems = problemRows.get(item.sourceRow)
            return (
              <Fragment key={`${item.sourceRow}-${i}`}>
                {startsGroup && standard && (
                  <tr className="import-group">
                    <th colSpan={7} scope="colgroup">
                      {c.standardGroup({ code: standard, name: item.row.standardName })}
                    </th>
                  </tr>
                )}
                <tr className={`import-row-${item.action}`}>
                  <td className="num nowrap">
                    {item.sourceRow}
                    {rowProblems && (
                      <span
                        className="warn-mark"
                        role="img"
                        aria-label={rowProblems.join('; ')}
                        title={rowProblems.join('\n')}
                      >
                        !
                      </span>
                    )}
                  </td>
                  <td>
                    <CriterionCell item={item} c={c} />
                  </td>
                  <td className="import-col-tasks" title={item.row.tasks ?? undefined}>
                    {firstLine(item.row.tasks) || <span className="muted">—</span>}
                  </td>
                  <td>{item.row.lead || <span className="muted">—</span>}</td>
                  <td className="nowrap">
                    <RawOrParsed parsed={monthsText(item.row)} raw={item.row.timeframe} />
                  </td>
                  <td className="num nowrap">
                    <RawOrParsed
                      parsed={budgetText(item.row.budgetAmount, c.noBudget)}
                      raw={item.row.budget}
                    />
                  </td>
                  <td>
                    <ActionBadge item={item} c={c} />
                  </td>
                </tr>
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

type ImportWords = (typeof importMessages)['vi']

function CriterionCell({ item, c }: { item: ImportRow; c: ImportWords }) {
  const common = useMessages(commonMessages)
  const { criterion, standard, section } = item.row
  if (!criterion) {
    const topic = firstLine(item.row.improvementContent)
    return topic ? <span className="import-topic">{topic}</span> : <span className="muted">—</span>
  }
  return (
    <span className="import-criterion">
      <span className={`tile-criterion std-${standard ?? 'none'}`}>
        {common.criterionTag({ code: criterion })}
      </span>
      {!item.criterionKnown && (
        <span
          className="warn-mark"
          role="img"
          aria-label={c.unknownCriterion}
          title={c.unknownCriterion}
        >
          !
        </span>
      )}
      {section && <span className="import-section">{section}</span>}
    </span>
  )
}

/** What was read when it could be; the text as written, flagged, when it could not. */
function RawOrParsed({ parsed, raw }: { parsed: string | null; raw: string | null }) {
  if (parsed) return <span title={raw ?? undefined}>{parsed}</span>
  if (raw?.trim()) return <span className="unparsed">{raw}</span>
  return <span className="muted">—</span>
}

function ActionBadge({ item, c }: { item: ImportRow; c: ImportWords }) {
  const labels = useMessages(importFieldLabels)
  switch (item.action) {
    case 'create':
      return <span className="import-badge import-badge-create">{c.actionCreate}</span>
    case 'unchanged':
      return <span className="import-badge import-badge-unchanged">{c.actionUnchanged}</span>
    case 'update':
      return (
        <span className="import-update">
          <span className="import-badge import-badge-update">{c.actionUpdate}</span>
          {item.changes.length > 0 && (
            <span className="import-changes">
              {item.changes.map((f) => fieldLabel(labels, f)).join(', ')}
            </span>
          )}
        </span>
      )
  }
}
