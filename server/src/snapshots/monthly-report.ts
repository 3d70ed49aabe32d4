import type { Db } from '@caitien/db'
import {
  CARD_STATUSES,
  STATUS_LABELS,
  firstLine,
  formatDate,
  formatMonth,
  formatVnd,
} from '@caitien/shared'
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import ExcelJS from 'exceljs'
import { guardFormulaText } from '../formula-guard.ts'
import { loadCriteriaNames } from './criteria-names.ts'
import { monthView } from './snapshot-service.ts'

/** Everything the report prints, gathered once for the .docx, the .xlsx and the web page. */
export async function loadReport(db: Db, planId: string, month: string, now: Date) {
  const view = await monthView(db, planId, month, now)
  const plan = await db
    .selectFrom('plan')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select([
      'plan.title',
      'plan.school_year',
      'plan.framework_id',
      'plan.school_id',
      'school.name as school_name',
    ])
    .where('plan.id', '=', planId)
    .executeTakeFirstOrThrow()
  const ids = view.summary.cards.map((c) => c.id)
  const [cards, users, names, remark] = await Promise.all([
    ids.length
      ? db
          .selectFrom('card')
          .select(['id', 'tasks', 'target', 'criterion', 'lead'])
          .where('id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('app_user')
      .innerJoin('membership', 'membership.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.display_name'])
      .distinct()
      .execute(),
    loadCriteriaNames(db, { id: planId, framework_id: plan.framework_id }, view.summary),
    db
      .selectFrom('monthly_remark')
      .select(['text', 'updated_at'])
      .where('plan_id', '=', planId)
      .where('month', '=', month)
      .executeTakeFirst(),
  ])
  const cardById = new Map(cards.map((c) => [c.id, c]))
  const userNames = new Map(users.map((u) => [u.id, u.display_name]))
  const title = (id: string) => {
    const c = cardById.get(id)
    return c ? firstLine(c.tasks) || firstLine(c.target) || '' : ''
  }
  return {
    school: plan.school_name,
    planTitle: plan.title,
    schoolYear: plan.school_year,
    month,
    generatedAt: now.toISOString(),
    view,
    standards: view.summary.byStandard.map((s) => ({
      ...s,
      name: names.standards[s.standard] ?? null,
    })),
    criteria: view.summary.byCriterion.map((c) => ({
      ...c,
      name: names.criteria[c.criterion] ?? null,
    })),
    overdue: view.summary.cards
      .filter((c) => c.overdue)
      .map((c) => ({
        id: c.id,
        criterion: c.criterion,
        title: title(c.id),
        status: c.status,
        dueMonth: c.dueMonth,
        assignees: c.assigneeIds.map((a) => userNames.get(a) ?? a),
      })),
    remarks: remark?.text ?? null,
  }
}
export type MonthlyReport = Awaited<ReturnType<typeof loadReport>>

const L = STATUS_LABELS.vi
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/** The report's title, as schools write it. */
export function reportTitle(month: string): string {
  return `BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG ${formatMonth(month)}`
}

function summaryLines(r: MonthlyReport): string[] {
  const s = r.view.summary
  const ch = r.view.change
  const delta = (n: number | undefined) =>
    ch && n !== undefined ? ` (${signed(n)} so với tháng trước)` : ''
  return [
    `Tổng số hoạt động cải tiến: ${s.total}.`,
    ...CARD_STATUSES.map((st) => `${L[st]}: ${s.byStatus[st]}${delta(ch?.byStatus[st])}.`),
    `Tỉ lệ đã xác nhận: ${pct(s.shareVerified)}${ch ? ` (${ch.shareVerified >= 0 ? '+' : ''}${Math.round(ch.shareVerified * 1000) / 10} điểm %)` : ''}.`,
    `Hoạt động quá hạn: ${s.overdue.length}${delta(ch?.overdue)}.`,
    `Trong tháng: ${s.moves.started.length} hoạt động bắt đầu, ${s.moves.submitted.length} nộp minh chứng, ${s.moves.sentBack.length} bị trả lại, ${s.moves.verified.length} được xác nhận.`,
    `Kinh phí các hoạt động đã xác nhận: ${formatVnd(s.budget.verified)} / tổng dự kiến ${formatVnd(s.budget.total)}.`,
  ]
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const FONT = 'Times New Roman'

function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? 26,
    bold: options.bold,
    italics: options.italics,
  })
}
function para(
  value: string,
  options: {
    bold?: boolean
    italics?: boolean
    center?: boolean
    size?: number
    heading?: boolean
  } = {},
) {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    heading: options.heading ? HeadingLevel.HEADING_2 : undefined,
    spacing: { after: 80 },
    children: [text(value, options)],
  })
}
function cell(
  value: string,
  options: { bold?: boolean; center?: boolean; borders?: boolean; width?: number } = {},
) {
  const b = options.borders === false ? none : thin
  return new TableCell({
    borders: { top: b, bottom: b, left: b, right: b },
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: value
      .split('\n')
      .map((line) => para(line, { bold: options.bold, center: options.center, size: 24 })),
  })
}
function grid(header: string[], rows: string[][], widths: number[], leftColumns = 2) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, { bold: true, center: true, width: widths[i] })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((v, i) => cell(v, { center: i >= leftColumns, width: widths[i] })),
          }),
      ),
    ],
  })
}

