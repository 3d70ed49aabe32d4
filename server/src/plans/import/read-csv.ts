import { fromCsvField } from '../../formula-guard.ts'
import { CsvError, parse, type Options as CsvOptions } from 'csv-parse/sync'
import { MAX_CSV_RECORD_CHARS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './import-limits.ts'
import { PlanParseError, planParseError } from './plan-parse-error.ts'
import { buildGrid, newCellBudget, type PlacedCell, type SourceDocument } from './source-table.ts'

/**
 * Decode a CSV the ways Excel saves one: "CSV UTF-8" (with a BOM), "Unicode Text"
 * (UTF-16LE, tab-separated), or the legacy ANSI code page, which in Vietnam is Windows-1258.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('windows-1258').decode(bytes)
    } catch {
      return new TextDecoder('latin1').decode(bytes)
    }
  }
}

const BASE_OPTIONS = {
  // Excel quotes a field whole; a quote inside an unquoted field is kept as text.
  relax_quotes: true,
  relax_column_count: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  max_record_size: MAX_CSV_RECORD_CHARS,
} satisfies CsvOptions

/**
 * RFC 4180 records (quoted fields may hold the delimiter, "" and line breaks), read by
 * csv-parse within the limits: it stops after `limit` records, refuses a record longer
 * than MAX_CSV_RECORD_CHARS, and `onRecord` sees each record as it is made.
 */
function parseRecords(
  text: string,
  delimiter: string,
  limit: number,
  onRecord: (record: string[], line: number) => string[],
): string[][] {
  try {
    const records: string[][] = parse(text, {
      ...BASE_OPTIONS,
      delimiter,
      to: limit,
      on_record: (record: string[], context) => onRecord(record, context.lines),
    })
    return records
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    const line = typeof err.lines === 'number' ? err.lines : 0
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw planParseError('record_too_long', { line })
    throw planParseError('bad_csv', { line, technical: err.code })
  }
}

const DETECTION_RECORDS = 30

/**
 * Excel writes ";" where the list separator is ",", as on Vietnamese Windows, and "," elsewhere.
 * Pick the delimiter that splits the first records into the most, most consistent, fields.
 */
function detectDelimiter(text: string): string {
  let best = ','
  let bestScore = -1
  for (const candidate of [';', ',', '\t']) {
    let sample: string[][]
    try {
      // Only the field count matters here; a record far too wide is cut to keep the sample small.
      sample = parseRecords(text, candidate, DETECTION_RECORDS, (r) =>
        r.length > MAX_TABLE_COLUMNS ? r.slice(0, MAX_TABLE_COLUMNS + 1) : r,
      ).filter((r) => r.some((f) => f.trim()))
    } catch (err) {
      if (err instanceof PlanParseError && err.code === 'record_too_long') throw err
      continue
    }
    if (sample.length === 0) continue
    const counts = sample.map((r) => r.length).sort((a, b) => a - b)
    const median = counts[Math.floor(counts.length / 2)]!
    const consistent = counts.filter((c) => c === median).length / counts.length
    const score = median > 1 ? median * consistent : 0
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}

/** Read a CSV as one table without merges; each record's number is its source row. */
export function readCsv(bytes: Uint8Array): SourceDocument {
  // U+0000 is no one's text (and PostgreSQL cannot store it): dropped, as a stray byte.
  let text = decode(bytes)
    .replace(/^\uFEFF/, '')
    .replaceAll('\u0000', '')
  let delimiter: string | undefined
  // Excel honours (and some exports write) a first line "sep=;".
  const sep = /^sep=(.)\r?\n/.exec(text)
  if (sep) {
    delimiter = sep[1]
    text = text.slice(sep[0].length)
  }
  delimiter ??= detectDelimiter(text)
  const records = parseRecords(text, delimiter, MAX_TABLE_ROWS + 1, (record, line) => {
    if (record.length > MAX_TABLE_COLUMNS)
      throw planParseError('table_too_wide', { columns: record.length, line })
    return record
  })
  if (records.length > MAX_TABLE_ROWS)
    throw planParseError('too_many_rows', { moreThanLines: MAX_TABLE_ROWS })
  const placed: PlacedCell[] = []
  records.forEach((record, row) =>
    record.forEach((field, col) => {
      // Our own export neutralises formula-looking text with a leading '; take it off.
      if (field) placed.push({ row, col, text: fromCsvField(field), colSpan: 1, rowSpan: 1 })
    }),
  )
  const meta = records.map((_, r) => ({ repeatsAsHeader: false, sourceRow: r + (sep ? 2 : 1) }))
  const table = buildGrid(placed, meta, newCellBudget())
  return { tables: table.width > 0 ? [table] : [], paragraphs: [], textLines: [] }
}
