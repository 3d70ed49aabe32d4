import type { Db } from '@caitien/db'
import { STATUS_LABELS, formatMonth, type CardStatus } from '@caitien/shared'
import { BIEU_2, type Bieu2Field } from '@caitien/shared/forms/tt57-bieu-2'
import ExcelJS from 'exceljs'
import { guardFormulaText, toCsvField } from '../formula-guard.ts'
import { listExportCards, planFieldsOf, type PlanFields } from '../cards/card.repository.ts'

/**
 * The plan's columns in the 5932 template's order, then what the board adds. The added
 * headings carry "(caitien)" so that importing the export never reads them as plan fields.
 */
const PLAN_COLUMNS = [
  {
    heading: 'Tiêu chí',
    width: 22,
    value: (c: ExportCard) => c.criterionLabel ?? (c.criterion ? `Tiêu chí ${c.criterion}` : null),
  },
  { heading: 'Điểm yếu', width: 30, value: (c: ExportCard) => c.weakness },
  { heading: 'Kết quả cần đạt', width: 30, value: (c: ExportCard) => c.target },
  { heading: 'Công việc/giải pháp cần thực hiện', width: 45, value: (c: ExportCard) => c.tasks },
  { heading: 'Biện pháp thực hiện', width: 30, value: (c: ExportCard) => c.measures },
  { heading: 'Chủ trì thực hiện', width: 22, value: (c: ExportCard) => c.lead },
  { heading: 'Phối hợp thực hiện', width: 22, value: (c: ExportCard) => c.coordinators },
  {
    heading: 'Thời gian thực hiện và hoàn thành',
    width: 22,
    value: (c: ExportCard) => c.timeframe,
  },
  { heading: 'Dự kiến kinh phí', width: 18, value: (c: ExportCard) => c.budget },
  { heading: 'Dự kiến nguồn kinh phí', width: 18, value: (c: ExportCard) => c.fundingSource },
  { heading: 'Điều kiện hỗ trợ khác', width: 18, value: (c: ExportCard) => c.support },
  {
    heading: 'Sản phẩm/Minh chứng sau thực hiện',
    width: 28,
    value: (c: ExportCard) => c.expectedEvidence,
  },
  { heading: 'Ghi chú', width: 16, value: (c: ExportCard) => c.notes },
] as const

/**
 * Biểu 2's own columns (TT57/2026), by the form's headings so that re-importing the export
 * reads them back; written only for a plan whose cards have any of them.
 */
const bieu2Heading = (field: Bieu2Field) => BIEU_2.plan.find((c) => c.field === field)!.heading
const BIEU_2_COLUMNS = [
  {
    heading: bieu2Heading('improvementContent'),
    width: 30,
    value: (c: ExportCard) => c.improvementContent,
  },
  { heading: bieu2Heading('indicators'), width: 24, value: (c: ExportCard) => c.indicators },
  {
    heading: bieu2Heading('completionLevel'),
    width: 16,
    value: (c: ExportCard) => c.completionLevel,
  },
] as const

/** The plan columns an export writes: Biểu 2's only when a card holds one of them. */
function planColumnsOf(cards: ExportCard[]) {
  const bieu2 = cards.some((c) => c.improvementContent || c.indicators || c.completionLevel)
  return bieu2 ? [...PLAN_COLUMNS, ...BIEU_2_COLUMNS] : PLAN_COLUMNS
}

const BOARD_COLUMNS = [
  {
    heading: 'Trạng thái (caitien)',
    width: 18,
    value: (c: ExportCard) => STATUS_LABELS.vi[c.status],
  },
  {
    heading: 'Người được giao (caitien)',
    width: 24,
    value: (c: ExportCard) => c.assignees.join('\n') || null,
  },
  {
    heading: 'Tháng đến hạn (caitien)',
    width: 14,
    value: (c: ExportCard) => (c.dueMonth ? formatMonth(c.dueMonth) : null),
  },
  { heading: 'Số minh chứng (caitien)', width: 12, value: (c: ExportCard) => c.evidenceCount },
] as const

/** A card as the export writes it: the plan's own fields, then what the board adds. */
export type ExportCard = PlanFields & {
  id: string
  status: CardStatus
  dueMonth: string | null
  assignees: string[]
  evidenceCount: number
}

/** What orders a plan's cards. */
interface PlanOrderKey {
  standard: string | null
  criterion: string | null
  source_key: string | null
  created_at: string
}

