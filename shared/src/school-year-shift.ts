import { makeMonth, SCHOOL_YEAR_RE, type Month } from './month.ts'
import { parseTimeframe } from './plan-fields.ts'
import type { SchoolCalendar } from './school-calendar.ts'

/**
 * Why a timeframe was left as written instead of moved: a year with no month ("năm 2020"),
 * or months more than a school year apart, or months whose order the move would change
 * (a range across the summer, "tháng 6/2020 đến tháng 9/2020").
 */
export const SHIFT_ODD_REASONS = ['bare_year', 'spans_years', 'crosses_school_year'] as const
export type ShiftOddReason = (typeof SHIFT_ODD_REASONS)[number]

/** A timeframe text moved into another school year, or left as it was and why. */
export interface ShiftedText {
  text: string
  /** The text differs from the one given. */
  changed: boolean
  /** Set when the text was left as written. */
  odd: ShiftOddReason | null
}

/** The first calendar year of a school year '2026-2027' (null when it is not one). */
function firstYearOf(schoolYear: string): number | null {
  const match = SCHOOL_YEAR_RE.exec(schoolYear.trim())
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return null
  return Number(match[1])
}

/**
 * A month of the year placed in a school year, which runs from August to July:
 * August–December fall in its first calendar year, January–July in its second.
 *
 * @example
 * monthInSchoolYear(9, '2026-2027') // → '2026-09'
 * monthInSchoolYear(6, '2026-2027') // → '2027-06'
 */
export function monthInSchoolYear(month: number, schoolYear: string): Month | null {
  const first = firstYearOf(schoolYear)
  if (first === null || month < 1 || month > 12) return null
  return makeMonth(month >= 8 ? first : first + 1, month)
}

// One pass over the text, the longest forms first: "năm học 2020-2021" (a school year),
// "tháng 6 năm 2020", "6/2020" (also "6-2020", "6.2020"), then any other year left alone.
const DATE_FORMS =
  /((?:19|20)\d\d)(\s*[-–/]\s*)((?:19|20)\d\d)|(th[aá]ng\s*)(\d{1,2})(\s*n[aă]m\s*)((?:19|20)\d\d)|(\d{1,2})(\s*[/.-]\s*)((?:19|20)\d\d)|((?:19|20)\d\d)/giu

const index = (m: Month) => {
  const [y, mm] = m.split('-').map(Number) as [number, number]
  return y * 12 + mm - 1
}

/**
 * Moves the dates written in a timeframe into another school year, keeping the wording:
 * each month keeps its number and lands in the school year's August–July, and a written
 * school year becomes the target one. Texts without dates ("Hằng tháng", "Cả năm") need no
 * change: they are read against the plan's school year anyway. A text that cannot be moved
 * faithfully is left as written, with the reason.
 *
 * @example
 * shiftTimeframeText('Tháng 9/2020 đến tháng 5/2021', '2026-2027').text // → 'Tháng 9/2026 đến tháng 5/2027'
 * shiftTimeframeText('tháng 6 năm 2020', '2026-2027').text // → 'tháng 6 năm 2027'
 * shiftTimeframeText('cập nhật từ năm 2020', '2026-2027').odd // → 'bare_year'
 */
export function shiftTimeframeText(raw: string, toSchoolYear: string): ShiftedText {
  const first = firstYearOf(toSchoolYear)
  const asIs = (odd: ShiftOddReason | null): ShiftedText => ({ text: raw, changed: false, odd })
  if (first === null) return asIs(null)
  const before: Month[] = []
  const after: Month[] = []
  let odd: ShiftOddReason | null = null
  const text = raw.replace(DATE_FORMS, (whole, ...g: (string | undefined)[]) => {
    const [y1, sep, y2, thang, m1, nam, y3, m2, slash, y4, bare] = g
    if (y1 && sep !== undefined && y2) {
      if (Number(y2) !== Number(y1) + 1) {
        odd ??= 'bare_year'
        return whole
      }
      before.push(makeMonth(Number(y1), 8), makeMonth(Number(y2), 7))
      after.push(makeMonth(first, 8), makeMonth(first + 1, 7))
      return `${first}${sep}${first + 1}`
    }
    const month = Number(m1 ?? m2)
    const year = y3 ?? y4
    if (year && month >= 1 && month <= 12) {
      const moved = monthInSchoolYear(month, toSchoolYear)!
      before.push(makeMonth(Number(year), month))
      after.push(moved)
      const newYear = moved.slice(0, 4)
      return m1 !== undefined ? `${thang}${m1}${nam}${newYear}` : `${m2}${slash}${newYear}`
    }
    if (year || bare) odd ??= 'bare_year'
    return whole
  })
  if (odd) return asIs(odd)
  if (before.length === 0) return asIs(null)
  const spread = Math.max(...before.map(index)) - Math.min(...before.map(index))
  if (spread >= 12) return asIs('spans_years')
  for (let i = 0; i < before.length; i++) {
    for (let j = i + 1; j < before.length; j++) {
      const was = Math.sign(index(before[i]!) - index(before[j]!))
      const now = Math.sign(index(after[i]!) - index(after[j]!))
      if (was !== now) return asIs('crosses_school_year')
    }
  }
  return { text, changed: text !== raw, odd: null }
}

/** A timeframe as the plan reads it: its text and the months read from it. */
export interface TimeframeReading {
  text: string
  startMonth: Month | null
  dueMonth: Month | null
}

/** One row's timeframe before and after the move into the plan's school year. */
export interface TimeframeShift {
  before: TimeframeReading
  after: TimeframeReading
  odd: ShiftOddReason | null
}

/**
 * A plan row's timeframe read in the file's school year, and the same timeframe moved into
 * the plan's: the text shifted (shiftTimeframeText), the months read against the plan's
 * school year, so that "Hằng tháng" spans the new year too. Semesters are read with each
 * year's calendar when given (the school's own), the default calendar otherwise.
 *
 * @example
 * shiftTimeframe('Hằng tháng', '2020-2021', '2026-2027').after // → { text: 'Hằng tháng', startMonth: '2026-09', dueMonth: '2027-05' }
 */
export function shiftTimeframe(
  raw: string,
  fromSchoolYear: string | null,
  toSchoolYear: string,
  calendars: { from?: SchoolCalendar | null; to?: SchoolCalendar | null } = {},
): TimeframeShift {
  const was = parseTimeframe(raw, fromSchoolYear ?? '', calendars.from ?? undefined)
  const moved = shiftTimeframeText(raw, toSchoolYear)
  const now = parseTimeframe(moved.text, toSchoolYear, calendars.to ?? undefined)
  return {
    before: { text: raw, ...was },
    after: { text: moved.text, ...now },
    odd: moved.odd,
  }
}
