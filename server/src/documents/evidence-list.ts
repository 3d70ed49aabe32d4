import {
  BIEU_2,
  EVIDENCE_LIST_TEXT as T,
  documentRecipients,
  type DocumentParty,
} from '@caitien/shared'
import { reportPlanLine } from '@caitien/shared/report-text'
import ExcelJS from 'exceljs'
import { guardFormulaText } from '../formula-guard.ts'
import {
  closingBlock,
  gridTable,
  headerBlock,
  line,
  packDocument,
  pageSection,
  titleBlock,
} from './official-document.ts'

/*
 * A plan's evidence list in the five-column form (TT | Mã minh chứng | Tên minh chứng |
 * Định dạng, vị trí lưu trữ hoặc đường dẫn điện tử | Ghi chú), headings from the Biểu 2
 * data, as .docx (ND30 layout) and .xlsx. Pure functions of `EvidenceListDocument`.
 */

export interface EvidenceListItem {
  code: string | null
  title: string
  location: string
  notes: string
}

export interface EvidenceListDocument {
  party: DocumentParty
  plan: { title: string; schoolYear: string }
  date: string
  items: readonly EvidenceListItem[]
}

const WEIGHTS = { index: 5, code: 17, title: 30, location: 29, notes: 19 } as const

function cellsOf(item: EvidenceListItem, index: number): string[] {
  return BIEU_2.evidenceList.map((c) => {
    switch (c.field) {
      case 'index':
        return String(index + 1)
      case 'code':
        return item.code ?? ''
      case 'title':
        return item.title
      case 'location':
        return item.location
      case 'notes':
        return item.notes
    }
  })
}

export function renderEvidenceListDocx(doc: EvidenceListDocument): Promise<Buffer> {
  const orientation = 'portrait'
  return packDocument(`${T.title} – ${doc.plan.title}`, [
    pageSection(orientation, [
      headerBlock(doc.party, 'report', doc.date, orientation),
      ...titleBlock(T.title, [reportPlanLine(doc.plan)]),
      doc.items.length
        ? gridTable({
            orientation,
            columns: BIEU_2.evidenceList.map((c) => ({
              heading: c.heading,
              weight: WEIGHTS[c.field],
              align: c.field === 'index' || c.field === 'code' ? 'center' : 'left',
            })),
            rows: doc.items.map(cellsOf),
          })
        : line(T.empty, { italics: true, indent: true }),
      line('', { after: 240 }),
      closingBlock(documentRecipients(T.recipients), doc.party, orientation),
    ]),
  ])
}

export async function renderEvidenceListXlsx(doc: EvidenceListDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'caitien'
  const sheet = wb.addWorksheet(T.sheet, {
    pageSetup: {
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  sheet.columns = BIEU_2.evidenceList.map((c) => ({ width: WEIGHTS[c.field] * 1.6 }))
  const last = BIEU_2.evidenceList.length
  for (const [text, size] of [
    [doc.party.schoolName.toUpperCase(), 12],
    [T.title, 14],
    [reportPlanLine(doc.plan), 12],
  ] as const) {
    const row = sheet.addRow([text])
    sheet.mergeCells(row.number, 1, row.number, last)
    row.getCell(1).font = { bold: true, size }
    row.getCell(1).alignment = { horizontal: 'center' }
  }
  sheet.addRow([])
  const header = sheet.addRow(BIEU_2.evidenceList.map((c) => c.heading))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  const border = { style: 'thin' as const }
  const box = (row: ExcelJS.Row) => {
    for (let i = 1; i <= last; i++) {
      row.getCell(i).border = { top: border, left: border, bottom: border, right: border }
    }
  }
  box(header)
  doc.items.forEach((item, i) => {
    const cells = cellsOf(item, i)
    const row = sheet.addRow([i + 1, ...cells.slice(1)])
    row.alignment = { wrapText: true, vertical: 'top' }
    box(row)
  })
  guardFormulaText(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
