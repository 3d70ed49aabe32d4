import { makeMonth, SCHOOL_YEAR_RE, schoolYearMonths, type Month } from './month.ts'
import { formatNumber } from './number-format.ts'
import { defaultSchoolCalendar, type SchoolCalendar } from './school-calendar.ts'
import { foldText } from './text.ts'

/** A timeframe as written, read into the months it spans; null when it could not be read. */
export interface ParsedTimeframe {
  startMonth: Month | null
  dueMonth: Month | null
}

/** "từ tháng 8/2020", "từ 8/2020": a start with no end written. */
const FROM_MONTH = /\btu\s+(?:thang\s*)?\d/

const MONTH_YEAR = /(?:th[aá]ng\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})/gi

/** "Quý II/2025", "Quý 3 năm 2025", "quý IV": on folded text; the year may be left out. */
const QUARTER = /\bquy\s*(iv|i{1,3}|[1-4])\b(?:\s*(?:[/.-]|nam)\s*(\d{4}))?/g

/** "Học kỳ I", "học kì 2", "HK1", "HKII": on folded text. */
const SEMESTER = /\b(?:hoc\s*k[yi]|hk)\s*(ii|i|1|2)\b/

/** Words meaning "the whole school year", read after every more precise form. */
const WHOLE_YEAR = /hang nam|trong nam hoc|ca nam|hang thang|hang quy|thuong xuyen|nam hoc/

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }

/** "tháng 6 năm 2020" is a month too: written the short way ("tháng 6/2020") before reading. */
function monthWords(raw: string): string {
  return raw.replace(/(th[aá]ng)\s*(\d{1,2})\s*n[aă]m\s*(\d{4})/giu, '$1 $2/$3')
}

/** The months of [from, to] inside the school year, or null when they do not meet it. */
function clip(from: Month, to: Month, year: { start: Month; end: Month }): ParsedTimeframe | null {
  const startMonth = from < year.start ? year.start : from
  const dueMonth = to > year.end ? year.end : to
  return startMonth <= dueMonth ? { startMonth, dueMonth } : null
}

/** A quarter's months in the school year: with its year as written, or the year it meets. */
function quarterMonths(
  quarter: number,
  written: number | null,
  year: { start: Month; end: Month },
): ParsedTimeframe | null {
  const first = Number(year.start.slice(0, 4))
  const candidates = written === null ? [first, first + 1] : [written]
  for (const y of candidates) {
    const found = clip(makeMonth(y, quarter * 3 - 2), makeMonth(y, quarter * 3), year)
    if (found) return found
  }
  return null
}

/** Forms that need the school year and its calendar: years, quarters, semesters, "cuối …". */
function readCalendarForms(
  folded: string,
  calendar: SchoolCalendar,
  year: { start: Month; end: Month },
): ParsedTimeframe | null {
  const quarters = [...folded.matchAll(QUARTER)]
  if (quarters.length > 0) {
    const spans = quarters
      .map((q) => quarterMonths(ROMAN[q[1]!] ?? Number(q[1]), q[2] ? Number(q[2]) : null, year))
      .filter((q): q is ParsedTimeframe => q !== null)
    if (spans.length === 0) return null
    return {
      startMonth: spans.map((s) => s.startMonth!).sort()[0]!,
      dueMonth: spans
        .map((s) => s.dueMonth!)
        .sort()
        .at(-1)!,
    }
  }
  const semester = SEMESTER.exec(folded)
  const second = semester ? semester[1] === 'ii' || semester[1] === '2' : false
  if (/\bcuoi\b/.test(folded)) {
    // "Cuối học kỳ I", "Cuối năm học", "cuối năm": the last month of that period only.
    if (semester) {
      const end = second ? calendar.semester2.end : calendar.semester1.end
      return { startMonth: end, dueMonth: end }
    }
    if (/\bcuoi nam\b/.test(folded)) return { startMonth: year.end, dueMonth: year.end }
  }
  if (semester) {
    const months = second ? calendar.semester2 : calendar.semester1
    return { startMonth: months.start, dueMonth: months.end }
  }
  // Only the whole cell: "đầu năm học" inside a sentence says when something starts, not ends.
  if (/^dau nam hoc(?: \d{4} ?- ?\d{4})?$/.test(folded))
    return { startMonth: year.start, dueMonth: year.start }
  // "2024", "Năm 2025": that calendar year's months inside the school year.
  const calendarYear = /^(?:nam\s*)?(\d{4})$/.exec(folded)
  if (calendarYear) {
    const y = Number(calendarYear[1])
    return clip(makeMonth(y, 1), makeMonth(y, 12), year)
  }
  if (SCHOOL_YEAR_RE.test(folded)) return { startMonth: year.start, dueMonth: year.end }
  return null
}