/** "Ngày 03 tháng 11 năm 2026", right-aligned under the header as official letters write it. */
function dateLine(iso: string) {
  const [d, m, y] = formatDate(iso).split('/')
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 120, after: 240 },
    children: [text(`Ngày ${d} tháng ${m} năm ${y}`, { italics: true })],
  })
}

/** The report as a Word document in the form a school sends to the body that oversees it. */
export async function reportDocx(r: MonthlyReport): Promise<Buffer> {
  const s = r.view.summary
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell(`${r.school.toUpperCase()}\nTỔ GIÁM SÁT KẾ HOẠCH CẢI TIẾN`, {
            bold: true,
            center: true,
            borders: false,
            width: 45,
          }),
          cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', {
            bold: true,
            center: true,
            borders: false,
            width: 55,
          }),
        ],
      }),
    ],
  })
  const [y, m] = r.month.split('-')
  const statusHeader = ['TT', 'Tiêu chí', 'Tổng số', ...CARD_STATUSES.map((st) => L[st])]
  const byStandard = r.standards.flatMap((st, i) => {
    const rows: string[][] = [
      [
        String(i + 1),
        `Tiêu chuẩn ${st.standard}${st.name ? `: ${st.name}` : ''}`,
        String(st.total),
        ...CARD_STATUSES.map((k) => String(st.byStatus[k])),
      ],
    ]
    for (const c of r.criteria.filter((x) => x.standard === st.standard)) {
      rows.push([
        '',
        `Tiêu chí ${c.criterion}${c.name ? `: ${c.name}` : ''}`,
        String(c.total),
        ...CARD_STATUSES.map((k) => String(c.byStatus[k])),
      ])
    }
    return rows
  })
  const doc = new Document({
    creator: 'caitien',
    title: reportTitle(r.month),
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          header,
          dateLine(r.generatedAt),
          para(reportTitle(r.month), { bold: true, center: true, size: 28 }),
          para(`${r.planTitle} – năm học ${r.schoolYear}`, { center: true, italics: true }),
          para(`Kỳ báo cáo: từ 01/${m}/${y} đến hết tháng ${m}/${y}.`, { center: true }),
          para('I. TÓM TẮT', { bold: true }),
          ...summaryLines(r).map((line) => para(`- ${line}`)),
          para('II. TIẾN ĐỘ THEO TIÊU CHUẨN, TIÊU CHÍ', { bold: true }),
          grid(statusHeader, byStandard, [6, 32, 10, 12, 13, 14, 13]),
          para('III. CÁC HOẠT ĐỘNG QUÁ HẠN', { bold: true }),
          r.overdue.length
            ? grid(
                ['TT', 'Tiêu chí', 'Hoạt động', 'Người thực hiện', 'Hạn', 'Trạng thái'],
                r.overdue.map((o, i) => [
                  String(i + 1),
                  o.criterion ?? '',
                  o.title,
                  o.assignees.join(', '),
                  o.dueMonth ? formatMonth(o.dueMonth) : '',
                  L[o.status],
                ]),
                [6, 10, 36, 18, 13, 17],
                4,
              )
            : para('Không có hoạt động quá hạn.', { italics: true }),
          para('IV. NHẬN XÉT, KIẾN NGHỊ CỦA TỔ GIÁM SÁT', { bold: true }),
          ...(r.remarks ?? '(Chưa có nhận xét.)').split('\n').map((line) => para(line)),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [
                  cell('XÁC NHẬN CỦA HIỆU TRƯỞNG\n\n\n\n', {
                    bold: true,
                    center: true,
                    borders: false,
                    width: 50,
                  }),
                  cell('TỔ TRƯỞNG TỔ GIÁM SÁT\n\n\n\n', {
                    bold: true,
                    center: true,
                    borders: false,
                    width: 50,
                  }),
                ],
              }),
            ],
          }),
          para(
            `Số liệu ${r.view.source === 'snapshot' ? 'chốt cuối tháng' : 'tạm tính'}: ${s.total} hoạt động.`,
            { italics: true, size: 20 },
          ),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** The same tables as a workbook: summary, per criterion, overdue. */
