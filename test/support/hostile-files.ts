import { constants, crc32, deflateRawSync } from 'node:zlib'

/**
 * Plan files built to hurt the importer: each is small on the wire and made at test time
 * (nothing large is committed). Every one was seen, or is a known shape, of an upload that
 * froze the server or ran it out of memory before the import was bounded.
 */
export interface HostileFile {
  /** What it is, for the test name and the printed figures. */
  family: string
  name: string
  bytes: Uint8Array
}

interface ZipEntry {
  name: string
  /** The stored bytes: raw (method 0) or a raw deflate stream (method 8). */
  data: Uint8Array
  method: 0 | 8
  crc: number
  size: number
}

const text = (s: string) => new TextEncoder().encode(s)

function stored(name: string, content: string | Uint8Array): ZipEntry {
  const data = typeof content === 'string' ? text(content) : content
  return { name, data, method: 0, crc: crc32(data), size: data.length }
}

function deflated(name: string, content: string): ZipEntry {
  const raw = text(content)
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length }
}

/**
 * An entry that inflates to `prefix + fill × repeat + suffix` while only `fill` is ever
 * compressed: raw deflate pieces ending in a sync flush can be laid end to end, so the same
 * compressed piece is repeated. A 1 MiB fill compresses to about 1 KB.
 */
function bomb(
  name: string,
  prefix: string,
  fill: Uint8Array,
  repeat: number,
  suffix: string,
): ZipEntry {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 }
  const head = text(prefix)
  const tail = text(suffix)
  const pieces = [deflateRawSync(head, sync)]
  const middle = deflateRawSync(fill, sync)
  for (let i = 0; i < repeat; i++) pieces.push(middle)
  pieces.push(deflateRawSync(tail, { level: 9 }))
  let crc = crc32(head)
  for (let i = 0; i < repeat; i++) crc = crc32(fill, crc)
  crc = crc32(tail, crc)
  const data = concat(pieces)
  return { name, data, method: 8, crc, size: head.length + fill.length * repeat + tail.length }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A plain zip (with a zip64 end record past 65,535 entries), sizes given honestly. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = text(e.name)
    const local = Buffer.alloc(30 + name.length)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    local.set(name, 30)
    const central = Buffer.alloc(46 + name.length)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    central.set(name, 46)
    locals.push(local, e.data)
    centrals.push(central)
    offset += local.length + e.data.length
  }
  const directory = concat(centrals)
  const count = entries.length
  const end: Uint8Array[] = []
  if (count > 0xffff) {
    const z64 = Buffer.alloc(56)
    z64.writeUInt32LE(0x06064b50, 0)
    z64.writeBigUInt64LE(44n, 4)
    z64.writeUInt16LE(45, 12)
    z64.writeUInt16LE(45, 14)
    z64.writeBigUInt64LE(BigInt(count), 24)
    z64.writeBigUInt64LE(BigInt(count), 32)
    z64.writeBigUInt64LE(BigInt(directory.length), 40)
    z64.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8)
    locator.writeUInt32LE(1, 16)
    end.push(z64, locator)
  }
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8)
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10)
  eocd.writeUInt32LE(directory.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return concat([...locals, directory, ...end, eocd])
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`
const docxTail = '</w:body></w:document>'

function docx(documentXml: string): Uint8Array {
  return zip([
    stored('[Content_Types].xml', DOCX_TYPES),
    deflated('word/document.xml', documentXml),
  ])
}

const cell = (text: string, props = '') =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`

/** A heading row a plan has, so that the file reads as a plan up to its trap. */
const planHeader = `<w:tr>${cell('TT')}${cell('Tiêu chí')}${cell('Công việc cần thực hiện')}${cell('Người thực hiện')}${cell('Thời gian thực hiện')}</w:tr>`

const XLSX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
const XLSX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kế hoạch" sheetId="1" r:id="rId1"/></sheets></workbook>'
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const HEADINGS = ['TT', 'Tiêu chí', 'Công việc cần thực hiện', 'Người thực hiện', 'Thời gian']

function sharedStrings(extra: string[] = []): string {
  const all = [...HEADINGS, ...extra]
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SHEET_NS}" count="${all.length}" uniqueCount="${all.length}">${all.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`
}

const headerRow = `<row r="1">${HEADINGS.map((_, i) => `<c r="${columnName(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`

