/**
 * Writes the test plans the import parser was not developed against, each as .docx, .xlsx
 * (and one .csv) with its ground truth, into test/fixtures/plans/:
 *
 * - own-primary-7col: a primary school plan with 7 columns, headings partly without
 *   diacritics ("Nhiem vu, giai phap", "Nguoi thuc hien"), roman-numbered standard rows,
 *   a criterion merged down two rows, a column-number row under the header and a header
 *   row repeated mid-table (as after a page break in a PDF-converted document).
 * - own-kindergarten-phoi-hop: a kindergarten plan in another column order with a separate
 *   "Phối hợp" column, "Mức …" section rows, a "Không có" placeholder, the table split in two
 *   at a page break, and its CSV as Excel writes it on Vietnamese Windows (";", BOM, CRLF).
 *
 * - own-secondary-two-row-header (Word only): a header of two rows, sub-headings under
 *   "Kinh phí" and "Thời gian", a row inside a content control and a hyperlink in a cell.
 *
 * Run from the repository root: `npx tsx scripts/make-test-plans.ts`.
 * The Office files are written by hand (OOXML zipped with fflate) and with exceljs, not by the
 * parser's own code, so a reader bug cannot hide in a matching writer bug.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

// fflate and exceljs are the server's dependencies; this script borrows them from there.
const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url))
const { zipSync, strToU8 } = requireFromServer('fflate') as typeof import('fflate')
const ExcelJS = requireFromServer('exceljs') as typeof import('exceljs')

const outDir = fileURLToPath(new URL('../test/fixtures/plans/', import.meta.url))

const FIELDS = [
  'standard',
  'standardName',
  'criterion',
  'criterionLabel',
  'section',
  'weakness',
  'target',
  'tasks',
  'measures',
  'lead',
  'coordinators',
  'timeframe',
  'budget',
  'fundingSource',
  'support',
  'evidence',
  'notes',
] as const
type Field = (typeof FIELDS)[number]
type Expected = Partial<Record<Field, string | null>>

/** A cell: its text (lines are paragraphs), and what Excel stores if not that text. */
interface Cell {
  text: string
  excel?: string | number | { richText: { text: string; font?: { bold?: boolean } }[] }
  /** Rows this cell reaches down (a vertical merge). */
  rowSpan?: number
  /** In Word, write the lines with <w:br/> inside one paragraph instead of one w:p each. */
  breaks?: boolean
}

type Row =
  | { kind: 'heading'; text: string } // a section row: one cell across the whole width
  | { kind: 'standard'; tt: string | null; text: string }
  | { kind: 'header' } // the header row repeated in the body
  | { kind: 'numbers' } // "(1) (2) (3) …" under a header
  | { kind: 'placeholder'; text: string }
  /** An action; null cells are covered by a cell merged down from above. */
  | { kind: 'action'; cells: (Cell | string | null)[]; expect: Expected }
  | { kind: 'split' } // the Word table ends here and a new one starts, header repeated

interface Plan {
  id: string
  title: string[]
  paragraphs: string[]
  headerBlock: [string, string]
  columns: { heading: string; field: Field | null }[]
  widths: number[]
  rows: Row[]
  expected: { school: string; schoolYear: string; circular: string | null }
  doubts: string[]
  csv?: boolean
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const asCell = (c: Cell | string): Cell => (typeof c === 'string' ? { text: c } : c)

// ---------------------------------------------------------------- Word

const run = (text: string, bold = false) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`

function paragraphs(text: string, opts: { bold?: boolean; breaks?: boolean } = {}): string {
  if (opts.breaks)
    return `<w:p>${text
      .split('\n')
      .map((l) => run(l, opts.bold))
      .join('<w:r><w:br/></w:r>')}</w:p>`
  return text
    .split('\n')
    .map((l) => `<w:p>${l ? run(l, opts.bold) : ''}</w:p>`)
    .join('')
}

function tc(body: string, opts: { span?: number; vMerge?: 'restart' | 'continue' } = {}) {
  const pr = [
    opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '',
    opts.vMerge === 'continue' ? '<w:vMerge/>' : '',
  ].join('')
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${pr}</w:tcPr>${body || '<w:p/>'}</w:tc>`
}