export async function reportXlsx(r: MonthlyReport): Promise<Buffer> {
  const s = r.view.summary
  const wb = new ExcelJS.Workbook()
  wb.creator = 'caitien'
  const summary = wb.addWorksheet('Tổng hợp')
  summary.columns = [{ width: 42 }, { width: 16 }, { width: 22 }]
  summary.addRow([reportTitle(r.month)]).font = { bold: true }
  summary.addRow([`${r.school} – ${r.planTitle}`])
  summary.addRow([])
  summary.addRow(['Chỉ số', 'Tháng này', 'Thay đổi so với tháng trước']).font = { bold: true }
  const ch = r.view.change
  summary.addRow(['Tổng số hoạt động', s.total, ch?.total ?? null])
  for (const st of CARD_STATUSES) summary.addRow([L[st], s.byStatus[st], ch?.byStatus[st] ?? null])
  summary.addRow(['Tỉ lệ đã xác nhận', s.shareVerified, ch?.shareVerified ?? null])
  summary.getCell(`B${summary.rowCount}`).numFmt = '0.0%'
  summary.addRow(['Hoạt động quá hạn', s.overdue.length, ch?.overdue ?? null])
  summary.addRow(['Bắt đầu trong tháng', s.moves.started.length, null])
  summary.addRow(['Nộp minh chứng trong tháng', s.moves.submitted.length, null])
  summary.addRow(['Bị trả lại trong tháng', s.moves.sentBack.length, null])
  summary.addRow(['Được xác nhận trong tháng', s.moves.verified.length, null])
  summary.addRow(['Kinh phí đã xác nhận (đồng)', s.budget.verified, null])
  summary.addRow(['Tổng kinh phí dự kiến (đồng)', s.budget.total, null])
  summary.addRow([])
  summary.addRow(['Nhận xét của Tổ giám sát', r.remarks ?? ''])

  const criteria = wb.addWorksheet('Theo tiêu chí')
  criteria.columns = [
    { width: 10 },
    { width: 12 },
    { width: 50 },
    { width: 10 },
    ...CARD_STATUSES.map(() => ({ width: 16 })),
  ]
  criteria.addRow([
    'Tiêu chuẩn',
    'Tiêu chí',
    'Tên tiêu chí',
    'Tổng số',
    ...CARD_STATUSES.map((st) => L[st]),
  ]).font = { bold: true }
  for (const c of r.criteria)
    criteria.addRow([
      c.standard,
      c.criterion,
      c.name ?? '',
      c.total,
      ...CARD_STATUSES.map((k) => c.byStatus[k]),
    ])

  const overdue = wb.addWorksheet('Quá hạn')
  overdue.columns = [{ width: 10 }, { width: 60 }, { width: 30 }, { width: 10 }, { width: 20 }]
  overdue.addRow(['Tiêu chí', 'Hoạt động', 'Người thực hiện', 'Hạn', 'Trạng thái']).font = {
    bold: true,
  }
  for (const o of r.overdue)
    overdue.addRow([
      o.criterion,
      o.title,
      o.assignees.join(', '),
      o.dueMonth ? formatMonth(o.dueMonth) : '',
      L[o.status],
    ])
  guardFormulaText(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
