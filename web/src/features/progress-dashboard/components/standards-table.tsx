import { CARD_STATUSES, STATUS_LABELS, formatShare, type CardStatus } from '@caitien/shared'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import type { CriteriaNames, MonthSummary } from '../api/progress-queries'
import { groupCriteria } from '../dashboard-figures'
import { progressMessages } from '../progress-messages'

type Row = { total: number; byStatus: Record<CardStatus, number> }

/** One stacked bar of the four statuses; the numbers sit in the row's cells. */
function StatusBar({ row }: { row: Row }) {
  return (
    <span className="dash-bar" aria-hidden="true">
      {CARD_STATUSES.map((s) =>
        row.byStatus[s] ? (
          <span
            key={s}
            className={`dash-bar-part status-pill-${s}`}
            style={{ flexGrow: row.byStatus[s] }}
          />
        ) : null,
      )}
    </span>
  )
}

/**
 * A row's heading: the code, and the name the plan's framework gives it when there is
 * one. The code never breaks; a long name wraps under it rather than widening the table.
 */
function RowLabel({ code, name, title }: { code: string; name: string | null; title?: string }) {
  return (
    <span className="dash-row-label" title={title}>
      <span className="dash-row-code">
        {code}
        {name ? ':' : ''}
      </span>
      {name && <> {name}</>}
    </span>
  )
}

/** Progress per standard with its criteria under it: counts per status and the share verified. */
export function StandardsTable({
  summary,
  names,
}: {
  summary: MonthSummary
  names: CriteriaNames
}) {
  const { lang } = useI18n()
  const c = useMessages(progressMessages)
  const common = useMessages(commonMessages)
  const groups = groupCriteria(summary.byStandard, summary.byCriterion)
  const share = (row: Row) => formatShare(row.total ? row.byStatus.verified / row.total : 0, lang)
  const cells = (row: Row) => (
    <>
      <td className="dash-num">{row.total}</td>
      {CARD_STATUSES.map((s) => (
        <td key={s} className="dash-num">
          {row.byStatus[s]}
        </td>
      ))}
      <td>
        <div className="dash-share">
          <StatusBar row={row} />
          <span className="dash-num">{share(row)}</span>
        </div>
      </td>
    </>
  )
  if (groups.length === 0) return <p className="muted">{c.noCards}</p>
  return (
    <div className="dash-table-wrap">
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{c.standardCriterion}</th>
            <th scope="col" className="dash-num">
              {c.total}
            </th>
            {CARD_STATUSES.map((s) => (
              <th
                key={s}
                scope="col"
                className={`dash-num dash-th-status status-pill-${s}`}
                title={STATUS_LABELS[lang][s]}
              >
                <span className="column-dot" aria-hidden="true" />
                <span className="dash-th-label">{STATUS_LABELS[lang][s]}</span>
              </th>
            ))}
            <th scope="col" className="dash-share-head">
              {c.shareVerified}
            </th>
          </tr>
        </thead>
        {groups.map(({ standard, criteria }) => (
          <tbody key={standard.standard}>
            <tr className="dash-row-standard">
              <th scope="row">
                {standard.standard === '—' ? (
                  c.noStandard
                ) : (
                  <RowLabel
                    code={c.standardCode({ code: standard.standard })}
                    name={names.standards[standard.standard] ?? null}
                  />
                )}
              </th>
              {cells(standard)}
            </tr>
            {criteria.map((cr) => {
              const name = names.criteria[cr.criterion] ?? null
              return (
                <tr key={cr.criterion} className="dash-row-criterion">
                  <th scope="row">
                    {cr.criterion === '—' ? (
                      common.none
                    ) : (
                      <RowLabel
                        code={c.criterionCode({ code: cr.criterion })}
                        name={name}
                        title={
                          !name && names.framework
                            ? c.notInFramework({ framework: names.framework.code })
                            : undefined
                        }
                      />
                    )}
                  </th>
                  {cells(cr)}
                </tr>
              )
            })}
          </tbody>
        ))}
      </table>
    </div>
  )
}
