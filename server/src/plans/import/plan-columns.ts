import { BIEU_2, type Bieu2Field } from '@caitien/shared/forms/tt57-bieu-2'
import { foldText } from '@caitien/shared/text'

/** The plan fields a column can fill, named as in the plan fixtures (DESIGN §2). */
export const PLAN_COLUMN_FIELDS = [
  'standard',
  'criterion',
  'weakness',
  'target',
  'tasks',
  'measures',
  'lead',
  'coordinators',
  'timeframe',
  'budget',
  'fundingSource',
  'support',
  'evidence',
  'notes',
  // Biểu 2 (TT57/2026) table V only: Nội dung cải tiến (2), Chỉ số đánh giá kết quả (5),
  // Mức độ thực hiện (10).
  'improvementContent',
  'indicators',
  'completionLevel',
] as const
export type PlanColumnField = (typeof PLAN_COLUMN_FIELDS)[number]

export function isPlanColumnField(value: unknown): value is PlanColumnField {
  return (PLAN_COLUMN_FIELDS as readonly unknown[]).includes(value)
}

/** A heading folded to plain words: "Công việc/giải pháp" → "cong viec giai phap". */
export function headingWords(text: string): string {
  return foldText(text.replace(/[^\p{L}\p{N}]+/gu, ' '))
}

type Rule = [field: PlanColumnField | 'index' | 'ignore', test: RegExp]

/**
 * Heading synonyms, tried in order: the first rule that matches wins. The order settles
 * headings that name two things: "Thời gian thực hiện" is a timeframe before it is anything
 * "thực hiện"; "Dự kiến nguồn kinh phí" is a source before a budget; "Chủ trì và phối hợp"
 * is the lead column of plans that have no separate coordinators column.
 */
const RULES: Rule[] = [
  // Columns caitien's own export adds ("Trạng thái (caitien)", …): not plan fields.
  ['ignore', /\bcaitien\b/],
  ['index', /^(s?tt|so tt|so thu tu|thu tu)$/],
  ['criterion', /\btieu chi\b/],
  ['standard', /\btieu chuan\b/],
  ['timeframe', /\b(thoi gian|thoi diem|thoi han|tien do|han hoan thanh|ngay hoan thanh)\b/],
  ['evidence', /\b(minh chung|san pham)\b/],
  [
    'fundingSource',
    /\b(nguon kinh phi|nguon von|nguon tai chinh|nguon ngan sach|kinh phi nguon)\b|^nguon$/,
  ],
  ['budget', /\b(kinh phi|du toan|chi phi)\b/],
  ['support', /\b(dieu kien|ho tro|nguon luc)\b/],
  ['measures', /\bbien phap\b/],
  ['coordinators', /\bphoi hop\b/],
  [
    'lead',
    /\b(chu tri|phu trach|nguoi thuc hien|ca nhan|to chuc thuc hien|don vi thuc hien|bo phan thuc hien|luc luong thuc hien|trach nhiem)\b|^(thuc hien|nguoi thuc hien|don vi)$/,
  ],
  ['weakness', /\b(diem yeu|ton tai|han che|thuc trang|van de can cai tien)\b/],
  ['target', /\b(ket qua|muc tieu|chi tieu|muc do can dat|muc can dat|yeu cau can dat|muc dat)\b/],
  ['tasks', /\b(cong viec|giai phap|nhiem vu|hoat dong|noi dung)\b/],
  ['notes', /\bghi chu\b/],
]

/** Longer text than any heading: a data cell that happens to contain a heading's words. */
const MAX_HEADING_LENGTH = 90

/**
 * The field a column heading names, 'index' for the TT column, or null when it is not a
 * heading we know. With or without diacritics, in any case.
 *
 * @example
 * headingField('Người thực hiện') // → 'lead'
 * headingField('Phoi hop') // → 'coordinators'
 */
export function headingField(text: string): PlanColumnField | 'index' | null {
  if (!text.trim() || text.length > MAX_HEADING_LENGTH) return null
  const form = bieu2Column(text)
  if (form) return form.field
  const words = headingWords(text)
  for (const [field, test] of RULES) {
    if (!test.test(words)) continue
    if (field === 'ignore') return null
    // "Tiêu chí 1.5" or "Tiêu chuẩn 2: …" in a cell is a row, not the criterion heading.
    if ((field === 'criterion' || field === 'standard') && /\d/.test(words)) return null
    if (field === 'coordinators' && /\bchu tri\b/.test(words)) return 'lead'
    return field
  }
  return null
}

/** The parser's name for the field each Biểu 2 column fills: (9) is the plan's evidence. */
const FROM_BIEU_2: Record<Bieu2Field, PlanColumnField | 'index'> = {
  index: 'index',
  improvementContent: 'improvementContent',
  target: 'target',
  tasks: 'tasks',
  indicators: 'indicators',
  timeframe: 'timeframe',
  lead: 'lead',
  support: 'support',
  expectedEvidence: 'evidence',
  completionLevel: 'completionLevel',
}

/** "Mục tiêu (3)", "(3) Mục tiêu": the column number a heading cell carries, and its words. */
const NUMBERED_HEADING_RE = /^\s*(?:\((\d{1,2})\)\s*)?([\s\S]*?)\s*(?:\((\d{1,2})\))?\s*$/u

/** The column number printed under a Biểu 2 heading ("(3)"), or null. */
export function bieu2ColumnNumber(text: string): number | null {
  const match = /^\s*\((\d{1,2})\)\s*$/.exec(text)
  return match ? Number(match[1]) : null
}

/** A Biểu 2 table V column by its number, as the form in shared describes it. */
export function bieu2ColumnOfNumber(n: number): PlanColumnField | 'index' | null {
  const column = BIEU_2.plan.find((c) => c.number === n)
  return column ? FROM_BIEU_2[column.field] : null
}

/**
 * A heading of Biểu 2's table V, as the form prints it or in one of its `alsoCalled`
 * wordings, with the number it carries ("Mục tiêu (3)"), or null when the words are not the
 * form's. Matched on whole headings, without diacritics, so a 2018 heading that merely
 * contains one of these words still goes through the synonym rules.
 */
export function bieu2Column(
  text: string,
): { field: PlanColumnField | 'index'; number: number | null } | null {
  const match = NUMBERED_HEADING_RE.exec(text)
  const words = headingWords(match?.[2] ?? text)
  const number = Number(match?.[1] ?? match?.[3] ?? NaN)
  for (const column of BIEU_2.plan) {
    const names = [column.heading, ...column.alsoCalled].map(headingWords)
    if (names.includes(words))
      return { field: FROM_BIEU_2[column.field], number: Number.isNaN(number) ? null : number }
  }
  return null
}

/** The fields only Biểu 2's table V has: a table with one of them is that table. */
export const BIEU_2_ONLY_FIELDS: readonly PlanColumnField[] = [
  'improvementContent',
  'indicators',
  'completionLevel',
]
