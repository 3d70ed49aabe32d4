import type { Db } from '@caitien/db'
import {
  CARD_STATUSES,
  STATUS_LABELS,
  documentRecipients,
  cardTitleOfRow,
  formatMonth,
  formatNumber,
} from '@caitien/shared'
import {
  REPORT_TEXT,
  reportPeriod,
  reportPlanLine,
  reportSummaryLines,
  reportTitle,
} from '@caitien/shared/report-text'
import ExcelJS from 'exceljs'
import {
  SIZE,
  addressee,
  closingBlock,
  gridTable,
  headerBlock,
  heading,
  line,
  lines,
  packDocument,
  pageSection,
  titleBlock,
} from '../documents/official-document.ts'
import { guardFormulaText } from '../formula-guard.ts'
import { loadDocumentParty } from '../schools/document-settings.ts'
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
  const [cards, users, names, remark, party] = await Promise.all([
    listCardTitles(
      db,
      view.summary.cards.map((c) => c.id),
    ),
    listMemberNames(db),
    loadCriteriaNames(db, { id: planId, framework_id: plan.framework_id }, view.summary),
    findRemark(db, planId, month),
    loadDocumentParty(db, plan.school_id),
  ])
  const cardById = new Map(cards.map((c) => [c.id, c]))
  const userNames = new Map(users.map((u) => [u.id, u.display_name]))
  const title = (id: string) => {
    const c = cardById.get(id)
    return c ? cardTitleOfRow(c) : ''
  }
  return {
    school: plan.school_name,
    /** The school as the document's header and signature block print it (ND30). */
    party,
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

const n = (value: number) => formatNumber(value, 'vi')

/**
 * The report as a Word document in the state layout (ND30) a school sends to the body that
 * oversees it: header block, title, "Kính gửi", the figures, "Nơi nhận" and the principal's
 * signature block.
 */
export async function reportDocx(r: MonthlyReport): Promise<Buffer> {
  const s = r.view.summary
  const statusColumns = CARD_STATUSES.map((st) => ({
    heading: L[st],
    weight: 13,
    align: 'center' as const,
  }))
  const byStandard: string[][] = []
  const standardRows = new Set<number>()
  r.standards.forEach((st, i) => {
    standardRows.add(byStandard.length)
    byStandard.push([
      String(i + 1),
      T.standardRow({ code: st.standard, name: st.name }),
      n(st.total),
      ...CARD_STATUSES.map((k) => n(st.byStatus[k])),
    ])
    for (const c of r.criteria.filter((x) => x.standard === st.standard)) {
      byStandard.push([
        '',
        T.criterionRow({ code: c.criterion, name: c.name }),
        n(c.total),
        ...CARD_STATUSES.map((k) => n(c.byStatus[k])),
      ])
    }
  })
  const orientation = 'portrait'
  return packDocument(reportTitle(r.month), [
    pageSection(orientation, [
      headerBlock(r.party, 'report', r.generatedAt, orientation),
      ...titleBlock(reportTitle(r.month), [
        reportPlanLine({ title: r.planTitle, schoolYear: r.schoolYear }),
      ]),
      addressee(r.party.overseerName),
      line(reportPeriod(r.month), { indent: true, align: 'justify' }),
      heading(T.sections.summary),
      ...reportSummaryLines(r.view).map((l) => line(`- ${l}`, { indent: true, align: 'justify' })),
      heading(T.sections.byStandard),
      gridTable({
        orientation,
        columns: [
          { heading: T.columns.number, weight: 6, align: 'center' },
          { heading: T.columns.criterion, weight: 32 },
          { heading: T.columns.total, weight: 10, align: 'center' },
          ...statusColumns,
        ],
        rows: byStandard,
        boldRows: standardRows,
      }),
      heading(T.sections.overdue),
      r.overdue.length
        ? gridTable({
            orientation,
            columns: [
              { heading: T.columns.number, weight: 6, align: 'center' },
              { heading: T.columns.criterion, weight: 10, align: 'center' },
              { heading: T.columns.action, weight: 36 },
              { heading: T.columns.assignees, weight: 18 },
              { heading: T.columns.due, weight: 13, align: 'center' },
              { heading: T.columns.status, weight: 17 },
            ],
            rows: r.overdue.map((o, i) => [
              String(i + 1),
              o.criterion ?? '',
              o.title,
              o.assignees.join(', '),
              o.dueMonth ? formatMonth(o.dueMonth) : '',
              L[o.status],
            ]),
          })
        : line(T.noOverdue, { italics: true, indent: true }),
      heading(T.sections.remarks),
      ...lines(r.remarks ?? T.noRemarks, { indent: true, align: 'justify' }),
      line(T.footnote({ frozen: r.view.source === 'snapshot', total: s.total }), {
        italics: true,
        size: SIZE.note,
        before: 120,
        after: 240,
      }),
      closingBlock(documentRecipients(T.recipients), r.party, orientation),
    ]),
  ])
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
