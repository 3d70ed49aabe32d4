import { rowProblem } from '@caitien/shared/import-messages'
import { foldText } from '@caitien/shared/text'
import {
  BIEU_2_ONLY_FIELDS,
  bieu2ColumnNumber,
  bieu2ColumnOfNumber,
  headingField,
  headingWords,
  isPlanColumnField,
  type PlanColumnField,
} from './plan-columns.ts'
import {
  linkRowsToProblems,
  readPriorityProblems,
  type PriorityProblem,
} from './priority-problems.ts'
import { MAX_PLAN_ROWS } from './import-limits.ts'
import { PLAN_COLUMN_FIELDS } from './plan-columns.ts'
import { planParseError } from './plan-parse-error.ts'
import { readPlanContext, type PlanContext } from './plan-context.ts'
import type { SourceDocument, SourceRow, SourceTable } from './source-table.ts'

/**
 * The plan fields of one row, named exactly as in the plan fixtures (DESIGN §2): those a
 * column can fill, and those the reader takes from the table's layout (a standard's name
 * and a criterion's label from their heading rows, the section a row sits in).
 */
export const PLAN_ROW_FIELDS = [
  ...PLAN_COLUMN_FIELDS,
  'standardName',
  'criterionLabel',
  'section',
] as const
export type PlanRowFields = Record<(typeof PLAN_ROW_FIELDS)[number], string | null>

export interface UnderstoodRow {
  fields: PlanRowFields
  /** The priority problem (index into `priorityProblems`) the row works on, if known. */
  priorityProblem: number | null
  sourceRow: number
}

/**
 * A row the import could not read whole: in English (CLI, logs) and Vietnamese (the UI),
 * both from shared/src/import-messages.ts (rowProblem).
 */
export interface PlanProblem {
  row: number
  message: string
  messageVi: string
}

export interface ColumnMapping {
  columnIndex: number
  heading: string
  field: PlanColumnField | null
}

export interface UnderstoodPlan extends PlanContext {
  columns: string[]
  mapping: ColumnMapping[]
  rows: UnderstoodRow[]
  problems: PlanProblem[]
  /** Biểu 2's table IV: the plan's priority problems, none for a plan of another form. */
  priorityProblems: PriorityProblem[]
  /** What else the document holds, when its plan table has no row: said instead of "0 rows". */
  found: DocumentOutline | null
}

/** The text outside the plan table and the other tables, briefly, for a table with no row. */
export interface DocumentOutline {
  /** The first lines of text outside the tables (titles, section headings), each cut short. */
  headings: string[]
  /** The other tables: their size and their first words. */
  tables: { rows: number; columns: number; firstText: string }[]
}

const OUTLINE_LINES = 8
const OUTLINE_TABLES = 5
const OUTLINE_TEXT = 120

const cut = (text: string) =>
  text.length > OUTLINE_TEXT ? `${text.slice(0, OUTLINE_TEXT - 1)}…` : text

function outlineOf(doc: SourceDocument, planTables: Set<SourceTable>): DocumentOutline {
  const headings = doc.paragraphs
    .flatMap((p) => p.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, OUTLINE_LINES)
    .map(cut)
  const tables = doc.tables
    .filter((t) => !planTables.has(t))
    .slice(0, OUTLINE_TABLES)
    .map((t) => {
      const first = t.rows.flatMap((r) => r.cells).find((c) => !c.mergedFrom && c.text.trim())
      return { rows: t.rows.length, columns: t.width, firstText: cut(first?.text.trim() ?? '') }
    })
  return { headings, tables }
}

export type MappingOverride = Record<number, PlanColumnField | null>

/** A column of the plan: its heading and the grid columns [start, end) it covers. */
interface Column {
  heading: string
  start: number
  end: number
  field: PlanColumnField | 'index' | null
}

/** One table (or piece of a table split at a page break) and where its body starts. */
interface Slice {
  table: SourceTable
  columns: Column[]
  headerRow: number
  bodyStart: number
  rowOffset: number
}

/** A header needs at least this many known headings: a data row rarely reads like three. */
const MIN_HEADER_SCORE = 3
const HEADER_SEARCH_ROWS = 40

