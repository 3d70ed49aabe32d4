import { BIEU_2, type ProblemField } from '@caitien/shared/forms/tt57-bieu-2'
import { foldText } from '@caitien/shared/text'
import { headingWords } from './plan-columns.ts'
import type { SourceDocument, SourceTable } from './source-table.ts'

/**
 * One row of Biểu 2's table IV "Tóm tắt các vấn đề trọng tâm cần cải tiến": a priority
 * problem of the plan. Text verbatim; `criteria` are the criterion codes its criteria cell
 * names ("1.4; 1.5" → ["1.4", "1.5"]), none when the problem names no criterion.
 */
export interface PriorityProblem {
  index: string | null
  standard: string | null
  criteria: string[]
  criteriaText: string | null
  currentState: string | null
  weakness: string | null
  cause: string | null
  sourceRow: number
}

const HEADER_SEARCH_ROWS = 40
const CRITERION_CODE_RE = /(?<![\d.])(\d{1,2})\s*[.,]\s*(\d{1,2})(?![\d])/g

/** The table IV field a heading names, by the form's wording or one it is also called. */
function problemField(text: string): ProblemField | null {
  const words = headingWords(text)
  if (!words) return null
  for (const column of BIEU_2.problems)
    if ([column.heading, ...column.alsoCalled].map(headingWords).includes(words))
      return column.field
  return null
}

/** The criterion codes a text names, in order, once each: "Tiêu chí 1.4, 1.5" → 1.4, 1.5. */
export function criterionCodesIn(text: string | null): string[] {
  if (!text) return []
  const codes: string[] = []
  for (const match of text.matchAll(CRITERION_CODE_RE)) {
    const code = `${Number(match[1])}.${Number(match[2])}`
    if (!codes.includes(code)) codes.push(code)
  }
  return codes
}

const shown = (table: SourceTable, row: number, col: number): string => {
  const cell = table.rows[row]?.cells[col]
  if (!cell) return ''
  const origin = cell.mergedFrom
    ? table.rows[cell.mergedFrom.row]?.cells[cell.mergedFrom.col]
    : cell
  return (origin?.text ?? '').trim()
}

interface ProblemHeader {
  table: SourceTable
  row: number
  fields: Map<ProblemField, number>
}

/**
 * Table IV's header: a row naming a standard, a weakness and its current state or cause.
 * Only Biểu 2 has such a row; in a workbook it may sit in the plan's sheet above table V.
 */
function findProblemHeader(
  doc: SourceDocument,
  before: Map<SourceTable, number>,
): ProblemHeader | null {
  for (const table of doc.tables) {
    const limit = Math.min(before.get(table) ?? table.rows.length, HEADER_SEARCH_ROWS)
    for (let r = 0; r < limit; r++) {
      const fields = new Map<ProblemField, number>()
      table.rows[r]!.cells.forEach((cell, c) => {
        if (cell.mergedFrom) return
        const field = problemField(cell.text)
        if (field && !fields.has(field)) fields.set(field, c)
      })
      const named = fields.has('standard') && fields.has('weakness')
      if (named && (fields.has('cause') || fields.has('currentState')))
        return { table, row: r, fields }
    }
  }
  return null
}

/**
 * Read table IV as the plan's priority problems: the rows under its header (and under the
 * "(1) (2) …" row if it has one), up to the first row with nothing in its content columns
 * (a blank row, the next section's heading) or the end of the table.
 *
 * @param before the plan table and its header row: table IV is looked for above it.
 */
export function readPriorityProblems(
  doc: SourceDocument,
  before: Map<SourceTable, number>,
): PriorityProblem[] {
  const header = findProblemHeader(doc, before)
  if (!header) return []
  const { table, fields } = header
  const end = before.get(table) ?? table.rows.length
  const text = (r: number, field: ProblemField) => {
    const c = fields.get(field)
    const value = c === undefined ? '' : shown(table, r, c)
    return value || null
  }
  const content: ProblemField[] = ['standard', 'criteria', 'currentState', 'weakness', 'cause']
  const problems: PriorityProblem[] = []
  for (let r = header.row + 1; r < end; r++) {
    const cells = table.rows[r]!.cells.filter((c) => !c.mergedFrom && c.text.trim())
    if (cells.length > 0 && cells.every((c) => /^\(?\d{1,2}\)?$/.test(c.text.trim()))) continue
    if (content.every((f) => !text(r, f))) break
    // A heading repeated at a page break.
    if (problemField(text(r, 'weakness') ?? '') === 'weakness') continue
    const criteriaText = text(r, 'criteria')
    problems.push({
      index: text(r, 'index'),
      standard: text(r, 'standard'),
      criteria: criterionCodesIn(criteriaText),
      criteriaText,
      currentState: text(r, 'currentState'),
      weakness: text(r, 'weakness'),
      cause: text(r, 'cause'),
      sourceRow: table.rows[r]!.sourceRow,
    })
  }
  return problems
}

/** The rows a link is decided on: what table V says a row is about. */
export interface LinkableRow {
  criterion: string | null
  improvementContent: string | null
}

/**
 * Which priority problem each table V row works on (decision 024), by the first rule that
 * gives one answer:
 * 1. the row's criterion, or a criterion its Nội dung cải tiến names, is one a problem lists;
 * 2. its Nội dung cải tiến and a problem's Điểm hạn chế contain one another (without
 *    diacritics, in any case);
 * 3. order: when the rows' distinct Nội dung cải tiến are as many as the problems, the n-th
 *    content in order of appearance works on the n-th problem.
 * Otherwise the row links to none.
 */
export function linkRowsToProblems(
  rows: LinkableRow[],
  problems: PriorityProblem[],
): (number | null)[] {
  if (problems.length === 0) return rows.map(() => null)
  const contents: string[] = []
  for (const row of rows) {
    const key = foldText(row.improvementContent ?? '')
    if (key && !contents.includes(key)) contents.push(key)
  }
  const byOrder = contents.length === problems.length
  const weaknesses = problems.map((p) => foldText(p.weakness ?? ''))
  return rows.map((row) => {
    const codes = [
      ...(row.criterion ? [row.criterion] : []),
      ...criterionCodesIn(row.improvementContent),
    ]
    for (const code of codes) {
      const found = problems.findIndex((p) => p.criteria.includes(code))
      if (found >= 0) return found
    }
    const content = foldText(row.improvementContent ?? '')
    if (!content) return null
    const named = weaknesses.findIndex((w) => w && (w.includes(content) || content.includes(w)))
    if (named >= 0) return named
    return byOrder ? contents.indexOf(content) : null
  })
}