const tr = (cells: string, header = false) =>
  `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells}</w:tr>`

function tbl(widths: number[], rows: string, borders = true): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`
  const borderXml = borders
    ? `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`
    : ''
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${borderXml}</w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${rows}</w:tbl>`
}

function wordTable(plan: Plan): string {
  const n = plan.columns.length
  const header = tr(
    plan.columns.map((c) => tc(paragraphs(c.heading, { bold: true }))).join(''),
    true,
  )
  const numbers = tr(plan.columns.map((_, i) => tc(paragraphs(`(${i + 1})`))).join(''))
  const tables: string[] = []
  let body = header
  for (const row of plan.rows) {
    switch (row.kind) {
      case 'split':
        tables.push(tbl(plan.widths, body))
        body = header
        break
      case 'header':
        body += tr(plan.columns.map((c) => tc(paragraphs(c.heading, { bold: true }))).join(''))
        break
      case 'numbers':
        body += numbers
        break
      case 'heading':
        body += tr(tc(paragraphs(row.text, { bold: true }), { span: n }))
        break
      case 'standard':
        body +=
          row.tt === null
            ? tr(tc(paragraphs(row.text, { bold: true }), { span: n }))
            : tr(
                tc(paragraphs(row.tt, { bold: true })) +
                  tc(paragraphs(row.text, { bold: true }), { span: n - 1 }),
              )
        break
      case 'placeholder': {
        const first = plan.columns[0]!.field === null ? tc('') : ''
        const rest = plan.columns.length - (first ? 2 : 1)
        body += tr(first + tc(paragraphs(row.text)) + tc('').repeat(rest))
        break
      }
      case 'action':
        body += tr(
          row.cells
            .map((raw) => {
              if (raw === null) return tc('', { vMerge: 'continue' })
              const cell = asCell(raw)
              const text = paragraphs(cell.text, { breaks: cell.breaks })
              if (cell.rowSpan && cell.rowSpan > 1) return tc(text, { vMerge: 'restart' })
              return tc(cell.text ? text : '')
            })
            .join(''),
        )
        break
    }
  }
  tables.push(tbl(plan.widths, body))
  return tables.join('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
}

function documentXml(plan: Plan): string {
  const headerBlock = tbl(
    [4500, 5000],
    tr(
      tc(paragraphs(plan.headerBlock[0], { bold: true })) +
        // A nested table in the header block: the parser must read past it, not pick it.
        tc(
          paragraphs(plan.headerBlock[1], { bold: true }) +
            tbl(
              [2500, 2500],
              tr(tc(paragraphs('Số: 15/KH-CTCL')) + tc(paragraphs('Lưu hành nội bộ'))),
            ) +
            '<w:p/>',
        ),
    ),
    false,
  )
  const signature = tbl(
    [4500, 5000],
    tr(
      tc(paragraphs('Nơi nhận:\n- Phòng GD&ĐT;\n- Lưu: VT.')) +
        tc(paragraphs('HIỆU TRƯỞNG\n\n\n\nTrần Văn Mẫu', { bold: true })),
    ),
    false,
  )
  const body = [
    headerBlock,
    ...plan.title.map((t) => paragraphs(t, { bold: true })),
    // A tab and a deleted revision in the body text, as real documents have.
    `<w:p>${run('Hòa Bình,')}<w:r><w:tab/></w:r>${run('ngày 05 tháng 9 năm 2025')}</w:p>`,
    `<w:p><w:del w:id="1" w:author="x" w:date="2025-09-05T00:00:00Z"><w:r><w:delText>Năm học 2019 - 2020</w:delText></w:r></w:del></w:p>`,
    ...plan.paragraphs.map((t) => paragraphs(t)),
    paragraphs('III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', { bold: true }),
    wordTable(plan),
    paragraphs('IV. TỔ CHỨC THỰC HIỆN', { bold: true }),
    paragraphs('Các tổ chuyên môn căn cứ kế hoạch này để triển khai thực hiện.'),
    signature,
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>',
  ].join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`
}

function docx(plan: Plan): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml(plan)),
  })
}

// ---------------------------------------------------------------- Excel and CSV

/** The sheet as rows of values (merged ranges keep their value in the top-left cell only). */
function sheetRows(plan: Plan, titleRows: string[]) {
  const n = plan.columns.length
  const values: (string | number | Cell['excel'] | null)[][] = []
  const merges: [number, number, number, number][] = []
  for (const t of titleRows) {
    merges.push([values.length + 1, 1, values.length + 1, n])
    values.push([t, ...new Array<null>(n - 1).fill(null)])
  }
  values.push(new Array<null>(n).fill(null))
  const headerRow = values.length + 1
  values.push(plan.columns.map((c) => c.heading))
  for (const row of plan.rows) {
    const r = values.length + 1
    switch (row.kind) {
      case 'split':
        break
      case 'header':
        values.push(plan.columns.map((c) => c.heading))
        break
      case 'numbers':
        values.push(plan.columns.map((_, i) => `(${i + 1})`))
        break
      case 'heading':
        merges.push([r, 1, r, n])
        values.push([row.text, ...new Array<null>(n - 1).fill(null)])
        break
      case 'standard':
        if (row.tt === null) {
          merges.push([r, 1, r, n])
          values.push([row.text, ...new Array<null>(n - 1).fill(null)])
        } else {
          merges.push([r, 2, r, n])
          // Excel users type the TT as a number.
          const tt = /^\d+$/.test(row.tt) ? Number(row.tt) : row.tt
          values.push([tt, row.text, ...new Array<null>(n - 2).fill(null)])
        }
        break
      case 'placeholder': {
        const lead = plan.columns[0]!.field === null ? [null] : []
        values.push([...lead, row.text, ...new Array<null>(n - 1 - lead.length).fill(null)])
        break
      }
      case 'action':
        values.push(
          row.cells.map((raw, c) => {
            if (raw === null) return null
            const cell = asCell(raw)
            if (cell.rowSpan && cell.rowSpan > 1)
              merges.push([r, c + 1, r + cell.rowSpan - 1, c + 1])
            return cell.excel ?? (cell.text || null)
          }),
        )
        break
    }
  }
  return { values, merges, headerRow }
}

async function xlsx(plan: Plan, titleRows: string[]): Promise<Uint8Array> {
  const { values, merges, headerRow } = sheetRows(plan, titleRows)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Kế hoạch CTCL', {
    views: [{ state: 'frozen', ySplit: headerRow }],
  })
  sheet.columns = plan.widths.map((w) => ({ width: Math.round(w / 120) }))
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === undefined) return
      const cell = sheet.getCell(r + 1, c + 1)
      cell.value = value as never
      cell.alignment = { wrapText: true, vertical: 'top' }
      if (r + 1 >= headerRow)
        cell.border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        }
    })
  })
  for (const [r1, c1, r2, c2] of merges) sheet.mergeCells(r1, c1, r2, c2)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text =
    typeof value === 'object' && 'richText' in value
      ? (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
      : String(value)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** What Excel's "CSV UTF-8" writes on Vietnamese Windows: BOM, ";" and CRLF. */
function csv(plan: Plan, titleRows: string[]): Uint8Array {
  const { values } = sheetRows(plan, titleRows)
  const text = values.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
  return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')])
}

// ---------------------------------------------------------------- ground truth

function expectedJson(plan: Plan): string {
  const rows = plan.rows.flatMap((row) => {
    if (row.kind !== 'action') return []
    const fields: Record<string, string | null> = {}
    for (const f of FIELDS) fields[f] = null
    plan.columns.forEach((col, i) => {
      const raw = row.cells[i]
      if (!col.field || col.field === 'criterion' || col.field === 'standard') return
      const text = raw === null || raw === undefined ? '' : asCell(raw).text
      fields[col.field] = text || null
    })
    return [{ ...fields, ...row.expect }]
  })
  return `${JSON.stringify(
    {
      source: null,
      ...plan.expected,
      columns: plan.columns.map((c) => c.heading),
      rows,
      doubts: plan.doubts,
    },
    null,
    2,
  )}\n`
}

// ---------------------------------------------------------------- the plans

const primary: Plan = {
  id: 'own-primary-7col',
  headerBlock: [
    'UBND HUYỆN HƯ CẤU\nTRƯỜNG TIỂU HỌC SỐ 2 HÒA BÌNH',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
  ],
  title: ['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025 - 2026'],
  paragraphs: [
    'Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018 của Bộ Giáo dục và Đào tạo;',
    'Căn cứ kết quả tự đánh giá năm học 2024 - 2025, Trường Tiểu học Số 2 Hòa Bình xây dựng kế hoạch cải tiến chất lượng như sau:',
  ],
  columns: [
    { heading: 'STT', field: null },
    { heading: 'Tiêu chí', field: 'criterion' },
    { heading: 'Nhiem vu, giai phap', field: 'tasks' },
    { heading: 'Nguoi thuc hien', field: 'lead' },
    { heading: 'Thời gian', field: 'timeframe' },
    { heading: 'Kinh phí', field: 'budget' },
    { heading: 'Minh chứng', field: 'evidence' },
  ],
  widths: [600, 1800, 4200, 2000, 1600, 1300, 2600],
  rows: [
    { kind: 'numbers' },
    { kind: 'standard', tt: 'I', text: 'Tiêu chuẩn 1. Tổ chức và quản lý nhà trường' },
    {
      kind: 'action',
      cells: [
        { text: '1', excel: 1 },
        { text: 'Tiêu chí 1.2', rowSpan: 2 },
        'Kiện toàn Hội đồng trường nhiệm kỳ 2025 - 2030',
        'Hiệu trưởng',
        'Tháng 10/2025',
        'Không',
        'Quyết định thành lập Hội đồng trường',
      ],
      expect: {
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.2',
        criterionLabel: null,
      },
    },
    {
      kind: 'action',
      cells: [
        { text: '2', excel: 2 },
        null,
        'Xây dựng quy chế hoạt động của Hội đồng trường\n- Lấy ý kiến góp ý của CB, GV, NV;\n- Ban hành quy chế.',
        'Chủ tịch Hội đồng trường',
        'Tháng 11/2025 - Tháng 12/2025',
        '500.000 đồng',
        '',
      ],
      expect: {
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.2',
        criterionLabel: null,
      },
    },
    {
      kind: 'action',
      cells: [
        { text: '3', excel: 3 },
        '1.4',
        'Rà soát, bổ sung kế hoạch của tổ chuyên môn',
        { text: 'Tổ trưởng chuyên môn\nPhó Hiệu trưởng', breaks: true },
        'Hằng tháng',
        '',
        {
          text: 'Kế hoạch tổ chuyên môn; biên bản sinh hoạt tổ',
          excel: {
            richText: [
              { text: 'Kế hoạch tổ chuyên môn', font: { bold: true } },
              { text: '; biên bản sinh hoạt tổ' },
            ],
          },
        },
      ],
      expect: {
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.4',
        criterionLabel: null,
      },
    },
    {
      kind: 'standard',
      tt: 'II',
      text: 'Tiêu chuẩn 2. Cán bộ quản lý, giáo viên, nhân viên và học sinh',
    },
    { kind: 'header' },
    { kind: 'numbers' },
    {
      kind: 'action',
      cells: [
        { text: '4', excel: 4 },
        { text: 'Tiêu chí 2.3', excel: 2.3 },
        'Bồi dưỡng giáo viên dạy Tiếng Anh, Tin học theo Chương trình GDPT 2018',
        'Phó Hiệu trưởng',
        'Học kỳ I',
        { text: '3000000', excel: 3000000 },
        'Chứng chỉ bồi dưỡng',
      ],
      expect: {
        standard: '2',
        standardName: 'Cán bộ quản lý, giáo viên, nhân viên và học sinh',
        criterion: '2.3',
        criterionLabel: null,
      },
    },
    { kind: 'standard', tt: 'III', text: 'Tiêu chuẩn 3. Cơ sở vật chất và thiết bị dạy học' },
    {
      kind: 'action',
      cells: [
        { text: '5', excel: 5 },
        '3.3',
        'Sửa chữa nhà vệ sinh học sinh khu B',
        'Hiệu trưởng; Kế toán',
        'Hè 2026',
        '45 triệu',
        'Biên bản nghiệm thu',
      ],
      expect: {
        standard: '3',
        standardName: 'Cơ sở vật chất và thiết bị dạy học',
        criterion: '3.3',
        criterionLabel: null,
      },
    },
    {
      kind: 'action',
      cells: [
        { text: '6', excel: 6 },
        'Tiêu chí 3.5: Thiết bị dạy học, đồ dùng dạy học và hệ thống thiết bị công nghệ thông tin',
        'Mua bổ sung bộ thiết bị dạy học tối thiểu lớp 5',
        'Kế toán',
        'Tháng 8/2026',
        'Ngân sách nhà nước',
        '',
      ],
      expect: {
        standard: '3',
        standardName: 'Cơ sở vật chất và thiết bị dạy học',
        criterion: '3.5',
        criterionLabel:
          'Tiêu chí 3.5: Thiết bị dạy học, đồ dùng dạy học và hệ thống thiết bị công nghệ thông tin',
      },
    },
  ],
  expected: {
    school: 'Trường Tiểu học Số 2 Hòa Bình',
    schoolYear: '2025-2026',
    circular: 'TT17-2018',
  },
  doubts: [
    'Invented for the parser tests (never seen while the parser was written).',
    '"Hè 2026" and "Ngân sách nhà nước" cannot be read as a month or an amount: the rows stay, with problems.',
    'The .xlsx stores the STT, the 2.3 criterion and the 3000000 budget as numbers.',
  ],
}

const kindergarten: Plan = {
  id: 'own-kindergarten-phoi-hop',
  csv: true,
  headerBlock: [
    'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN MẪU\nTRƯỜNG MẦM NON HOA SEN',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
  ],
  title: ['KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG', 'NĂM HỌC 2025-2026'],
  paragraphs: [
    'Thực hiện Thông tư số 19/2018/TT-BGDĐT ngày 22/8/2018 ban hành Quy định về kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường mầm non;',
    'Trường Mầm non Hoa Sen xây dựng kế hoạch cải tiến chất lượng năm học 2025-2026 như sau.',
  ],
  columns: [
    { heading: 'Tiêu chí', field: 'criterion' },
    { heading: 'Tồn tại, hạn chế', field: 'weakness' },
    { heading: 'Mục tiêu', field: 'target' },
    { heading: 'Giải pháp', field: 'tasks' },
    { heading: 'Thời gian hoàn thành', field: 'timeframe' },
    { heading: 'Đơn vị chủ trì', field: 'lead' },
    { heading: 'Phối hợp', field: 'coordinators' },
    { heading: 'Nguồn kinh phí', field: 'fundingSource' },
    { heading: 'Kinh phí (đồng)', field: 'budget' },
    { heading: 'Ghi chú', field: 'notes' },
  ],
  widths: [1500, 2200, 1600, 2600, 1200, 1300, 1300, 1200, 1100, 900],
  rows: [
    { kind: 'heading', text: 'MỨC 1, 2, 3' },
    { kind: 'standard', tt: null, text: 'Tiêu chuẩn 1: Tổ chức và quản lý nhà trường' },
    {
      kind: 'action',
      cells: [
        'Tiêu chí 1.3: Hội đồng thi đua và khen thưởng; hội đồng tư vấn',
        'Hội đồng thi đua khen thưởng chưa có quy chế "riêng"; biên bản họp còn sơ sài.',
        'Đạt Mức 2',
        'Xây dựng quy chế hoạt động của Hội đồng thi đua khen thưởng;\nGhi biên bản đầy đủ các cuộc họp.',
        'Tháng 12/2025',
        'Hiệu trưởng',
        'Công đoàn trường',
        'Không',
        'Không',
        '',
      ],
      expect: {
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.3',
        criterionLabel: 'Tiêu chí 1.3: Hội đồng thi đua và khen thưởng; hội đồng tư vấn',
        section: 'MỨC 1, 2, 3',
      },
    },
    {
      kind: 'standard',
      tt: null,
      text: 'Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên',
    },
    {
      kind: 'action',
      cells: [
        { text: '2.2', rowSpan: 2 },
        'Một số giáo viên chưa mạnh dạn đổi mới phương pháp tổ chức hoạt động cho trẻ.',
        'Đạt Mức 3',
        'Tổ chức chuyên đề "Lấy trẻ làm trung tâm" mỗi học kỳ.',
        'Tháng 9/2025 đến tháng 5/2026',
        'Phó Hiệu trưởng chuyên môn',
        'Tổ chuyên môn; Công đoàn',
        'Ngân sách nhà nước',
        '2.000.000',
        '',
      ],
      expect: {
        standard: '2',
        standardName: 'Cán bộ quản lý, giáo viên, nhân viên',
        criterion: '2.2',
        criterionLabel: null,
        section: 'MỨC 1, 2, 3',
      },
    },
    {
      kind: 'action',
      cells: [
        null,
        'Giáo viên mới chưa có kinh nghiệm tổ chức hoạt động ngoài trời.',
        'Đạt Mức 3',
        'Phân công giáo viên có kinh nghiệm kèm cặp giáo viên mới.',
        'Học kỳ I',
        'Tổ trưởng chuyên môn',
        'Giáo viên cốt cán',
        '',
        '',
        'Theo dõi hằng tháng',
      ],
      expect: {
        standard: '2',
        standardName: 'Cán bộ quản lý, giáo viên, nhân viên',
        criterion: '2.2',
        criterionLabel: null,
        section: 'MỨC 1, 2, 3',
      },
    },
    {
      kind: 'standard',
      tt: null,
      text: 'Tiêu chuẩn 4: Quan hệ giữa nhà trường, gia đình và xã hội',
    },
    { kind: 'placeholder', text: 'Không có' },
    { kind: 'split' },
    { kind: 'heading', text: 'MỨC 4' },
    {
      kind: 'standard',
      tt: null,
      text: 'Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ',
    },
    {
      kind: 'action',
      cells: [
        'Tiêu chí 5. 3',
        'Tỷ lệ trẻ suy dinh dưỡng thể thấp còi còn 2,5%.',
        'Giảm còn dưới 2%',
        '- Phối hợp trạm y tế cân đo, theo dõi biểu đồ tăng trưởng;\n- Điều chỉnh thực đơn theo mùa.',
        'Hằng tháng',
        'Nhân viên y tế',
        'Cha mẹ trẻ; Trạm y tế phường',
        'Xã hội hóa',
        '1.200.000',
        '',
      ],
      expect: {
        standard: '5',
        standardName: 'Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ',
        criterion: '5.3',
        criterionLabel: null,
        section: 'MỨC 4',
      },
    },
    {
      kind: 'action',
      cells: [
        '5.4',
        'Trẻ 5 tuổi chưa mạnh dạn giao tiếp; ;chưa có góc "tiếng Anh làm quen".',
        'Trẻ tự tin giao tiếp',
        'Tổ chức hoạt động làm quen tiếng Anh qua trò chơi.',
        'Tháng 3/2026',
        'Phó Hiệu trưởng',
        '',
        'Học phí; xã hội hóa',
        '5 triệu',
        'Thí điểm lớp Lá 1',
      ],
      expect: {
        standard: '5',
        standardName: 'Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ',
        criterion: '5.4',
        criterionLabel: null,
        section: 'MỨC 4',
      },
    },
  ],
  expected: {
    school: 'Trường Mầm non Hoa Sen',
    schoolYear: '2025-2026',
    circular: 'TT19-2018',
  },
  doubts: [
    'Invented for the parser tests (never seen while the parser was written).',
    'The .xlsx and .csv do not cite the circular; a kindergarten falls under TT19/2018, so the parser infers it from the school name.',
    'In the .csv (no merges) the second 2.2 row has an empty criterion cell and continues the criterion above.',
  ],
}

// ---------------------------------------------------------------- a two-row header, Word only

/**
 * A secondary-school plan whose header takes two rows: "Kinh phí" over "Dự kiến" | "Nguồn"
 * and "Thời gian" over "Bắt đầu" | "Hoàn thành", the other headings merged down. One data
 * row sits in a content control (w:sdt) and one cell holds a hyperlink, as Word writes them.
 */
function twoRowHeaderDocx(): { docx: Uint8Array; expected: string } {
  const restart = (text: string) =>
    `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${paragraphs(text, { bold: true })}</w:tc>`
  const cont = '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
  const header1 =
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
    ['TT', 'Tiêu chuẩn/Tiêu chí', 'Điểm yếu', 'Biện pháp', 'Người phụ trách']
      .map(restart)
      .join('') +
    tc(paragraphs('Kinh phí', { bold: true }), { span: 2 }) +
    tc(paragraphs('Thời gian', { bold: true }), { span: 2 }) +
    '</w:tr>'
  const header2 =
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
    cont.repeat(5) +
    ['Dự kiến', 'Nguồn', 'Bắt đầu', 'Hoàn thành'].map((t) => tc(paragraphs(t))).join('') +
    '</w:tr>'
  const data = (cells: string[]) => tr(cells.map((t) => tc(t ? paragraphs(t) : '')).join(''))
  const link = `<w:p><w:hyperlink w:history="1">${run('Sổ theo dõi')}</w:hyperlink>${run(' trên hệ thống')}</w:p>`
  const rows =
    header1 +
    header2 +
    tr(
      tc(paragraphs('1')) +
        tc(paragraphs('Tiêu chuẩn 1: Tổ chức và quản lý nhà trường'), { span: 8 }),
    ) +
    data([
      '1',
      'Tiêu chí 1.6',
      'Chưa cập nhật kịp thời hồ sơ tài sản.',
      'Rà soát, cập nhật sổ tài sản.',
      'Kế toán',
      '1.000.000',
      'Ngân sách',
      'Tháng 9/2025',
      'Tháng 12/2025',
    ]) +
    `<w:sdt><w:sdtPr/><w:sdtContent>${tr(
      tc(paragraphs('2')) +
        tc(paragraphs('1.8')) +
        tc(paragraphs('Sổ theo dõi hoạt động chưa đầy đủ.')) +
        tc(link) +
        tc(paragraphs('Phó Hiệu trưởng')) +
        tc('') +
        tc('') +
        tc(paragraphs('Tháng 10/2025')) +
        tc(paragraphs('Tháng 5/2026')),
    )}</w:sdtContent></w:sdt>`
  const body =
    paragraphs('TRƯỜNG THCS BÌNH MINH', { bold: true }) +
    paragraphs('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025 - 2026', { bold: true }) +
    tbl([500, 1500, 2500, 2500, 1500, 1200, 1200, 1200, 1200], rows)
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  const blank = Object.fromEntries(FIELDS.map((f) => [f, null]))
  const expected = {
    source: null,
    school: 'Trường THCS Bình Minh',
    schoolYear: '2025-2026',
    circular: 'TT18-2018',
    columns: [
      'TT',
      'Tiêu chuẩn/Tiêu chí',
      'Điểm yếu',
      'Biện pháp',
      'Người phụ trách',
      'Kinh phí - Dự kiến',
      'Kinh phí - Nguồn',
      'Thời gian - Bắt đầu',
      'Thời gian - Hoàn thành',
    ],
    rows: [
      {
        ...blank,
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.6',
        weakness: 'Chưa cập nhật kịp thời hồ sơ tài sản.',
        measures: 'Rà soát, cập nhật sổ tài sản.',
        lead: 'Kế toán',
        budget: '1.000.000',
        fundingSource: 'Ngân sách',
        timeframe: 'Tháng 9/2025\nTháng 12/2025',
      },
      {
        ...blank,
        standard: '1',
        standardName: 'Tổ chức và quản lý nhà trường',
        criterion: '1.8',
        weakness: 'Sổ theo dõi hoạt động chưa đầy đủ.',
        measures: 'Sổ theo dõi trên hệ thống',
        lead: 'Phó Hiệu trưởng',
        timeframe: 'Tháng 10/2025\nTháng 5/2026',
      },
    ],
    doubts: [
      'Invented for the parser tests. A column under a two-row heading is named "parent - sub".',
      'The two "Thời gian" columns both fill timeframe, one line each.',
      'The circular is not cited: a THCS falls under TT18/2018.',
    ],
  }
  return { docx: plainDocx(body), expected: `${JSON.stringify(expected, null, 2)}\n` }
}

// ---------------------------------------------------------------- files that are not plans

/** A Word document whose body is only paragraphs (or only a table without plan headings). */
function plainDocx(bodyXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`,
    ),
  })
}

