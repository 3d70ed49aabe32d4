import ExcelJS from 'exceljs'
import { planParseError } from './plan-parse-error.ts'
import {
  buildGrid,
  normalizeNewlines,
  type PlacedCell,
  type SourceDocument,
  type SourceTable,
} from './source-table.ts'

/** A sheet this tall is refused before its cells are laid out (the plan limit is far below). */
const MAX_SHEET_ROWS = 100_000
const MAX_SHEET_COLUMNS = 200

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

function readSheet(sheet: ExcelJS.Worksheet): SourceTable | null {
  const height = sheet.rowCount
  const width = Math.min(sheet.columnCount, MAX_SHEET_COLUMNS)
  if (height === 0 || width === 0) return null
  if (height > MAX_SHEET_ROWS)
    throw planParseError('too_many_rows', `(${height} rows in the sheet)`)
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
        covered.set(r * MAX_SHEET_COLUMNS + c, cell)
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
      const merged = covered.get(r * MAX_SHEET_COLUMNS + c)
      if (merged) {
        // Excel keeps the value of a merged range in its top-left cell only.
        if (merged.row === r && merged.col === c) merged.text = text
      } else if (text) placed.push({ row: r, col: c, text, colSpan: 1, rowSpan: 1 })
    })
  })
  return buildGrid(placed, meta)
}

/** Read every sheet of a workbook as one table each; the understanding step picks the plan. */
export async function readXlsx(bytes: Uint8Array): Promise<SourceDocument> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch (err) {
    throw planParseError('not_an_office_file', `(${(err as Error).message})`)
  }
  const tables: SourceTable[] = []
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue
    const table = readSheet(sheet)
    if (table) tables.push(table)
  }
  return { tables, paragraphs: [] }
}
