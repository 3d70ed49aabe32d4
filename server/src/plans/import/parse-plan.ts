// Subpaths, not the barrel: the parse worker starts faster without zod and the schemas.
import type { Month } from '@caitien/shared'
import { rowProblem } from '@caitien/shared/import-messages'
import { parseTimeframe, readBudgetCell } from '@caitien/shared/plan-fields'
import { planParseError } from './plan-parse-error.ts'
import { readCsv } from './read-csv.ts'
import { readDocx } from './read-docx.ts'
import { isXlsxPart, readXlsx } from './read-xlsx.ts'
import { readProseRows } from './read-prose.ts'
import { readZip } from './read-zip.ts'
import type { PriorityProblem } from './priority-problems.ts'
import type { SourceDocument } from './source-table.ts'
import {
  understandDocument,
  type ColumnMapping,
  type DocumentOutline,
  type MappingOverride,
  type PlanProblem,
  type PlanRowFields,
} from './understand-table.ts'

export { MAX_PLAN_ROWS } from './import-limits.ts'
export { PlanParseError } from './plan-parse-error.ts'
export { PLAN_COLUMN_FIELDS, type PlanColumnField } from './plan-columns.ts'
export type { PriorityProblem } from './priority-problems.ts'
export type {
  ColumnMapping,
  DocumentOutline,
  MappingOverride,
  PlanProblem,
  PlanRowFields,
} from './understand-table.ts'

/** One plan row, with the raw text kept and what could be read from it beside. */
export interface ParsedRow extends PlanRowFields {
  startMonth: Month | null
  dueMonth: Month | null
  budgetAmount: number | null
  /** Biểu 2: the priority problem (index into `priorityProblems`) the row works on. */
  priorityProblem: number | null
  /** 1-based row of the source table (the sheet row in Excel), for messages. */
  sourceRow: number
}

/** A row proposed from the plan's prose ("Tổ chức thực hiện"), not from its table. */
export interface ProposedRow extends ParsedRow {
  origin: 'prose'
}

export interface ParsedPlan {
  school: string | null
  schoolYear: string | null
  circular: string | null
  columns: string[]
  mapping: ColumnMapping[]
  rows: ParsedRow[]
  /** Criterion-tied actions found in the text outside the table, for the principal to accept. */
  proposed: ProposedRow[]
  problems: PlanProblem[]
  /** Biểu 2's table IV "Tóm tắt các vấn đề trọng tâm cần cải tiến"; none for other forms. */
  priorityProblems: PriorityProblem[]
  /** What else the file holds, when its plan table has no row. */
  found: DocumentOutline | null
}

export interface ParsePlanOptions {
  /** Column index → field (or null to ignore the column), over the mapping by headings. */
  mapping?: MappingOverride
}

const DOCX_BODY = 'word/document.xml'
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06]
/** Word 97–2003 .doc and Excel .xls: an OLE compound file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim())
  return match ? match[1]!.toLowerCase() : ''
}

/** Unzip only the parts a reader needs, each bounded; the content tells Word from Excel. */
function readOffice(bytes: Uint8Array): SourceDocument | Promise<SourceDocument> {
  const { names, entries } = readZip(bytes, (name) => name === DOCX_BODY || isXlsxPart(name))
  const document = entries.get(DOCX_BODY)
  if (document) return readDocx(document)
  if (names.includes('xl/workbook.xml')) return readXlsx(entries)
  throw planParseError('not_an_office_file')
}

/** Reads a .docx, .xlsx or .csv into its tables, without understanding them (also staff lists). */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  if (bytes.length === 0) throw planParseError('empty_file')
  const ext = extensionOf(fileName)
  if (startsWith(bytes, OLE_MAGIC))
    throw planParseError('unsupported_type', { technical: fileName })
  // The content decides between Word and Excel, so a renamed file still reads.
  if (startsWith(bytes, ZIP_MAGIC)) return readOffice(bytes)
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw planParseError('not_an_office_file')
  if (ext === 'docx' || ext === 'xlsx' || ext === 'docm' || ext === 'xlsm')
    throw planParseError('not_a_zip')
  if (ext === 'csv' || ext === 'txt') return readCsv(bytes)
  throw planParseError('unsupported_type', { technical: fileName })
}

/**
 * Read a plan file (.docx, .xlsx or .csv) into its rows, without saving anything. Rows
 * whose timeframe or budget cannot be read are kept, with a problem naming the row.
 *
 * @throws PlanParseError when the file is not a plan that can be read.
 */
export async function parsePlanFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParsePlanOptions = {},
): Promise<ParsedPlan> {
  const doc = await readDocument(bytes, fileName)
  const plan = understandDocument(doc, options.mapping)
  const problems = [...plan.problems]
  const rows = plan.rows.map(({ fields, priorityProblem, sourceRow }): ParsedRow => {
    const { startMonth, dueMonth } = fields.timeframe
      ? parseTimeframe(fields.timeframe, plan.schoolYear ?? '')
      : { startMonth: null, dueMonth: null }
    if (fields.timeframe && !startMonth && !dueMonth)
      problems.push(rowProblem(sourceRow, 'timeframeUnreadable', { text: fields.timeframe }))
    // A funding source in the budget column ("Ngân sách", "XHH") is no unreadable amount.
    const budget = readBudgetCell(fields.budget)
    const budgetAmount = budget.amount
    if (fields.budget && budgetAmount === null && !budget.fundingSource)
      problems.push(rowProblem(sourceRow, 'budgetUnreadable', { text: fields.budget }))
    const fundingSource = fields.fundingSource ?? budget.fundingSource
    return {
      ...fields,
      fundingSource,
      startMonth,
      dueMonth,
      budgetAmount,
      priorityProblem,
      sourceRow,
    }
  })
  const prose = readProseRows(doc.textLines)
  // Excel lays the prose in the sheet of the table: its lines are proposed, not "skipped".
  const proseLines = prose.flatMap((r) => r.lines)
  const kept = problems.filter(
    (p) => !proseLines.some((l) => l.sourceRow === p.row && p.messageVi.includes(l.text.trim())),
  )
  kept.sort((a, b) => a.row - b.row)
  const proposed = prose.map(({ fields, sourceRow }): ProposedRow => ({
    ...fields,
    startMonth: null,
    dueMonth: null,
    budgetAmount: null,
    priorityProblem: null,
    sourceRow,
    origin: 'prose',
  }))
  return {
    school: plan.school,
    schoolYear: plan.schoolYear,
    circular: plan.circular,
    columns: plan.columns,
    mapping: plan.mapping,
    rows,
    proposed,
    problems: kept,
    priorityProblems: plan.priorityProblems,
    found: plan.found,
  }
}
