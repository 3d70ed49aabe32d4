import { foldText } from '@caitien/shared/text'
import type { TextLine } from './source-table.ts'
import { EMPTY_FIELDS, type PlanRowFields } from './understand-table.ts'

/** A plan row proposed from the plan's prose, for the principal to accept or drop. */
export interface ProseRow {
  fields: PlanRowFields
  /** Where the item starts: its paragraph number (Word) or sheet row (Excel). */
  sourceRow: number
  /** Every line the item covers, so the import does not also report them as skipped. */
  lines: TextLine[]
}

/** "IV. TỔ CHỨC THỰC HIỆN", "4. Tổ chức thực hiện", "tổ chức thực hiện:": any numeral, any case. */
const ORGANISATION_HEADING = /^(?:(?:[ivxlc]+|\d{1,2})\s*[.)/-]?\s*)?to chuc thuc hien\b\s*:?\s*$/

/** The next section heading ends the part: "V. KINH PHÍ", "VIII. Cơ chế …". */
const SECTION_HEADING = /^[ivxlc]+\s*[.)]\s+\S/

/** A numbered item: "2. Chủ tịch Công đoàn — …", "b) Tổ chuyên môn: …". */
const ITEM = /^\s*(?:\d{1,2}|[a-zđ])\s*[.)]\s+(\S[\s\S]*)$/iu

/** "Tiêu chí 1.9", "tiêu chí 1.9", "TC 2.3" (a bare "TC" only when a number x.y follows it). */
const CRITERION = /\b(tieu chi|tc)\s*(\d)\s*\.\s*(\d{1,2})\b/

/** The item heading ends at a dash or a colon: the person or unit before it leads. */
const LEAD_END = /\s+[—–-]\s+|\s*:\s*/

const TARGET = /\bdat muc\s*(\d)\b/

/** A finished item becomes a row only when it names a criterion. */
function toRow(item: { heading: TextLine; lines: TextLine[] }, heading: string): ProseRow | null {
  const lines = item.lines.map((l) => l.text)
  const text = [heading, ...lines].join('\n')
  const folded = foldText(text)
  const criterion = CRITERION.exec(folded)
  if (!criterion) return null
  const fields: PlanRowFields = { ...EMPTY_FIELDS }
  const cut = LEAD_END.exec(heading)
  const lead = cut ? heading.slice(0, cut.index).trim() : ''
  const first = cut ? heading.slice(cut.index + cut[0].length).trim() : heading.trim()
  fields.lead = lead || null
  fields.tasks = [first, ...lines.map((l) => l.trim())].filter(Boolean).join('\n') || null
  fields.standard = criterion[2]!
  fields.criterion = `${criterion[2]}.${Number(criterion[3])}`
  const target = TARGET.exec(folded)
  if (target) fields.target = `Mức ${target[1]}`
  return { fields, sourceRow: item.heading.sourceRow, lines: [item.heading, ...item.lines] }
}

/**
 * Find the criterion-tied actions a plan writes as prose under "Tổ chức thực hiện": each
 * numbered item that names a criterion ("Tiêu chí 1.9", "TC 2.3") is proposed as a row (lead =
 * the item heading before the dash or colon, tasks = its text up to the next item, criterion
 * and standard from "Tiêu chí x.y", target from "đạt mức N"). Items with no criterion are left.
 */
export function readProseRows(lines: readonly TextLine[]): ProseRow[] {
  const rows: ProseRow[] = []
  let inside = false
  let item: { heading: TextLine; title: string; lines: TextLine[] } | null = null
  const close = () => {
    const row = item && toRow(item, item.title)
    if (row) rows.push(row)
    item = null
  }
  for (const line of lines) {
    const folded = foldText(line.text)
    if (!folded) continue
    if (ORGANISATION_HEADING.test(folded)) {
      close()
      inside = true
      continue
    }
    if (!inside) continue
    if (SECTION_HEADING.test(folded)) {
      close()
      inside = false
      continue
    }
    const numbered = ITEM.exec(line.text)
    if (numbered) {
      close()
      item = { heading: line, title: numbered[1]!.trim(), lines: [] }
    } else if (item) item.lines.push(line)
  }
  close()
  return rows
}
