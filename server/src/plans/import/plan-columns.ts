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
