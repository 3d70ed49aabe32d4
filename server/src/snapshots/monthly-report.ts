import type { Db } from '@caitien/db'
import { CARD_STATUSES, STATUS_LABELS, firstLine, formatMonth } from '@caitien/shared'
import {
  REPORT_TEXT,
  reportDateLine,
  reportPeriod,
  reportPlanLine,
  reportSummaryLines,
  reportTitle,
} from '@caitien/shared/report-text'
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
import { listCardTitles } from '../cards/card.repository.ts'
import { getPlanWithSchool } from '../plans/plan.repository.ts'
import { listMemberNames } from '../schools/account.repository.ts'
import { monthView } from './snapshot-service.ts'
import { findRemark } from './snapshot.repository.ts'

/** Everything the report prints, gathered once for the .docx, the .xlsx and the web page. */
export async function loadReport(db: Db, planId: string, month: string, now: Date) {
  const view = await monthView(db, planId, month, now)
  const plan = await getPlanWithSchool(db, planId)
  const [cards, users, names, remark] = await Promise.all([
    listCardTitles(
      db,
      view.summary.cards.map((c) => c.id),
    ),
    listMemberNames(db),
    loadCriteriaNames(db, { id: planId, framework_id: plan.framework_id }, view.summary),
    findRemark(db, planId, month),
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
/** The report's words live in @caitien/shared (report-text.ts), shared with the web's print view. */
const T = REPORT_TEXT
export { reportTitle }

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

/** The date, right-aligned under the header as official letters write it. */
function dateLine(iso: string) {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 120, after: 240 },
    children: [text(reportDateLine(iso), { italics: true })],
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
          cell(`${r.school.toUpperCase()}\n${T.issuer}`, {
            bold: true,
            center: true,
            borders: false,
            width: 45,
          }),
          cell(`${T.nation}\n${T.motto}`, {
            bold: true,
            center: true,
            borders: false,
            width: 55,
          }),
        ],
      }),
    ],
  })
  const statusHeader = [
    T.columns.number,
    T.columns.criterion,
    T.columns.total,
    ...CARD_STATUSES.map((st) => L[st]),
  ]
  const byStandard = r.standards.flatMap((st, i) => {
    const rows: string[][] = [
      [
        String(i + 1),
        T.standardRow({ code: st.standard, name: st.name }),
        String(st.total),
        ...CARD_STATUSES.map((k) => String(st.byStatus[k])),
      ],
    ]
    for (const c of r.criteria.filter((x) => x.standard === st.standard)) {
      rows.push([
        '',
        T.criterionRow({ code: c.criterion, name: c.name }),
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
          para(reportPlanLine({ title: r.planTitle, schoolYear: r.schoolYear }), {
            center: true,
            italics: true,
          }),
          para(reportPeriod(r.month), { center: true }),
          para(T.sections.summary, { bold: true }),
          ...reportSummaryLines(r.view).map((line) => para(`- ${line}`)),
          para(T.sections.byStandard, { bold: true }),
          grid(statusHeader, byStandard, [6, 32, 10, 12, 13, 14, 13]),
          para(T.sections.overdue, { bold: true }),
          r.overdue.length
            ? grid(
                [
                  T.columns.number,
                  T.columns.criterion,
                  T.columns.action,
                  T.columns.assignees,
                  T.columns.due,
                  T.columns.status,
                ],
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
            : para(T.noOverdue, { italics: true }),
          para(T.sections.remarks, { bold: true }),
          ...(r.remarks ?? T.noRemarks).split('\n').map((line) => para(line)),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [
                  cell(`${T.principalSignature}\n\n\n\n`, {
                    bold: true,
                    center: true,
                    borders: false,
                    width: 50,
                  }),
                  cell(`${T.monitorSignature}\n\n\n\n`, {
                    bold: true,
                    center: true,
                    borders: false,
                    width: 50,
                  }),
                ],
              }),
            ],
          }),
          para(T.footnote({ frozen: r.view.source === 'snapshot', total: s.total }), {
            italics: true,
            size: 20,
          }),
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
  const W = T.workbook
  const summary = wb.addWorksheet(W.summarySheet)
  summary.columns = [{ width: 42 }, { width: 16 }, { width: 22 }]
  summary.addRow([reportTitle(r.month)]).font = { bold: true }
  summary.addRow([W.heading({ school: r.school, plan: r.planTitle })])
  summary.addRow([])
  summary.addRow([W.figure, W.thisMonth, W.change]).font = { bold: true }
  const ch = r.view.change
  summary.addRow([W.total, s.total, ch?.total ?? null])
  for (const st of CARD_STATUSES) summary.addRow([L[st], s.byStatus[st], ch?.byStatus[st] ?? null])
  summary.addRow([W.shareVerified, s.shareVerified, ch?.shareVerified ?? null])
  summary.getCell(`B${summary.rowCount}`).numFmt = '0.0%'
  summary.addRow([W.overdue, s.overdue.length, ch?.overdue ?? null])
  summary.addRow([W.started, s.moves.started.length, null])
  summary.addRow([W.submitted, s.moves.submitted.length, null])
  summary.addRow([W.sentBack, s.moves.sentBack.length, null])
  summary.addRow([W.verified, s.moves.verified.length, null])
  summary.addRow([W.budgetVerified, s.budget.verified, null])
  summary.addRow([W.budgetTotal, s.budget.total, null])
  summary.addRow([])
  summary.addRow([W.remarks, r.remarks ?? ''])

  const criteria = wb.addWorksheet(W.criteriaSheet)
  criteria.columns = [
    { width: 10 },
    { width: 12 },
    { width: 50 },
    { width: 10 },
    ...CARD_STATUSES.map(() => ({ width: 16 })),
  ]
  criteria.addRow([
    T.columns.standard,
    T.columns.criterion,
    T.columns.criterionName,
    T.columns.total,
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

  const overdue = wb.addWorksheet(W.overdueSheet)
  overdue.columns = [{ width: 10 }, { width: 60 }, { width: 30 }, { width: 10 }, { width: 20 }]
  overdue.addRow([
    T.columns.criterion,
    T.columns.action,
    T.columns.assignees,
    T.columns.due,
    T.columns.status,
  ]).font = { bold: true }
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
