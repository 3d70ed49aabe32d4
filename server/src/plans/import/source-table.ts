import { MAX_DOCUMENT_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './import-limits.ts'
import { planParseError } from './plan-parse-error.ts'

/**
 * The one shape every reader (docx, xlsx, csv) produces, so that finding the plan table and
 * understanding its rows is written once.
 *
 * A table is a rectangular grid: `rows[r].cells[c]` exists for every grid column. A cell that
 * spans several columns or rows sits at its top-left position with `colSpan`/`rowSpan`; the
 * positions it covers hold an empty cell whose `mergedFrom` points back at it.
 */
export interface SourceCell {
  text: string
  colSpan: number
  rowSpan: number
  mergedFrom: { row: number; col: number } | null
}

export interface SourceRow {
  cells: SourceCell[]
  /** Word's "repeat as header row at the top of each page" (w:tblHeader). */
  repeatsAsHeader: boolean
  /** 1-based row number in the source (the sheet row in Excel, the table row in Word). */
  sourceRow: number
}

export interface SourceTable {
  rows: SourceRow[]
  width: number
}

export interface SourceDocument {
  tables: SourceTable[]
  /** Text outside the tables, in document order: title, year, the circular cited. */
  paragraphs: string[]
  /**
   * Every line of text outside a table's grid, in order, for plans that write actions as prose:
   * Word's paragraphs, and Excel's rows that hold one value (lines typed under the table).
   */
  textLines: TextLine[]
}

/** One line of text outside a table grid, with where it is (paragraph number, or sheet row). */
export interface TextLine {
  text: string
  sourceRow: number
}

/** A merged cell as a reader meets it: the top-left position and how far it reaches. */
export interface PlacedCell {
  row: number
  col: number
  text: string
  colSpan: number
  rowSpan: number
}

/** The grid positions one file may still lay out (MAX_DOCUMENT_CELLS over all its tables). */
export interface CellBudget {
  /** Claims a grid of this size, or refuses the file before anything is allocated. */
  take: (rows: number, width: number) => void
}

export function newCellBudget(): CellBudget {
  let left = MAX_DOCUMENT_CELLS
  return {
    take(rows, width) {
      if (width > MAX_TABLE_COLUMNS) throw planParseError('table_too_wide', { columns: width })
      if (rows > MAX_TABLE_ROWS) throw planParseError('too_many_rows', { rows })
      left -= rows * width
      if (left < 0) throw planParseError('too_many_cells')
    },
  }
}

const emptyCell = (): SourceCell => ({ text: '', colSpan: 1, rowSpan: 1, mergedFrom: null })

/**
 * Lay placed cells out on a full grid, filling covered positions with back-pointers.
 * `rowMeta` gives each row's header flag and source number. The grid's size is claimed
 * from the file's budget first, so an absurd span or height is refused, not allocated.
 */
export function buildGrid(
  placed: PlacedCell[],
  rowMeta: { repeatsAsHeader: boolean; sourceRow: number }[],
  budget: CellBudget,
): SourceTable {
  let width = 0
  for (const p of placed) width = Math.max(width, p.col + p.colSpan)
  budget.take(rowMeta.length, width)
  const rows: SourceRow[] = rowMeta.map((meta) => ({
    ...meta,
    cells: Array.from({ length: width }, emptyCell),
  }))
  for (const p of placed) {
    const rowSpan = Math.max(1, Math.min(p.rowSpan, rows.length - p.row))
    for (let r = p.row; r < p.row + rowSpan; r++) {
      const row = rows[r]
      if (!row) continue
      for (let c = p.col; c < p.col + p.colSpan; c++) {
        row.cells[c] =
          r === p.row && c === p.col
            ? { text: p.text, colSpan: p.colSpan, rowSpan, mergedFrom: null }
            : { text: '', colSpan: 1, rowSpan: 1, mergedFrom: { row: p.row, col: p.col } }
      }
    }
  }
  return { rows, width }
}

/**
 * Line breaks the way the plan fields keep them: "\n" only, no stray carriage returns; and
 * no U+0000 (an xlsx `_x0000_` or a stray byte), which PostgreSQL cannot store.
 */
export function normalizeNewlines(text: string): string {
  return text
    .replace(/_x000D_/g, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
}