const STANDARD_RE = /^\s*ti\S*u\s+chu\S*n\s*(\d{1,2})\s*[:.\-–)]?\s*([\s\S]*)$/iu
const CRITERION_RE =
  /^\s*(?:ti\S*u\s+ch\S*\s*)?(\d{1,2})\s*[.,]\s*(\d{1,2})(?!\d)\s*[:.\-–)]?\s*([\s\S]*)$/iu
const SECTION_RE = /^muc( do)?\s*\d+(\s*[,;\-–]\s*\d+)*\s*$/
const PLACEHOLDER_RE = /^(khong co|khong)\.?$/
const COLUMN_NUMBER_RE = /^\(?(\d{1,2})\)?$/

function headerScore(row: SourceRow): number {
  const fields = new Set<string>()
  for (const cell of row.cells) {
    if (cell.mergedFrom) continue
    const field = headingField(cell.text)
    if (field) fields.add(field)
  }
  return fields.size + (fields.size > 0 && row.repeatsAsHeader ? 0.5 : 0)
}

function findHeader(table: SourceTable): { row: number; score: number } | null {
  let best: { row: number; score: number } | null = null
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS)
  for (let r = 0; r < limit; r++) {
    const score = headerScore(table.rows[r]!)
    if (score >= MIN_HEADER_SCORE && (!best || score > best.score)) best = { row: r, score }
  }
  return best
}

const cellAt = (table: SourceTable, row: number, col: number) => table.rows[row]?.cells[col]

/** The text shown at a grid position: a covered position shows its merged cell's text. */
function shownText(table: SourceTable, row: number, col: number): string {
  const cell = cellAt(table, row, col)
  if (!cell) return ''
  if (!cell.mergedFrom) return cell.text
  return cellAt(table, cell.mergedFrom.row, cell.mergedFrom.col)?.text ?? ''
}

/**
 * Is the row under the header a second header row, splitting a wide heading into
 * sub-headings ("Kinh phí" over "Dự kiến" | "Nguồn")? Only if it has text under a wide
 * heading and nothing of its own anywhere else, where the headings reach down into it.
 */
function isSubHeaderRow(table: SourceTable, headerRow: number): boolean {
  const sub = table.rows[headerRow + 1]
  if (!sub) return false
  let splits = false
  for (let c = 0; c < table.width; c++) {
    const heading = cellAt(table, headerRow, c)!
    const origin = heading.mergedFrom
      ? cellAt(table, heading.mergedFrom.row, heading.mergedFrom.col)!
      : heading
    const cell = sub.cells[c]!
    const text = cell.mergedFrom ? '' : cell.text.trim()
    if (!text) continue
    if (origin.colSpan < 2 || text.length > 60 || COLUMN_NUMBER_RE.test(text)) return false
    splits = true
  }
  return splits
}

/**
 * The plan's columns from its header row: a heading cell that spans several grid columns is
 * one column, unless a second header row splits it; then `bodyStart` skips that row too.
 */
function readColumns(
  table: SourceTable,
  headerRow: number,
): { columns: Column[]; bodyStart: number } {
  const header = table.rows[headerRow]!
  const twoRows = isSubHeaderRow(table, headerRow)
  const columns: Column[] = []
  for (let c = 0; c < table.width;) {
    const cell = header.cells[c]!
    const span = cell.mergedFrom ? 1 : cell.colSpan
    const heading = shownText(table, headerRow, c).trim()
    const subCells = twoRows && span > 1 ? subHeadings(table, headerRow + 1, c, c + span) : []
    if (subCells.length > 1) {
      for (const s of subCells) {
        const joined = `${heading} - ${s.heading}`
        const field = headingField(joined) ?? headingField(s.heading)
        columns.push({ heading: joined, start: s.start, end: s.end, field })
      }
    } else if (heading && !(cell.mergedFrom && cell.mergedFrom.row === headerRow)) {
      columns.push({ heading, start: c, end: c + span, field: headingField(heading) })
    }
    c += span
  }
  return { columns, bodyStart: headerRow + (twoRows ? 2 : 1) }
}