/**
 * The plan's order, wherever its rows are listed (exports, Biểu 2, checkpoint reviews): by
 * standard, then criterion (numerically), then the row it came from, then creation. Rows
 * that name no criterion (Biểu 2 allows it) come last.
 */
export function byPlanOrder(a: PlanOrderKey, b: PlanOrderKey): number {
  const num = (v: string | null, i: number) => Number(v?.split('.')[i] ?? 999)
  return (
    num(a.standard, 0) - num(b.standard, 0) ||
    num(a.criterion, 0) - num(b.criterion, 0) ||
    num(a.criterion, 1) - num(b.criterion, 1) ||
    (a.source_key ?? '').localeCompare(b.source_key ?? '') ||
    a.created_at.localeCompare(b.created_at)
  )
}

/** Cards in plan order (byPlanOrder). */
export async function loadExportCards(db: Db, planId: string): Promise<ExportCard[]> {
  const cards = await listExportCards(db, planId)
  return cards
    .sort(({ row: a }, { row: b }) => byPlanOrder(a, b))
    .map(({ row, assignees, evidenceCount }) => ({
      ...planFieldsOf(row),
      id: row.id,
      status: row.status,
      dueMonth: row.due_month,
      assignees,
      evidenceCount,
    }))
}

/**
 * The plan as the school wrote it (title block, header row, "Tiêu chuẩn N: …" rows merged
 * across, a row per action) with the board's status, assignees, due month and evidence
 * count added on the right. Importing it again gives the same rows.
 */
export async function exportPlanXlsx(
  db: Db,
  plan: { id: string; title: string; school_year: string; school_name: string },
): Promise<Buffer> {
  const cards = await loadExportCards(db, plan.id)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'caitien'
  const sheet = workbook.addWorksheet('Kế hoạch', {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  const planColumns = planColumnsOf(cards)
  const columns = [{ heading: 'TT', width: 6 }, ...planColumns, ...BOARD_COLUMNS]
  const last = columns.length
  sheet.columns = columns.map((c) => ({ width: c.width }))
  const title = (text: string, size: number) => {
    const row = sheet.addRow([text])
    sheet.mergeCells(row.number, 1, row.number, last)
    row.getCell(1).font = { bold: true, size }
    row.getCell(1).alignment = { horizontal: 'center' }
  }
  title(plan.school_name.toUpperCase(), 12)
  title('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', 14)
  title(`Năm học ${plan.school_year}`, 12)
  sheet.addRow([])
  const header = sheet.addRow(columns.map((c) => c.heading))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  sheet.views = [{ state: 'frozen', ySplit: header.number }]

  const border = { style: 'thin' as const }
  const boxed = (row: ExcelJS.Row) => {
    for (let i = 1; i <= last; i++) {
      row.getCell(i).border = { top: border, left: border, bottom: border, right: border }
    }
  }
  boxed(header)
  let standard: string | null | undefined
  let section: string | null | undefined
  let tt = 0
  for (const card of cards) {
    if (card.section !== section && card.section) {
      const row = sheet.addRow([card.section])
      sheet.mergeCells(row.number, 1, row.number, last)
      row.font = { bold: true }
      boxed(row)
    }
    section = card.section
    if (card.standard !== standard && card.standard) {
      tt++
      const name = card.standardName
        ? `Tiêu chuẩn ${card.standard}: ${card.standardName}`
        : `Tiêu chuẩn ${card.standard}`
      const row = sheet.addRow([tt, name])
      sheet.mergeCells(row.number, 2, row.number, last)
      row.font = { bold: true }
      boxed(row)
    }
    standard = card.standard
    const row = sheet.addRow([
      null,
      ...[...planColumns, ...BOARD_COLUMNS].map((c) => c.value(card)),
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
    boxed(row)
  }
  guardFormulaText(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * CSV for other tools: one header row, one row per action, UTF-8 with BOM (Excel opens it).
 * A formula-looking text ("=…", "- Họp tổ…") gets a leading ' (formula-guard.ts); the
 * importer takes it off again.
 */
export async function exportPlanCsv(db: Db, planId: string): Promise<string> {
  const cards = await loadExportCards(db, planId)
  const columns = [
    { heading: 'Tiêu chuẩn', value: (c: ExportCard) => c.standard },
    ...planColumnsOf(cards),
    ...BOARD_COLUMNS,
  ]
  const quote = (v: string | number | null) => {
    const text = v === null ? '' : typeof v === 'number' ? String(v) : toCsvField(v)
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [
    columns.map((c) => quote(c.heading)).join(','),
    ...cards.map((card) => columns.map((c) => quote(c.value(card))).join(',')),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
