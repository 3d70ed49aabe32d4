import { formatMonth } from './month.ts'
import { formatVnd } from './plan-fields.ts'
import type { MonthChange, MonthlySummary } from './snapshot.ts'
import { formatPointsChange, formatShare } from './text.ts'
import { STATUS_LABELS } from './workflow-messages.ts'
import { CARD_STATUSES } from './workflow.ts'

/*
 * The monthly report's words, for the server's .docx and .xlsx and the web's print view.
 * The report is an official document for the body that oversees the school, in the form
 * schools send it: always Vietnamese, whatever the language of the person who prints it.
 */

/** What the summary reads of a month: a month view's summary, on either side. */
export type ReportSummary = Pick<
  MonthlySummary,
  'total' | 'byStatus' | 'overdue' | 'shareVerified' | 'moves' | 'budget'
>

/** What the summary reads of the change since the month before. */
export type ReportChange = Pick<MonthChange, 'total' | 'byStatus' | 'overdue' | 'shareVerified'>

const STATUS = STATUS_LABELS.vi
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/** Fixed phrases and headings of the report, in the order it prints them. */
export const REPORT_TEXT = {
  issuer: 'TỔ GIÁM SÁT KẾ HOẠCH CẢI TIẾN',
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  sections: {
    summary: 'I. TÓM TẮT',
    byStandard: 'II. TIẾN ĐỘ THEO TIÊU CHUẨN, TIÊU CHÍ',
    overdue: 'III. CÁC HOẠT ĐỘNG QUÁ HẠN',
    remarks: 'IV. NHẬN XÉT, KIẾN NGHỊ CỦA TỔ GIÁM SÁT',
  },
  columns: {
    number: 'TT',
    standard: 'Tiêu chuẩn',
    criterion: 'Tiêu chí',
    criterionName: 'Tên tiêu chí',
    total: 'Tổng số',
    action: 'Hoạt động',
    assignees: 'Người thực hiện',
    due: 'Hạn',
    status: 'Trạng thái',
  },
  standardRow: (p: { code: string; name: string | null }) =>
    `Tiêu chuẩn ${p.code}${p.name ? `: ${p.name}` : ''}`,
  criterionRow: (p: { code: string; name: string | null }) =>
    `Tiêu chí ${p.code}${p.name ? `: ${p.name}` : ''}`,
  noOverdue: 'Không có hoạt động quá hạn.',
  noRemarks: '(Chưa có nhận xét.)',
  /** "Nơi nhận" besides the addressee and the archive. */
  recipients: ['Tổ giám sát', 'Hội đồng tự đánh giá'],
  footnote: (p: { frozen: boolean; total: number }) =>
    `Số liệu ${p.frozen ? 'chốt cuối tháng' : 'tạm tính'}: ${p.total} hoạt động.`,
  /** The workbook's sheets and the labels of its summary sheet. */
  workbook: {
    summarySheet: 'Tổng hợp',
    criteriaSheet: 'Theo tiêu chí',
    overdueSheet: 'Quá hạn',
    heading: (p: { school: string; plan: string }) => `${p.school} – ${p.plan}`,
    figure: 'Chỉ số',
    thisMonth: 'Tháng này',
    change: 'Thay đổi so với tháng trước',
    total: 'Tổng số hoạt động',
    shareVerified: 'Tỉ lệ đã xác nhận',
    overdue: 'Hoạt động quá hạn',
    started: 'Bắt đầu trong tháng',
    submitted: 'Nộp minh chứng trong tháng',
    sentBack: 'Bị trả lại trong tháng',
    verified: 'Được xác nhận trong tháng',
    budgetVerified: 'Kinh phí đã xác nhận (đồng)',
    budgetTotal: 'Tổng kinh phí dự kiến (đồng)',
    remarks: 'Nhận xét của Tổ giám sát',
  },
} as const

/**
 * The report's title, as schools write it.
 *
 * @example
 * reportTitle('2026-10')
 * // → 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG 10/2026'
 */
export function reportTitle(month: string): string {
  return `BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG ${formatMonth(month)}`
}

/** The plan under the title, with its school year unless the title already names it. */
export function reportPlanLine(plan: { title: string; schoolYear: string }): string {
  return plan.title.includes(plan.schoolYear)
    ? plan.title
    : `${plan.title} – năm học ${plan.schoolYear}`
}

/**
 * The period the report covers.
 *
 * @example
 * reportPeriod('2026-10') // → 'Kỳ báo cáo: từ 01/10/2026 đến hết tháng 10/2026.'
 */
export function reportPeriod(month: string): string {
  const [y, m] = month.split('-')
  return `Kỳ báo cáo: từ 01/${m}/${y} đến hết tháng ${m}/${y}.`
}

/**
 * Section I of the report, line by line: each figure with its change since the month
 * before (none for the first month), the month's moves and the budget.
 *
 * @example
 * reportSummaryLines({ summary, change: null })[0] // → 'Tổng số hoạt động cải tiến: 4.'
 */
export function reportSummaryLines(month: {
  summary: ReportSummary
  change: ReportChange | null
}): string[] {
  const { summary: s, change: ch } = month
  const delta = (n: number | undefined) =>
    ch && n !== undefined ? ` (${signed(n)} so với tháng trước)` : ''
  const points = ch ? ` (${formatPointsChange(ch.shareVerified, 'vi')} điểm %)` : ''
  return [
    `Tổng số hoạt động cải tiến: ${s.total}${delta(ch?.total)}.`,
    ...CARD_STATUSES.map((st) => `${STATUS[st]}: ${s.byStatus[st]}${delta(ch?.byStatus[st])}.`),
    `Tỉ lệ đã xác nhận: ${formatShare(s.shareVerified, 'vi')}${points}.`,
    `Hoạt động quá hạn: ${s.overdue.length}${delta(ch?.overdue)}.`,
    `Trong tháng: ${s.moves.started.length} hoạt động bắt đầu, ${s.moves.submitted.length} nộp minh chứng, ${s.moves.sentBack.length} bị trả lại, ${s.moves.verified.length} được xác nhận.`,
    `Kinh phí các hoạt động đã xác nhận: ${formatVnd(s.budget.verified)} / tổng dự kiến ${formatVnd(s.budget.total)}.`,
  ]
}
