import { CARD_STATUSES, STATUS_LABELS, formatDate, formatMonth } from '@caitien/shared'
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { Modal } from '@/components/ui/modal'
import { useI18n } from '@/lib/i18n'
import type { MonthView } from '../api/progress-queries'
import { cardsBehind, groupCriteria } from '../dashboard-figures'
import { PROGRESS_COPY } from '../progress-copy'
import { reportTitle, summaryLines } from '../report-text'
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
  const { t, lang } = useI18n()
  const c = PROGRESS_COPY[lang]
  const s = view.summary
  const [y, m] = view.month.split('-')
  const overdue = cardsBehind(s, 'overdue')
  const byId = new Map(s.cards.map((card) => [card.id, card]))
  const groups = groupCriteria(s.byStandard, s.byCriterion)
  const today = formatDate(new Date().toISOString()).split('/')

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
        closeLabel={t('close')}
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
                  <strong>{plan.schoolName.toUpperCase()}</strong>
                  <br />
                  <strong>TỔ GIÁM SÁT KẾ HOẠCH CẢI TIẾN</strong>
                </td>
                <td>
                  <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
                  <br />
                  <strong className="print-motto">Độc lập - Tự do - Hạnh phúc</strong>
                </td>
              </tr>
            </tbody>
          </table>
          <p className="print-date">
            Ngày {today[0]} tháng {today[1]} năm {today[2]}
          </p>
          <h1 className="print-title">{reportTitle(view.month)}</h1>
          <p className="print-center print-italic">
            {plan.title.includes(plan.schoolYear)
              ? plan.title
              : `${plan.title} – năm học ${plan.schoolYear}`}
          </p>
          <p className="print-center">
            Kỳ báo cáo: từ 01/{m}/{y} đến hết tháng {m}/{y}.
          </p>

          <h2>I. TÓM TẮT</h2>
          <ul className="print-lines">
            {summaryLines(view).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>

          <h2>II. TIẾN ĐỘ THEO TIÊU CHUẨN, TIÊU CHÍ</h2>
          <table className="print-table">
            <thead>
              <tr>
                <th>TT</th>
                <th>Tiêu chí</th>
                <th>Tổng số</th>
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
                    <td>
                      Tiêu chuẩn {standard.standard}
                      {name ? `: ${name}` : ''}
                    </td>
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
                        Tiêu chí {cr.criterion}
                        {view.names.criteria[cr.criterion]
                          ? `: ${view.names.criteria[cr.criterion]}`
                          : ''}
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

          <h2>III. CÁC HOẠT ĐỘNG QUÁ HẠN</h2>
          {overdue.length === 0 ? (
            <p className="print-italic">Không có hoạt động quá hạn.</p>
          ) : (
            <table className="print-table">
              <thead>
                <tr>
                  <th>TT</th>
                  <th>Tiêu chí</th>
                  <th>Hoạt động</th>
                  <th>Người thực hiện</th>
                  <th>Hạn</th>
                  <th>Trạng thái</th>
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

          <h2>IV. NHẬN XÉT, KIẾN NGHỊ CỦA TỔ GIÁM SÁT</h2>
          <p className="multiline">{view.remarks?.text ?? '(Chưa có nhận xét.)'}</p>

          <table className="print-signatures">
            <tbody>
              <tr>
                <td>
                  <strong>XÁC NHẬN CỦA HIỆU TRƯỞNG</strong>
                  <span className="print-sign-space" />
                </td>
                <td>
                  <strong>TỔ TRƯỞNG TỔ GIÁM SÁT</strong>
                  <span className="print-sign-space" />
                </td>
              </tr>
            </tbody>
          </table>
          <p className="print-footnote">
            Số liệu {view.source === 'snapshot' ? 'chốt cuối tháng' : 'tạm tính'}: {s.total} hoạt
            động.
          </p>
        </article>
      </Modal>
    </div>,
    document.body,
  )
}