/** A plan-shaped sheet far longer than any plan: 5,000 action rows under a real header. */
async function hugeXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('KH')
  sheet.addRow(['KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025 - 2026'])
  sheet.addRow(primary.columns.map((c) => c.heading))
  for (let i = 1; i <= 5000; i++)
    sheet.addRow([
      i,
      `${1 + (i % 5)}.${1 + (i % 9)}`,
      `Nhiệm vụ số ${i}`,
      'Hiệu trưởng',
      'Tháng 10/2025',
      '',
      '',
    ])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function writeBadFiles() {
  writeFileSync(
    `${outDir}bad-no-table.docx`,
    plainDocx(
      paragraphs(
        'KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC\nNăm học 2025 - 2026\nNhà trường chưa lập bảng kế hoạch.',
      ),
    ),
  )
  writeFileSync(
    `${outDir}bad-no-header.docx`,
    plainDocx(
      paragraphs('DANH SÁCH CÁN BỘ, GIÁO VIÊN') +
        tbl(
          [3000, 3000, 3000],
          tr(
            tc(paragraphs('Họ và tên')) +
              tc(paragraphs('Chức vụ')) +
              tc(paragraphs('Số điện thoại')),
          ) +
            tr(
              tc(paragraphs('Nguyễn Văn A')) +
                tc(paragraphs('Giáo viên')) +
                tc(paragraphs('0900000000')),
            ),
        ),
    ),
  )
  writeFileSync(
    `${outDir}bad-not-office.docx`,
    zipSync({ 'readme.txt': strToU8('Đây là một tệp nén, không phải tài liệu Word.') }),
  )
  writeFileSync(`${outDir}bad-5000-rows.xlsx`, await hugeXlsx())
}

function writeTwoRowHeader() {
  const { docx, expected } = twoRowHeaderDocx()
  writeFileSync(`${outDir}own-secondary-two-row-header.docx`, docx)
  writeFileSync(`${outDir}own-secondary-two-row-header.expected.json`, expected)
}

mkdirSync(outDir, { recursive: true })
await writeBadFiles()
writeTwoRowHeader()
for (const plan of [primary, kindergarten]) {
  const titleRows = [
    plan.headerBlock[0].split('\n').at(-1)!,
    `${plan.title.join(' ').toUpperCase()}`,
    'III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC',
  ]
  writeFileSync(`${outDir}${plan.id}.docx`, docx(plan))
  writeFileSync(`${outDir}${plan.id}.xlsx`, await xlsx(plan, titleRows))
  if (plan.csv) writeFileSync(`${outDir}${plan.id}.csv`, csv(plan, titleRows))
  writeFileSync(`${outDir}${plan.id}.expected.json`, expectedJson(plan))
  console.log(`wrote ${plan.id}`)
}
