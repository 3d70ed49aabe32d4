import type ExcelJS from 'exceljs'
import { zipSync, type Zippable } from 'fflate'
import { MAX_MERGED_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './import-limits.ts'
import { checkXml } from './check-xml.ts'
import { planParseError } from './plan-parse-error.ts'
import {
  buildGrid,
  newCellBudget,
  type CellBudget,
  normalizeNewlines,
  type PlacedCell,
  type SourceDocument,
  type SourceTable,
  type TextLine,
} from './source-table.ts'

/**
 * The parts of a workbook that exceljs turns into cell values, matched as exceljs matches
 * them. Pictures, drawings, comments, themes and the rest are never inflated: exceljs would
 * inflate every part it is given, whatever its size.
 */
const XLSX_PARTS = new Set([
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
])
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml$/

export const isXlsxPart = (name: string) =>
  XLSX_PARTS.has(name.replace(/^\//, '')) || SHEET_PART.test(name)

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) {
    // Excel stores a typed date; plans write dates the Vietnamese way.
    const d = String(value.getUTCDate()).padStart(2, '0')
    const m = String(value.getUTCMonth() + 1).padStart(2, '0')
    return `${d}/${m}/${value.getUTCFullYear()}`
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value)
    return valueText((value as ExcelJS.CellFormulaValue).result)
  if ('hyperlink' in value) return valueText(value.text)
  if ('error' in value) return ''
  return ''
}

const COLUMN_RE = /^([A-Z]+)(\d+)$/

function address(ref: string): { row: number; col: number } | null {
  const match = COLUMN_RE.exec(ref.replace(/\$/g, '').toUpperCase())
  if (!match) return null
  let col = 0
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { row: Number(match[2]) - 1, col: col - 1 }
}

const MERGE_RE =
  /<mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?"/g
const ROW_NUMBER_RE = /<(?:\w+:)?(?:row|c)\b[^>]*?\br="[A-Za-z]{0,3}(\d{1,7})"/g

function columnNumber(letters: string): number {
  let col = 0
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return col
}

/**
 * Size a sheet from its XML before exceljs reads it: exceljs makes an object for every
 * row it meets and for every position of every merged range, so a few bytes of XML naming
 * a huge range would otherwise fill the memory.
 */
function checkSheetXml(name: string, xml: string, merged: { cells: number }): void {
  let lastRow = 0
  for (const m of xml.matchAll(ROW_NUMBER_RE)) lastRow = Math.max(lastRow, Number(m[1]))
  for (const m of xml.matchAll(MERGE_RE)) {
    const top = Number(m[2])
    const bottom = m[4] ? Number(m[4]) : top
    const left = columnNumber(m[1]!)
    const right = m[3] ? columnNumber(m[3]) : left
    lastRow = Math.max(lastRow, top, bottom)
    merged.cells += (Math.abs(bottom - top) + 1) * (Math.abs(right - left) + 1)
    if (merged.cells > MAX_MERGED_CELLS)
      throw planParseError('merge_too_large', {
        technical: `${name}: ${m[0].slice(m[0].indexOf('ref='))}`,
      })
  }
  if (lastRow > MAX_TABLE_ROWS)
    throw planParseError('too_many_rows', { rows: lastRow, in: 'sheet' })
}

function readSheet(sheet: ExcelJS.Worksheet, budget: CellBudget): SourceTable | null {
  const height = sheet.rowCount
  const width = Math.min(sheet.columnCount, MAX_TABLE_COLUMNS)
  if (height === 0 || width === 0) return null
  if (height > MAX_TABLE_ROWS) throw planParseError('too_many_rows', { rows: height, in: 'sheet' })
  const covered = new Map<number, PlacedCell>()
  const placed: PlacedCell[] = []
  for (const range of sheet.model.merges) {
    const [from, to] = range.split(':')
    const a = from && address(from)
    const b = to && address(to)
    if (!a || !b) continue
    const cell: PlacedCell = {
      row: a.row,
      col: a.col,
      text: '',
      colSpan: b.col - a.col + 1,
      rowSpan: b.row - a.row + 1,
    }
    if (cell.col >= width || cell.row >= height) continue
    cell.colSpan = Math.min(cell.colSpan, width - cell.col)
    cell.rowSpan = Math.min(cell.rowSpan, height - cell.row)
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        covered.set(r * MAX_TABLE_COLUMNS + c, cell)
    placed.push(cell)
  }
  const meta = Array.from({ length: height }, (_, r) => ({
    repeatsAsHeader: false,
    sourceRow: r + 1,
  }))
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1
      if (c >= width) return
      const text = normalizeNewlines(valueText(cell.value))
      const merged = covered.get(r * MAX_TABLE_COLUMNS + c)
      if (merged) {
        // Excel keeps the value of a merged range in its top-left cell only.
        if (merged.row === r && merged.col === c) merged.text = text
      } else if (text) placed.push({ row: r, col: c, text, colSpan: 1, rowSpan: 1 })
    })
  })
  return buildGrid(placed, meta, budget)
}

/**
 * The sheet rows that hold one value (a cell, or one merged across the row): lines of text such
 * as titles and the prose typed under the plan table, read in order, one line per line break.
 */
function singleValueLines(table: SourceTable): TextLine[] {
  const lines: TextLine[] = []
  for (const row of table.rows) {
    const values = row.cells.filter((c) => !c.mergedFrom && c.text.trim())
    if (values.length === 1)
      for (const text of values[0]!.text.split('\n')) lines.push({ text, sourceRow: row.sourceRow })
  }
  return lines
}

/**
 * Read every sheet of a workbook as one table each; the understanding step picks the plan.
 * `parts` are the inflated workbook parts (see isXlsxPart), each already within its size.
 */
export async function readXlsx(parts: Map<string, Uint8Array>): Promise<SourceDocument> {
  const merged = { cells: 0 }
  const files: Zippable = {}
  for (const [name, bytes] of parts) {
    const xml = checkXml(name, bytes)
    if (SHEET_PART.test(name)) checkSheetXml(name, xml, merged)
    // Stored, not compressed: exceljs only needs a zip to open, and these bytes are checked.
    files[name] = [bytes, { level: 0 }]
  }
  // Loaded here, not on start: a Word or CSV plan (and the CLI) need not wait for it.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(zipSync(files)) as never)
  } catch (err) {
    throw planParseError('not_an_office_file', { technical: (err as Error).message })
  }
  const budget = newCellBudget()
  const tables: SourceTable[] = []
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue
    const table = readSheet(sheet, budget)
    if (table) tables.push(table)
  }
  return { tables, paragraphs: [], textLines: tables.flatMap(singleValueLines) }
}
