/**
 * Writes test/fixtures/plans/synthetic-prose-plan.docx and .xlsx: an invented plan whose table
 * holds its header row only and whose actions are written as numbered paragraphs under
 * "IV. TỔ CHỨC THỰC HIỆN", some tied to a criterion, some not, one running over two paragraphs;
 * a numbered item under the next section must not be read. The expected rows are in
 * synthetic-prose-plan.expected.json, written by hand.
 *
 * Run from the repository root: `npx tsx scripts/make-prose-plan.ts`.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

// docx and exceljs are the server's dependencies; this script borrows them from there.
const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url))
const docx = requireFromServer('docx') as typeof import('docx')
const Excel = requireFromServer('exceljs') as typeof import('exceljs')

const fixture = (ext: string) =>
  fileURLToPath(new URL(`../test/fixtures/plans/synthetic-prose-plan.${ext}`, import.meta.url))

const HEADINGS = [
  'TT',
  'Tiêu chuẩn, tiêu chí',
  'Kết quả cần đạt',
  'Công việc/giải pháp cần thực hiện',
  'Chủ trì và phối hợp thực hiện',
  'Thời gian thực hiện',
  'Dự kiến kinh phí',
  'Điều kiện hỗ trợ khác',
  'Ghi chú',
]

const TITLE = [
  'TRƯỜNG TIỂU HỌC SAO MAI',
  'KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC',
  'Năm học 2026-2027',
  'III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC',
]

/** Below the table, one paragraph per entry; headings in bold. */
const PROSE: { text: string; bold?: boolean }[] = [
  { text: 'IV. TỔ CHỨC THỰC HIỆN', bold: true },
  {
    text: '1. Hiệu trưởng — chỉ đạo chung, phân công nhiệm vụ cho các tổ và kiểm tra việc thực hiện kế hoạch hằng tháng.',
  },
  {
    text: '2. Phó hiệu trưởng: bồi dưỡng giáo viên về sinh hoạt chuyên môn theo nghiên cứu bài học, nhằm đạt mức 3 của Tiêu chí 3.2 trong năm học.',
  },
  {
    text: '3. Tổ trưởng tổ 1-2 – rà soát hồ sơ học sinh khuyết tật, lập kế hoạch giáo dục cá nhân theo tiêu chí 5.4.',
  },
  { text: 'Báo cáo kết quả về Ban giám hiệu vào cuối học kỳ I và cuối năm học.' },
  {
    text: '4. Kế toán — lập dự toán kinh phí sửa chữa phòng học, trình Hiệu trưởng phê duyệt.',
  },
  {
    text: '5. Tổng phụ trách Đội: tổ chức hoạt động trải nghiệm hằng tháng cho học sinh để đạt mức 2 của TC 2.3.',
  },
  { text: 'V. KIẾN NGHỊ', bold: true },
  { text: '1. Đề nghị UBND phường hỗ trợ kinh phí mua sắm thiết bị cho Tiêu chí 4.1.' },
  { text: 'HIỆU TRƯỞNG', bold: true },
  { text: 'Trần Thị Bình' },
]

async function writeDocx(): Promise<void> {
  const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, WidthType } = docx
  const para = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text, bold })] })
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: HEADINGS.map((h) => new TableCell({ children: [para(h, true)] })),
      }),
    ],
  })
  const doc = new Document({
    sections: [
      {
        children: [
          ...TITLE.map((t) => para(t, true)),
          table,
          ...PROSE.map((p) => para(p.text, p.bold)),
        ],
      },
    ],
  })
  writeFileSync(fixture('docx'), await Packer.toBuffer(doc))
}

async function writeXlsx(): Promise<void> {
  const workbook = new Excel.Workbook()
  const sheet = workbook.addWorksheet('Kế hoạch')
  const last = HEADINGS.length
  const line = (text: string, bold = false) => {
    const row = sheet.addRow([text])
    sheet.mergeCells(row.number, 1, row.number, last)
    row.getCell(1).font = { bold }
  }
  TITLE.forEach((t) => line(t, true))
  sheet.addRow([])
  sheet.addRow(HEADINGS).font = { bold: true }
  sheet.addRow([])
  PROSE.forEach((p) => line(p.text, p.bold))
  await workbook.xlsx.writeFile(fixture('xlsx'))
}

await writeDocx()
await writeXlsx()
console.log(`wrote ${fixture('docx')} and ${fixture('xlsx')}`)
