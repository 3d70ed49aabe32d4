import {
  CARD_STATUSES,
  OFFICIAL_TEXT,
  STATUS_LABELS,
  documentDateLine,
  documentNumberLine,
  documentRecipients,
  formatMonth,
} from '@caitien/shared'
// By its own path, not the package's index: the report's words load with the dashboard.
import {
  REPORT_TEXT as T,
  reportPeriod,
  reportPlanLine,
  reportSummaryLines,
  reportTitle,
} from '@caitien/shared/report-text'
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { Modal } from '@/components/ui/modal'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import type { MonthView } from '../api/progress-queries'
import { cardsBehind, groupCriteria } from '../dashboard-figures'
import { progressMessages } from '../progress-messages'
import type { BoardLookup } from './card-list'

/** The plan as the report's heading names it. */
export interface ReportPlan {
  title: string
  schoolYear: string
  schoolName: string
}

const L = STATUS_LABELS.vi

/**
 * "Bản in": the month's report as the overseeing body receives it, the same content as the
 * .docx (so always in Vietnamese), drawn in the page and handed to the browser's print.
 * It lives outside the app's root so the print stylesheet can hide everything else.
 */
export function PrintReport({
  view,
  plan,
  lookup,
  onClose,
}: {
  view: MonthView
  plan: ReportPlan
  lookup: BoardLookup
  onClose: () => void
}) {
  const { lang } = useI18n()
  const c = useMessages(progressMessages)
  const common = useMessages(commonMessages)
  const s = view.summary
  const overdue = cardsBehind(s, 'overdue')
  const byId = new Map(s.cards.map((card) => [card.id, card]))
  const groups = groupCriteria(s.byStandard, s.byCriterion)
  const party = view.party
  const printedAt = new Date().toISOString()

  useEffect(() => {
    document.body.classList.add('printing-report')
    // Let the sheet paint before the print dialog freezes the page.
    const timer = window.setTimeout(() => window.print(), 150)
    return () => {
      window.clearTimeout(timer)
      document.body.classList.remove('printing-report')
    }
  }, [])

  return createPortal(
    <div className="print-root">
      <Modal
        title={c.printTitle}
        onClose={onClose}
        variant="wide"
        closeLabel={common.close}
        footer={
          <div className="print-toolbar">
            <span className="muted">{lang === 'vi' ? '' : c.printNote}</span>
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {c.print}
            </button>
          </div>
        }
      >
        <article className="print-sheet" lang="vi" data-testid="print-report">
          <table className="print-heading">
            <tbody>
              <tr>
                <td>
                  {party.issuingBody && (
                    <>
                      {party.issuingBody.toUpperCase()}
                      <br />
                    </>
                  )}
                  <strong>{party.schoolName.toUpperCase()}</strong>
                </td>
                <td>
                  <strong>{OFFICIAL_TEXT.nation}</strong>
                  <br />
                  <strong className="print-motto">{OFFICIAL_TEXT.motto}</strong>
                </td>
              </tr>
              <tr>
                <td className="print-number">
                  {documentNumberLine('report', party.documentSymbol)}
                </td>
                <td className="print-date">{documentDateLine(party.placeName, printedAt)}</td>
              </tr>
            </tbody>
          </table>
          <h1 className="print-title">{reportTitle(view.month)}</h1>
          <p className="print-center print-italic">{reportPlanLine(plan)}</p>
          <p className="print-center">
            {OFFICIAL_TEXT.to} {party.overseerName}
          </p>
          <p>{reportPeriod(view.month)}</p>

          <h2>{T.sections.summary}</h2>
          <ul className="print-lines">
            {reportSummaryLines(view).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>

          <h2>{T.sections.byStandard}</h2>
          <table className="print-table">
            <thead>
              <tr>
                <th>{T.columns.number}</th>
                <th>{T.columns.criterion}</th>
                <th>{T.columns.total}</th>
                {CARD_STATUSES.map((st) => (
                  <th key={st}>{L[st]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.flatMap(({ standard, criteria }, i) => {
                const name = view.names.standards[standard.standard]
                return [
                  <tr key={standard.standard} className="print-row-standard">
                    <td className="print-num">{i + 1}</td>
                    <td>{T.standardRow({ code: standard.standard, name: name ?? null })}</td>
                    <td className="print-num">{standard.total}</td>
                    {CARD_STATUSES.map((st) => (
                      <td key={st} className="print-num">
                        {standard.byStatus[st]}
                      </td>
                    ))}
                  </tr>,
                  ...criteria.map((cr) => (
                    <tr key={`${standard.standard}-${cr.criterion}`}>
                      <td />
                      <td>
                        {T.criterionRow({
                          code: cr.criterion,
                          name: view.names.criteria[cr.criterion] ?? null,
                        })}
                      </td>
                      <td className="print-num">{cr.total}</td>
                      {CARD_STATUSES.map((st) => (
                        <td key={st} className="print-num">
                          {cr.byStatus[st]}
                        </td>
                      ))}
                    </tr>
                  )),
                ]
              })}
            </tbody>
          </table>

          <h2>{T.sections.overdue}</h2>
          {overdue.length === 0 ? (
            <p className="print-italic">{T.noOverdue}</p>
          ) : (
            <table className="print-table">
              <thead>
                <tr>
                  <th>{T.columns.number}</th>
                  <th>{T.columns.criterion}</th>
                  <th>{T.columns.action}</th>
                  <th>{T.columns.assignees}</th>
                  <th>{T.columns.due}</th>
                  <th>{T.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((id, i) => {
                  const card = byId.get(id)
                  return (
                    <tr key={id}>
                      <td className="print-num">{i + 1}</td>
                      <td className="print-num">{card?.criterion ?? ''}</td>
                      <td>{lookup.cards.get(id)?.title ?? ''}</td>
                      <td>
                        {(card?.assigneeIds ?? [])
                          .map((a) => lookup.members.get(a) ?? '')
                          .filter(Boolean)
                          .join(', ')}
                      </td>
                      <td className="print-num">
                        {card?.dueMonth ? formatMonth(card.dueMonth) : ''}
                      </td>
                      <td>{card ? L[card.status] : ''}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}

          <h2>{T.sections.remarks}</h2>
          <p className="multiline">{view.remarks?.text ?? T.noRemarks}</p>

          <p className="print-footnote">
            {T.footnote({ frozen: view.source === 'snapshot', total: s.total })}
          </p>
          <table className="print-signatures">
            <tbody>
              <tr>
                <td className="print-recipients">
                  <strong>
                    <em>{OFFICIAL_TEXT.recipients}</em>
                  </strong>
                  {documentRecipients(T.recipients).map((r) => (
                    <span key={r}>{r}</span>
                  ))}
                </td>
                <td>
                  <strong>{party.signerTitle.toUpperCase()}</strong>
                  <span className="print-sign-space" />
                  <strong>{party.signerName}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </article>
      </Modal>
    </div>,
    document.body,
  )
}
