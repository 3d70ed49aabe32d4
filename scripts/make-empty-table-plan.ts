/**
 * Writes test/fixtures/plans/empty-table.docx: a plan whose table has its header row and no
 * action row, as a school sends when it saved the template before filling it in. Around it,
 * what the import should report it found instead: the title block, a section heading and a
 * signature table.
 *
 * Run from the repository root: `npx tsx scripts/make-empty-table-plan.ts`.
 * Written by hand (OOXML zipped with fflate), not by the parser's code.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

// fflate is the server's dependency; this script borrows it from there.
const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url))
const { zipSync, strToU8 } = requireFromServer('fflate') as typeof import('fflate')

const out = fileURLToPath(new URL('../test/fixtures/plans/empty-table.docx', import.meta.url))

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const p = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`
const tc = (text: string) => `<w:tc>${p(text)}</w:tc>`
const tr = (cells: string[], header = false) =>
  `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map(tc).join('')}</w:tr>`
const tbl = (widths: number[], rows: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`

const HEADINGS = [
  'TT',
  'Tiêu chuẩn, tiêu chí',
  'Kết quả cần đạt (so với hiện trạng)',
  'Công việc/giải pháp cần thực hiện',
  'Chủ trì và phối hợp thực hiện',
  'Thời gian thực hiện và hoàn thành',
  'Dự kiến kinh phí',
  'Điều kiện hỗ trợ khác',
  'Ghi chú',
]

const body = [
  p('TRƯỜNG THCS HOÀ BÌNH', true),
  p('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', true),
  p('Năm học 2026-2027'),
  p('I. MỤC ĐÍCH, YÊU CẦU', true),
  p('III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', true),
  tbl(
    HEADINGS.map(() => 1000),
    tr(HEADINGS, true),
  ),
  p('IV. TỔ CHỨC THỰC HIỆN', true),
  tbl([4500, 4500], tr(['Nơi nhận:', 'HIỆU TRƯỞNG']) + tr(['- Như trên;', 'Nguyễn Văn A'])),
].join('')

const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`

writeFileSync(
  out,
  zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
  }),
)
console.log(`wrote ${out}`)