/**
 * Read a plan's "Thời gian thực hiện" cell into start and due months.
 * "Tháng 3/2025" (or "tháng 3 năm 2025") → 2025-03..2025-03; "Tháng 9/2024 đến tháng 5/2025" → 2024-09..2025-05;
 * "Từ tháng 10/2024" → 2024-10..2025-05 (to the end of the school year);
 * "Quý II/2025", "Quý 3 năm 2025" → that quarter's months inside the school year;
 * "Học kỳ I", "HK2" → the calendar's semester; "Cuối học kỳ I", "Cuối năm học" → its last month;
 * "2024" → that calendar year's months inside the school year;
 * "Hằng năm", "Hằng quý", "Trong năm học", "Hằng tháng", "Cả năm" → the plan's school year.
 * Semesters come from `calendar`, the school's own for that year when it set one
 * (defaultSchoolCalendar otherwise). The raw text is always kept beside the result.
 *
 * @example
 * parseTimeframe('Quý II/2025', '2024-2025') // → { startMonth: '2025-04', dueMonth: '2025-05' }
 */
export function parseTimeframe(
  raw: string | null | undefined,
  schoolYear: string,
  calendar: SchoolCalendar | null = defaultSchoolCalendar(schoolYear),
): ParsedTimeframe {
  const none: ParsedTimeframe = { startMonth: null, dueMonth: null }
  if (!raw || !raw.trim()) return none
  const folded = foldText(raw)
  const year = schoolYearMonths(schoolYear)
  // A quarter first: "Quý 3/2025" is not the month of March.
  if (year && calendar && /\bquy\s*(iv|i{1,3}|[1-4])\b/.test(folded))
    return readCalendarForms(folded, calendar, year) ?? none
  const months: Month[] = []
  for (const match of monthWords(raw).matchAll(MONTH_YEAR)) {
    const m = Number(match[1])
    const y = Number(match[2])
    if (m >= 1 && m <= 12) months.push(makeMonth(y, m))
  }
  if (months.length === 1 && year && FROM_MONTH.test(folded) && months[0]! < year.end) {
    // "Từ tháng 8/2020": from that month on, to the end of the school year.
    return { startMonth: months[0]!, dueMonth: year.end }
  }
  if (months.length > 0) {
    const sorted = [...months].sort()
    return { startMonth: sorted[0]!, dueMonth: sorted[sorted.length - 1]! }
  }
  if (!year) return none
  const precise = calendar ? readCalendarForms(folded, calendar, year) : null
  if (precise) return precise
  if (WHOLE_YEAR.test(folded)) return { startMonth: year.start, dueMonth: year.end }
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

/**
 * Funding sources as plans write them in the budget column, on folded text: "Ngân sách (nhà
 * nước)", "NSNN", "Xã hội hóa", "XHH", "Nguồn chi thường xuyên", "Kinh phí tự chủ", "Tài trợ".
 */
const FUNDING_SOURCE =
  /\b(?:ngan sach(?: nha nuoc)?|nsnn|xa hoi hoa|xhh|(?:nguon )?chi thuong xuyen|kinh phi (?:tu chu|nha truong|thuong xuyen)|tai tro|huy dong)\b/

/** What a budget cell holds: an amount in VND and/or a funding source. */
export interface BudgetCell {
  amount: number | null
  /** The funding source named in the cell (the whole text when it holds no amount). */
  fundingSource: string | null
}

/**
 * Read a budget cell that may name a funding source instead of, or beside, an amount.
 * "Ngân sách" → no amount, source "Ngân sách"; "5.000.000 đ (XHH)" → 5000000 and "XHH";
 * "12.000.000" → 12000000, no source. A cell with neither is unreadable (both null).
 *
 * @example
 * readBudgetCell('5.000.000 đ (XHH)') // → { amount: 5000000, fundingSource: 'XHH' }
 */
export function readBudgetCell(raw: string | null | undefined): BudgetCell {
  const amount = parseBudget(raw)
  if (!raw || !raw.trim()) return { amount, fundingSource: null }
  const text = raw.trim()
  if (!FUNDING_SOURCE.test(foldText(text))) return { amount, fundingSource: null }
  if (!/\d/.test(text)) return { amount: null, fundingSource: text }
  // An amount with its source: the source is the part in brackets, or what follows the amount.
  const bracketed = /[([]([^)\]]+)[)\]]/.exec(text)
  if (bracketed && FUNDING_SOURCE.test(foldText(bracketed[1]!)))
    return { amount, fundingSource: bracketed[1]!.trim() }
  const words = text
    .replace(/[\d.,\s]+(?:đồng|đ|vnđ|vnd|triệu|tỷ|nghìn|ngàn)?/giu, ' ')
    .replace(/^[\s\-–:;,+/]+|[\s\-–:;,+/]+$/g, '')
    .trim()
  return { amount, fundingSource: words || null }
}

/** VND the Vietnamese way: 12.000.000 đ. */
export function formatVnd(amount: number): string {
  return `${formatNumber(amount, 'vi')} đ`
}
