import { XMLParser } from 'fast-xml-parser'
import { checkXml } from './check-xml.ts'
import { MAX_TABLE_COLUMNS, MAX_TABLE_NESTING, MAX_TABLE_ROWS } from './import-limits.ts'
import { planParseError } from './plan-parse-error.ts'
import {
  buildGrid,
  newCellBudget,
  normalizeNewlines,
  type CellBudget,
  type PlacedCell,
  type SourceDocument,
  type SourceTable,
} from './source-table.ts'

/** fast-xml-parser's preserveOrder node: one tag name key holding children, attributes in ':@'. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // w:t keeps its spaces (xml:space="preserve"), and "1" must stay the text "1".
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Deeper than any real document; the limit keeps the tree walks below off the stack's edge.
  maxNestedTags: 100,
})

function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key
  return ''
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

function attr(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name]
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag)
}

/**
 * Content that is not the document's visible text: deleted revisions, drawings and text
 * boxes (mc:AlternateContent holds the same text twice), properties, field codes.
 */
const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:del',
  'w:moveFrom',
  'w:drawing',
  'w:pict',
  'w:object',
  'mc:AlternateContent',
  'w:instrText',
  'w:delText',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
])

function runText(node: XmlNode, out: string[]): void {
  for (const c of childrenOf(node)) {
    const tag = tagOf(c)
    if (tag === '#text') continue
    if (SKIPPED.has(tag)) continue
    switch (tag) {
      case 'w:t':
        for (const t of childrenOf(c)) if (typeof t['#text'] === 'string') out.push(t['#text'])
        break
      case 'w:tab':
      case 'w:ptab':
        out.push('\t')
        break
      case 'w:br':
      case 'w:cr':
        out.push('\n')
        break
      case 'w:noBreakHyphen':
        out.push('-')
        break
      default:
        runText(c, out)
    }
  }
}

function paragraphText(p: XmlNode): string {
  const out: string[] = []
  runText(p, out)
  return normalizeNewlines(out.join(''))
}

/** w:sdt and w:customXml wrap rows, cells and paragraphs without changing the layout. */
function unwrap(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = []
  for (const n of nodes) {
    const tag = tagOf(n)
    if (tag === 'w:sdt') out.push(...unwrap(childrenOf(child(n, 'w:sdtContent') ?? {})))
    else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:moveTo')
      out.push(...unwrap(childrenOf(n)))
    else out.push(n)
  }
  return out
}

function intAttr(node: XmlNode | undefined, fallback: number): number {
  const value = node ? Number(attr(node, 'w:val')) : NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

interface Reading {
  tables: SourceTable[]
  paragraphs: string[]
  budget: CellBudget
}

/** Text of a cell: one line per paragraph; a nested table's cells follow as lines too. */
function cellText(tc: XmlNode, reading: Reading, depth: number): string {
  const lines: string[] = []
  for (const n of unwrap(childrenOf(tc))) {
    const tag = tagOf(n)
    if (tag === 'w:p') lines.push(paragraphText(n))
    else if (tag === 'w:tbl') {
      const nested = readTable(n, reading, depth + 1)
      for (const row of nested.rows)
        for (const cell of row.cells) if (cell.text.trim()) lines.push(cell.text)
    }
  }
  return lines.join('\n')
}

function readTable(tbl: XmlNode, reading: Reading, depth: number): SourceTable {
  if (depth > MAX_TABLE_NESTING) throw planParseError('nesting_too_deep')
  // Reserve the slot first so an outer table comes before the tables nested in it.
  const slot = reading.tables.length
  reading.tables.push({ rows: [], width: 0 })
  const placed: PlacedCell[] = []
  const meta: { repeatsAsHeader: boolean; sourceRow: number }[] = []
  // For each grid column, the cell currently open for vertical merging (w:vMerge restart).
  let open: (PlacedCell | undefined)[] = []
  const rows = unwrap(childrenOf(tbl)).filter((n) => tagOf(n) === 'w:tr')
  if (rows.length > MAX_TABLE_ROWS)
    throw planParseError('too_many_rows', { rows: rows.length, in: 'table' })
  rows.forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr')
    const tblHeader = trPr && child(trPr, 'w:tblHeader')
    const off = ['0', 'false', 'off'].includes(tblHeader ? (attr(tblHeader, 'w:val') ?? '') : '')
    meta.push({ repeatsAsHeader: !!tblHeader && !off, sourceRow: r + 1 })
    let col = trPr ? intAttr(child(trPr, 'w:gridBefore'), 0) : 0
    const nextOpen: (PlacedCell | undefined)[] = []
    let hMergeOrigin: PlacedCell | undefined
    for (const tc of unwrap(childrenOf(tr)).filter((n) => tagOf(n) === 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr')
      const span = intAttr(tcPr && child(tcPr, 'w:gridSpan'), 1)
      // Before the span is used: w:gridSpan="100000000" must not become a hundred million cells.
      if (col + span > MAX_TABLE_COLUMNS)
        throw planParseError('table_too_wide', { columns: col + span })
      const vMerge = tcPr && child(tcPr, 'w:vMerge')
      const hMerge = tcPr && child(tcPr, 'w:hMerge')
      const text = cellText(tc, reading, depth)
      const above = open[col]
      if (vMerge && attr(vMerge, 'w:val') !== 'restart' && above && above.col === col) {
        // A continuation: the cell above grows by one row and this position is covered.
        above.rowSpan = r - above.row + 1
        for (let c = col; c < col + span; c++) nextOpen[c] = above
      } else if (hMerge && attr(hMerge, 'w:val') !== 'restart' && hMergeOrigin) {
        // Word 97's horizontal merge: the cell to the left widens.
        hMergeOrigin.colSpan += span
      } else {
        const cell: PlacedCell = { row: r, col, text, colSpan: span, rowSpan: 1 }
        placed.push(cell)
        if (vMerge) for (let c = col; c < col + span; c++) nextOpen[c] = cell
        hMergeOrigin = hMerge ? cell : undefined
      }
      col += span
    }
    open = nextOpen
  })
  const table = buildGrid(placed, meta, reading.budget)
  reading.tables[slot] = table
  return table
}

function walkBody(nodes: XmlNode[], reading: Reading): void {
  for (const n of unwrap(nodes)) {
    const tag = tagOf(n)
    if (tag === 'w:p') {
      const text = paragraphText(n)
      if (text.trim()) reading.paragraphs.push(text)
    } else if (tag === 'w:tbl') readTable(n, reading, 1)
  }
}

/** Read the tables and the paragraphs of `word/document.xml`. */
export function readDocx(documentXml: Uint8Array): SourceDocument {
  const xml = checkXml('word/document.xml', documentXml)
  let tree: XmlNode[]
  try {
    tree = parser.parse(xml) as XmlNode[]
  } catch (err) {
    const message = (err as Error).message
    if (/nested tags/i.test(message))
      throw planParseError('nesting_too_deep', { technical: message })
    throw planParseError('not_an_office_file', { technical: `word/document.xml: ${message}` })
  }
  const doc = tree.find((n) => tagOf(n) === 'w:document')
  const body = doc && child(doc, 'w:body')
  if (!body)
    throw planParseError('not_an_office_file', { technical: 'no w:body in word/document.xml' })
  const reading: Reading = { tables: [], paragraphs: [], budget: newCellBudget() }
  walkBody(childrenOf(body), reading)
  return {
    tables: reading.tables,
    paragraphs: reading.paragraphs,
    textLines: reading.paragraphs.flatMap((p, i) =>
      p.split('\n').map((text) => ({ text, sourceRow: i + 1 })),
    ),
  }
}
