import { fromCsvField } from '../../formula-guard.ts'
import { buildGrid, type PlacedCell, type SourceDocument } from './source-table.ts'

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

/** RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. */
export function parseCsvRecords(text: string, delimiter: string, limit = Infinity): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      i++
    } else if (ch === delimiter) {
      record.push(field)
      field = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      record.push(field)
      records.push(record)
      if (records.length >= limit) return records
      record = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

/**
 * Excel writes ";" where the list separator is ",", as on Vietnamese Windows, and "," elsewhere.
 * Pick the delimiter that splits the first records into the most, most consistent, fields.
 */
function detectDelimiter(text: string): string {
  let best = ','
  let bestScore = -1
  for (const candidate of [';', ',', '\t']) {
    const sample = parseCsvRecords(text, candidate, 30).filter((r) => r.some((f) => f.trim()))
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
  let text = decode(bytes).replace(/^\uFEFF/, '')
  let delimiter: string | undefined
  // Excel honours (and some exports write) a first line "sep=;".
  const sep = /^sep=(.)\r?\n/.exec(text)
  if (sep) {
    delimiter = sep[1]
    text = text.slice(sep[0].length)
  }
  delimiter ??= detectDelimiter(text)
  const records = parseCsvRecords(text, delimiter)
  const placed: PlacedCell[] = []
  records.forEach((record, row) =>
    record.forEach((field, col) => {
      // Our own export neutralises formula-looking text with a leading '; take it off.
      if (field) placed.push({ row, col, text: fromCsvField(field), colSpan: 1, rowSpan: 1 })
    }),
  )
  const meta = records.map((_, r) => ({ repeatsAsHeader: false, sourceRow: r + (sep ? 2 : 1) }))
  const table = buildGrid(placed, meta)
  return { tables: table.width > 0 ? [table] : [], paragraphs: [] }
}