function subHeadings(table: SourceTable, row: number, start: number, end: number) {
  const out: { heading: string; start: number; end: number }[] = []
  for (let c = start; c < end; c++) {
    const cell = cellAt(table, row, c)
    if (!cell || cell.mergedFrom || !cell.text.trim()) continue
    out.push({ heading: cell.text.trim(), start: c, end: Math.min(end, c + cell.colSpan) })
  }
  return out
}

/**
 * Biểu 2's table V numbers its headings (1)…(10), under them or inside them: when the table
 * is that one (a heading only it has), a column's number says its field, whatever its words.
 */
function numberBieu2Columns(table: SourceTable, headerRow: number, columns: Column[]): Column[] {
  if (!columns.some((c) => c.field && BIEU_2_ONLY_FIELDS.includes(c.field as PlanColumnField)))
    return columns
  const below = table.rows[headerRow + 1]
  return columns.map((column) => {
    const inside = /\((\d{1,2})\)\s*$/.exec(column.heading)?.[1]
    const cell = below?.cells[column.start]
    const under = cell && !cell.mergedFrom ? bieu2ColumnNumber(cell.text) : null
    const number = inside ? Number(inside) : under
    const field = number === null ? null : bieu2ColumnOfNumber(number)
    return field ? { ...column, field } : column
  })
}

const signature = (columns: Column[]) => columns.map((c) => headingWords(c.heading)).join('|')

function looksLikePlanRow(table: SourceTable): boolean {
  return table.rows.some((row) =>
    row.cells.some(
      (cell) => STANDARD_RE.test(cell.text) || /^\s*ti\S*u\s+ch\S*\s*\d/iu.test(cell.text),
    ),
  )
}

/**
 * Find the plan table among all tables: the one whose header row names the most plan
 * columns. The tables right after it that repeat its header (a table split at a page break)
 * or that carry on without one, at the same width, are read as its continuation.
 */
function findSlices(doc: SourceDocument): Slice[] {
  let best: { index: number; row: number; score: number } | null = null
  doc.tables.forEach((table, index) => {
    const header = findHeader(table)
    if (header && (!best || header.score > best.score)) best = { index, ...header }
  })
  if (!best) throw planParseError('no_header')
  const { index, row } = best as { index: number; row: number }
  const main = doc.tables[index]!
  const read = readColumns(main, row)
  const first = { ...read, columns: numberBieu2Columns(main, row, read.columns) }
  const slices: Slice[] = [{ table: main, headerRow: row, rowOffset: 0, ...first }]
  const mainSignature = signature(first.columns)
  let offset = main.rows.length
  for (const table of doc.tables.slice(index + 1)) {
    const header = findHeader(table)
    if (header) {
      const next = readColumns(table, header.row)
      if (signature(next.columns) !== mainSignature) break
      slices.push({ table, headerRow: header.row, rowOffset: offset, ...next })
    } else if (table.width === main.width && looksLikePlanRow(table)) {
      slices.push({ table, columns: first.columns, headerRow: -1, bodyStart: 0, rowOffset: offset })
    } else break
    offset += table.rows.length
  }
  return slices
}

interface RowValues {
  /** Text per column: this row's own cells, or a cell merged down from a row above. */
  values: string[]
  /** Whether the column's text comes from a cell that starts in this row. */
  own: boolean[]
  /** The number of cells starting in this row that hold text, counted once per merged cell. */
  ownCells: { text: string; colSpan: number; column: number }[]
  /** Text in grid columns outside every headed column. */
  stray: string[]
}

function rowValues(slice: Slice, r: number): RowValues {
  const { table, columns } = slice
  const row = table.rows[r]!
  const values = columns.map(() => '')
  const own = columns.map(() => false)
  const ownCells: RowValues['ownCells'] = []
  const stray: string[] = []
  for (let c = 0; c < table.width; c++) {
    const cell = row.cells[c]!
    const column = columns.findIndex((col) => c >= col.start && c < col.end)
    let text: string
    let isOwn: boolean
    if (!cell.mergedFrom) {
      text = cell.text.trim()
      isOwn = true
      if (text) ownCells.push({ text, colSpan: cell.colSpan, column })
    } else if (cell.mergedFrom.row < r && cell.mergedFrom.col === c) {
      text = shownText(table, r, c).trim()
      isOwn = false
    } else continue
    if (!text) continue
    if (column < 0) {
      if (isOwn) stray.push(text)
      continue
    }
    values[column] = values[column] ? `${values[column]}\n${text}` : text
    own[column] = own[column]! || isOwn
  }
  return { values, own, ownCells, stray }
}