function sheet(rows: string, merges: string[] = []): string {
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${rows}</sheetData>${mergeXml}</worksheet>`
}

function xlsx(sheetEntry: ZipEntry, shared: ZipEntry, extra: ZipEntry[] = []): Uint8Array {
  return zip([
    stored('[Content_Types].xml', XLSX_TYPES),
    stored('_rels/.rels', XLSX_RELS),
    deflated('xl/workbook.xml', WORKBOOK),
    deflated('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheetEntry,
    shared,
    ...extra,
  ])
}

function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

const MIB = 1024 * 1024

function gridSpanBomb(): HostileFile {
  const row = `<w:tr>${cell('1.1', '<w:gridSpan w:val="100000000"/>')}</w:tr>`
  const xml = `${docxHead}<w:tbl>${row}${row}${row}</w:tbl>${docxTail}`
  return { family: 'docx gridSpan 100,000,000', name: 'gridspan.docx', bytes: docx(xml) }
}

function documentBomb(): HostileFile {
  const entry = bomb(
    'word/document.xml',
    `${docxHead}<w:tbl>${planHeader}<w:tr>${cell('1.1')}<w:tc><w:p><w:r><w:t>`,
    new Uint8Array(MIB).fill(0x41),
    200,
    `</w:t></w:r></w:p></w:tc></w:tr></w:tbl>${docxTail}`,
  )
  return {
    family: 'docx document.xml inflating to 200 MB',
    name: 'deflate-bomb.docx',
    bytes: zip([stored('[Content_Types].xml', DOCX_TYPES), entry]),
  }
}

function csvWideAndTall(): HostileFile {
  const first = 'a,'.repeat(99_999) + 'a\n'
  const bytes = new Uint8Array(first.length + 9_000_000).fill(0x0a)
  bytes.set(text(first))
  return { family: 'CSV 100,000 columns × 9 million lines', name: 'wide-tall.csv', bytes }
}

function csvLongLine(): HostileFile {
  const head = 'Tiêu chí;Công việc cần thực hiện;Người thực hiện;Thời gian\n1.1;'
  const bytes = new Uint8Array(9 * MIB).fill(0x78)
  bytes.set(text(head))
  return { family: 'CSV one 9 MB line', name: 'long-line.csv', bytes }
}

function xlsxMerges(count: number): HostileFile {
  const merges = Array.from({ length: count }, (_, i) => {
    const col = columnName(i)
    return `${col}2:${col}100000`
  })
  const bytes = xlsx(
    deflated('xl/worksheets/sheet1.xml', sheet(headerRow, merges)),
    deflated('xl/sharedStrings.xml', sharedStrings()),
  )
  return { family: `xlsx ${count} merges of 99,999 rows`, name: `merges-${count}.xlsx`, bytes }
}

function sharedStringsBomb(): HostileFile {
  const shared = bomb(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SHEET_NS}" count="6" uniqueCount="6">${HEADINGS.map((s) => `<si><t>${s}</t></si>`).join('')}<si><t>`,
    new Uint8Array(MIB).fill(0x41),
    300,
    '</t></si></sst>',
  )
  const rows = `${headerRow}<row r="2"><c r="B2" t="s"><v>5</v></c></row>`
  return {
    family: 'xlsx sharedStrings entry of 300 MB',
    name: 'shared-strings.xlsx',
    bytes: xlsx(deflated('xl/worksheets/sheet1.xml', sheet(rows)), shared),
  }
}

function xlsxMediaBomb(): HostileFile {
  const media = bomb('xl/media/image1.png', '', new Uint8Array(MIB), 1024, '')
  const rows = `${headerRow}<row r="2"><c r="B2" t="s"><v>1</v></c></row>`
  return {
    family: 'xlsx picture inflating to 1 GB',
    name: 'media-bomb.xlsx',
    bytes: xlsx(
      deflated('xl/worksheets/sheet1.xml', sheet(rows)),
      deflated('xl/sharedStrings.xml', sharedStrings()),
      [media],
    ),
  }
}

function billionLaughs(): HostileFile {
  const entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities.join('')}]><w:document xmlns:w="${W}"><w:body><w:tbl>${planHeader}<w:tr>${cell('&lol9;')}</w:tr></w:tbl>${docxTail}`
  return { family: 'docx billion laughs', name: 'laughs.docx', bytes: docx(xml) }
}

function manyEntries(): HostileFile {
  const entries = Array.from({ length: 100_000 }, (_, i) => stored(`m/${i}`, ''))
  entries.push(deflated('word/document.xml', `${docxHead}<w:tbl>${planHeader}</w:tbl>${docxTail}`))
  return { family: 'zip of 100,000 entries', name: 'entries.docx', bytes: zip(entries) }
}

function deepNesting(): HostileFile {
  const depth = 20_000
  const open = '<w:tbl><w:tr><w:tc>'.repeat(depth)
  const close = '<w:p/></w:tc></w:tr></w:tbl>'.repeat(depth)
  return {
    family: 'docx tables nested 20,000 deep',
    name: 'nested.docx',
    bytes: docx(`${docxHead}${open}${close}${docxTail}`),
  }
}

function tallSheet(): HostileFile {
  const rows: string[] = [headerRow]
  for (let r = 2; r <= 400_000; r++) rows.push(`<row r="${r}"><c r="B${r}"><v>${r}</v></c></row>`)
  return {
    family: 'xlsx 400,000 rows',
    name: 'tall.xlsx',
    bytes: xlsx(
      deflated('xl/worksheets/sheet1.xml', sheet(rows.join(''))),
      deflated('xl/sharedStrings.xml', sharedStrings()),
    ),
  }
}

function manyParagraphs(): HostileFile {
  // Within every size limit (19 MB of XML), but millions of nodes: the worker's heap limit
  // is what stops this one.
  const xml = `${docxHead}${'<w:p/>'.repeat(3_200_000)}<w:tbl>${planHeader}</w:tbl>${docxTail}`
  return { family: 'docx 3.2 million empty paragraphs', name: 'paragraphs.docx', bytes: docx(xml) }
}

/** Every hostile file, built now; the largest is under the 10 MB upload limit. */
export function hostileFiles(): HostileFile[] {
  return [
    gridSpanBomb(),
    documentBomb(),
    csvWideAndTall(),
    xlsxMerges(20),
    xlsxMerges(160),
    csvLongLine(),
    sharedStringsBomb(),
    xlsxMediaBomb(),
    billionLaughs(),
    manyEntries(),
    deepNesting(),
    tallSheet(),
    manyParagraphs(),
  ]
}
