import { addMonths, makeMonth, schoolYearMonths, type Month } from './month.ts'
import { formatNumber } from './number-format.ts'
import { foldText } from './text.ts'

/** A timeframe as written, read into the months it spans; null when it could not be read. */
export interface ParsedTimeframe {
  startMonth: Month | null
  dueMonth: Month | null
}

/** "từ tháng 8/2020", "từ 8/2020": a start with no end written. */
const FROM_MONTH = /\btu\s+(?:thang\s*)?\d/

const MONTH_YEAR = /(?:th[aá]ng\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})/gi

/** "tháng 6 năm 2020" is a month too: written the short way ("tháng 6/2020") before reading. */
function monthWords(raw: string): string {
  return raw.replace(/(th[aá]ng)\s*(\d{1,2})\s*n[aă]m\s*(\d{4})/giu, '$1 $2/$3')
}

/**
 * Read a plan's "Thời gian thực hiện" cell into start and due months.
 * "Tháng 3/2025" (or "tháng 3 năm 2025") → 2025-03..2025-03; "Tháng 9/2024 đến tháng 5/2025" → 2024-09..2025-05;
 * "Từ tháng 10/2024" → 2024-10..2025-05 (to the end of the school year);
 * "Hằng năm", "Trong năm học", "Hằng tháng", "Cả năm" → the plan's school year.
 * The raw text is always kept beside the result.
 */
export function parseTimeframe(
  raw: string | null | undefined,
  schoolYear: string,
): ParsedTimeframe {
  const none: ParsedTimeframe = { startMonth: null, dueMonth: null }
  if (!raw || !raw.trim()) return none
  const months: Month[] = []
  for (const match of monthWords(raw).matchAll(MONTH_YEAR)) {
    const m = Number(match[1])
    const y = Number(match[2])
    if (m >= 1 && m <= 12) months.push(makeMonth(y, m))
  }
  const folded = foldText(raw)
  const year = schoolYearMonths(schoolYear)
  if (months.length === 1 && year && FROM_MONTH.test(folded) && months[0]! < year.end) {
    // "Từ tháng 8/2020": from that month on, to the end of the school year.
    return { startMonth: months[0]!, dueMonth: year.end }
  }
  if (months.length > 0) {
    const sorted = [...months].sort()
    return { startMonth: sorted[0]!, dueMonth: sorted[sorted.length - 1]! }
  }
  if (!year) return none
  if (/hang nam|trong nam hoc|ca nam|hang thang|thuong xuyen|nam hoc/.test(folded)) {
    return { startMonth: year.start, dueMonth: year.end }
  }
  const semester = /hoc ky\s*(i{1,2}|1|2)\b/.exec(folded)
  if (semester) {
    const second = semester[1] === 'ii' || semester[1] === '2'
    return second
      ? { startMonth: addMonths(year.start, 4), dueMonth: year.end }
      : { startMonth: year.start, dueMonth: addMonths(year.start, 4) }
  }
  return none
}

/**
 * Read a budget cell into whole VND. "12.000.000.000" → 12000000000; "2.000.000 đồng" →
 * 2000000; "5 triệu" → 5000000; "Không có" or "Không" → 0; unreadable → null.
 */
export function parseBudget(raw: string | null | undefined): number | null {
  if (!raw || !raw.trim()) return null
  const folded = foldText(raw)
  if (/^(khong co|khong|0)\b/.test(folded) && !/\d{2,}/.test(folded)) return 0
  const scaled = /(\d+(?:[.,]\d+)?)\s*(ty|trieu|nghin|ngan)\b/.exec(folded)
  if (scaled) {
    const factor = { ty: 1e9, trieu: 1e6, nghin: 1e3, ngan: 1e3 }[scaled[2] as 'ty']
    return Math.round(Number(scaled[1]!.replace(',', '.')) * factor)
  }
  const grouped = /\d{1,3}(?:[.,\s]\d{3})+|\d+/.exec(folded)
  if (!grouped) return null
  return Number(grouped[0].replace(/[.,\s]/g, ''))
}

/** VND the Vietnamese way: 12.000.000 đ. */
export function formatVnd(amount: number): string {
  return `${formatNumber(amount, 'vi')} đ`
}