/** A row with no field filled: what each reader of plan rows starts from. */
export const EMPTY_FIELDS: Readonly<PlanRowFields> = Object.freeze(
  Object.fromEntries(PLAN_ROW_FIELDS.map((field) => [field, null])) as PlanRowFields,
)

interface Criterion {
  criterion: string | null
  criterionLabel: string | null
}

function parseCriterion(text: string): Criterion {
  const match = CRITERION_RE.exec(text)
  if (!match) return { criterion: null, criterionLabel: text || null }
  const rest = match[3]!.trim()
  return {
    criterion: `${Number(match[1])}.${Number(match[2])}`,
    criterionLabel: rest ? text : null,
  }
}

function isRepeatedHeader(values: string[], columns: Column[]): boolean {
  let same = 0
  let filled = 0
  values.forEach((v, i) => {
    if (!v) return
    filled++
    if (headingWords(v) === headingWords(columns[i]!.heading)) same++
  })
  return filled > 0 && same >= Math.min(MIN_HEADER_SCORE, columns.length) && same / filled >= 0.6
}

function isColumnNumberRow(ownCells: RowValues['ownCells']): boolean {
  if (ownCells.length < 3) return false
  let previous = 0
  for (const cell of ownCells) {
    const match = COLUMN_NUMBER_RE.exec(cell.text)
    if (!match || Number(match[1]) <= previous) return false
    previous = Number(match[1])
  }
  return true
}

/**
 * Read the plan rows out of a document: find the plan table and its header, map the columns,
 * then walk the rows, carrying the standard, section and criterion down as the plan does.
 */
