import { CARD_STATUSES, STATUS_LABELS, formatMonth, formatVnd } from '@caitien/shared'
import type { MonthView } from './api/progress-queries'
import { formatShare } from './dashboard-figures'

/** The report is an official document for the overseeing body: Vietnamese whatever the UI language. */
const L = STATUS_LABELS.vi
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/** The report's title, as the .docx writes it. */
export function reportTitle(month: string): string {
  return `BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG ${formatMonth(month)}`
}

/** Section I of the report, line by line, in the words of the .docx. */
export function summaryLines(view: MonthView): string[] {
  const s = view.summary
  const ch = view.change
  const delta = (n: number | undefined) =>
    ch && n !== undefined ? ` (${signed(n)} so với tháng trước)` : ''
  const points = ch
    ? ` (${ch.shareVerified >= 0 ? '+' : ''}${formatShare(ch.shareVerified, 'vi').replace('%', '')} điểm %)`
    : ''
  return [
    `Tổng số hoạt động cải tiến: ${s.total}${delta(ch?.total)}.`,
    ...CARD_STATUSES.map((st) => `${L[st]}: ${s.byStatus[st]}${delta(ch?.byStatus[st])}.`),
    `Tỉ lệ đã xác nhận: ${formatShare(s.shareVerified, 'vi')}${points}.`,
    `Hoạt động quá hạn: ${s.overdue.length}${delta(ch?.overdue)}.`,
    `Trong tháng: ${s.moves.started.length} hoạt động bắt đầu, ${s.moves.submitted.length} nộp minh chứng, ${s.moves.sentBack.length} bị trả lại, ${s.moves.verified.length} được xác nhận.`,
    `Kinh phí các hoạt động đã xác nhận: ${formatVnd(s.budget.verified)} / tổng dự kiến ${formatVnd(s.budget.total)}.`,
  ]
}
