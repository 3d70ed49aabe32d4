import type ExcelJS from 'exceljs'

/**
 * What makes a spreadsheet read a typed or imported cell as a formula (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, and a leading tab or carriage return that some programs
 * skip before looking. Plan text hits this often and innocently ("- Họp tổ chuyên môn").
 */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain signed number ("-5", "+1.000"): read as that number, never as a formula. */
const SIGNED_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/

/** Would a spreadsheet take this text for a formula? */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text)
}

/** Starts with a quote `toCsvField` adds: the importer takes such a quote off. */
function quoted(text: string): boolean {
  if (!text.startsWith("'")) return false
  const rest = text.slice(1)
  return looksLikeFormula(rest) || quoted(rest)
}

/**
 * A CSV field's text, neutralised: a formula-looking text gets a leading `'`, so Excel and
 * LibreOffice show it as text (with the quote visible) instead of running it. Everything
 * else is left as it is, except a text that already starts that way, which gets one more
 * quote so that `fromCsvField` gives it back unchanged.
 */
export function toCsvField(text: string): string {
  return looksLikeFormula(text) || quoted(text) ? `'${text}` : text
}

/** A field read from a CSV: the quote `toCsvField` added comes off, and only that one. */
export function fromCsvField(text: string): string {
  return quoted(text) ? text.slice(1) : text
}

/**
 * Marks every formula-looking text cell of the workbook as Text (number format `@`).
 * ExcelJS writes a JavaScript string as a string cell, never as a formula, so the file shows
 * the original text; the Text format keeps it text when someone edits the cell and presses
 * Enter (Excel and LibreOffice would otherwise evaluate it then). ExcelJS cannot write the
 * `quotePrefix` style attribute, which would do the same.
 */
export function guardFormulaText(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@'
      }),
    ),
  )
}