export function understandDocument(
  doc: SourceDocument,
  override: MappingOverride = {},
): UnderstoodPlan {
  if (doc.tables.length === 0) throw planParseError('no_table')
  const slices = findSlices(doc)
  const main = slices[0]!
  const columns = main.columns
  const fieldOf = columns.map((col, i) => {
    const forced = override[i]
    if (forced === null) return null
    if (isPlanColumnField(forced)) return forced
    return col.field === 'index' ? null : col.field
  })
  const indexColumn = columns.findIndex((c) => c.field === 'index')
  const criterionColumn = fieldOf.indexOf('criterion')
  const standardColumn = fieldOf.indexOf('standard')
  // Biểu 2's table V: its rows work on priority problems and need not name a criterion.
  const isBieu2 = fieldOf.some((f) => f !== null && BIEU_2_ONLY_FIELDS.includes(f))

  const bodyRows = slices.reduce((n, s) => n + s.table.rows.length - s.bodyStart, 0)
  if (bodyRows > MAX_PLAN_ROWS) throw planParseError('too_many_rows', { rows: bodyRows })

  const rows: UnderstoodRow[] = []
  const problems: UnderstoodPlan['problems'] = []
  let standard: string | null = null
  let standardName: string | null = null
  let section: string | null = null
  let lastCriterion: Criterion | null = null

  for (const slice of slices) {
    for (let r = slice.bodyStart; r < slice.table.rows.length; r++) {
      const sourceRow = slice.table.rows[r]!.sourceRow + slice.rowOffset
      const { values, own, ownCells, stray } = rowValues(slice, r)
      // The TT column numbers rows; it says nothing about what kind of row this is.
      const content = ownCells.filter((c) => c.column !== indexColumn || c.colSpan > 1)
      if (content.length === 0) continue
      if (isRepeatedHeader(values, columns) || isColumnNumberRow(ownCells)) continue

      if (content.length === 1) {
        const only = content[0]!
        const folded = foldText(only.text)
        if (SECTION_RE.test(folded)) {
          section = only.text
          continue
        }
        const std = STANDARD_RE.exec(only.text)
        if (std) {
          standard = String(Number(std[1]))
          standardName = std[2]!.trim() || null
          lastCriterion = null
          continue
        }
        if (PLACEHOLDER_RE.test(folded)) continue
        if (only.colSpan > 1 && only.colSpan >= Math.max(2, main.table.width / 2)) {
          problems.push(rowProblem(sourceRow, 'headingSkipped', { text: only.text }))
          continue
        }
      }

      const fields: PlanRowFields = { ...EMPTY_FIELDS, section }
      const joined = new Map<PlanColumnField, string>()
      fieldOf.forEach((field, i) => {
        const value = values[i]
        if (!field || !value) return
        // A merged budget counts once, on the row where the merged cell starts.
        if (field === 'budget' && !own[i]) return
        const previous = joined.get(field)
        joined.set(field, previous ? `${previous}\n${value}` : value)
      })

      const standardText = standardColumn >= 0 ? values[standardColumn] : undefined
      if (standardText) {
        const std = STANDARD_RE.exec(standardText)
        const num = /\d{1,2}/.exec(standardText)
        if (std) {
          standard = String(Number(std[1]))
          standardName = std[2]!.trim() || null
        } else if (num) {
          if (num[0] !== standard) standardName = null
          standard = String(Number(num[0]))
        }
      }

      let criterion: Criterion = { criterion: null, criterionLabel: null }
      const criterionText = criterionColumn >= 0 ? values[criterionColumn] : undefined
      if (criterionText) {
        const std = STANDARD_RE.exec(criterionText)
        if (std) {
          // A standard written in the criterion column of a row that also holds an action.
          standard = String(Number(std[1]))
          standardName = std[2]!.trim() || null
        } else criterion = parseCriterion(criterionText)
        lastCriterion = criterion
      } else if (lastCriterion) {
        // No merge in a CSV: an empty criterion cell continues the criterion above.
        criterion = lastCriterion
      }
      if (!criterion.criterion && !criterion.criterionLabel) {
        if (!isBieu2) problems.push(rowProblem(sourceRow, 'noCriterion'))
      } else if (!criterion.criterion)
        problems.push(
          rowProblem(sourceRow, 'criterionUnreadable', { label: criterion.criterionLabel ?? '' }),
        )

      for (const [field, value] of joined) {
        if (field === 'standard' || field === 'criterion') continue
        fields[field] = value
      }
      fields.criterion = criterion.criterion
      fields.criterionLabel = criterion.criterionLabel
      fields.standard = standard ?? criterion.criterion?.split('.')[0] ?? null
      fields.standardName = standard ? standardName : null
      if (stray.length)
        problems.push(rowProblem(sourceRow, 'strayText', { text: stray.join(' | ') }))
      rows.push({ fields, priorityProblem: null, sourceRow })
    }
  }

  const priorityProblems = isBieu2
    ? readPriorityProblems(doc, new Map([[main.table, main.headerRow]]))
    : []
  const links = linkRowsToProblems(
    rows.map((r) => r.fields),
    priorityProblems,
  )
  rows.forEach((row, i) => {
    const link = links[i] ?? null
    row.priorityProblem = link
    const problem = link === null ? undefined : priorityProblems[link]
    // Table IV names the criterion a row works on when table V does not (decision 024).
    if (problem && !row.fields.criterion && problem.criteria.length === 1)
      row.fields.criterion = problem.criteria[0]!
    if (problem && !row.fields.standard) {
      const number = /\d{1,2}/.exec(problem.standard ?? '')?.[0]
      row.fields.standard =
        row.fields.criterion?.split('.')[0] ?? (number ? String(Number(number)) : null)
    }
  })

  return {
    ...readPlanContext(doc, main.table, main.headerRow),
    columns: columns.map((c) => c.heading),
    mapping: columns.map((c, i) => ({ columnIndex: i, heading: c.heading, field: fieldOf[i]! })),
    rows,
    problems,
    priorityProblems,
    found: rows.length === 0 ? outlineOf(doc, new Set(slices.map((s) => s.table))) : null,
  }
}
