import {
  CHECKPOINTS,
  COMPLETION_LEVELS,
  checkpointNames,
  completionLevelLabels,
  formatDate,
  schoolYearsMessages,
  type CheckpointReview,
} from '@caitien/shared'
import ExcelJS from 'exceljs'
import { guardFormulaText } from '../formula-guard.ts'
import type { SchoolYears } from './school-years.ts'

const W = schoolYearsMessages.vi
const LEVEL = completionLevelLabels.vi
const MOMENT = checkpointNames.vi

/**
 * The school's years as one workbook (in Vietnamese, the school's document): a summary sheet
 * (a line per plan: its year-end results per level and its reviews' state), then a sheet per
 * school year with each plan's table VI and its rows' Mức độ thực hiện at each checkpoint.
 */
export async function schoolYearsXlsx(
  data: SchoolYears & { reviews: Map<string, CheckpointReview[]> },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'caitien'
  const summary = wb.addWorksheet(W.summarySheet)
  summary.columns = [
    { width: 12 },
    { width: 44 },
    { width: 16 },
    { width: 30 },
    ...COMPLETION_LEVELS.map(() => ({ width: 16 })),
    { width: 12 },
    ...CHECKPOINTS.map(() => ({ width: 30 })),
  ]
  summary.addRow([W.workbookTitle({ school: data.school.name })]).font = { bold: true }
  summary.addRow([])
  summary.addRow([
    W.schoolYear,
    W.plan,
    W.state,
    W.resultsFrom,
    ...COMPLETION_LEVELS.map((l) => LEVEL[l]),
    W.total,
    ...CHECKPOINTS.map((c) => MOMENT[c]),
  ]).font = { bold: true }
  for (const year of data.years) {
    for (const plan of year.plans) {
      summary.addRow([
        year.schoolYear,
        plan.title,
        plan.state === 'archived' ? W.archived : W.active,
        plan.results.from === 'yearEnd' ? W.fromYearEnd : W.fromBoard,
        ...COMPLETION_LEVELS.map((l) => plan.results.counts[l]),
        plan.results.total,
        ...plan.checkpoints.map((c) =>
          c.state === 'not_opened'
            ? W.notOpened
            : c.state === 'open'
              ? W.open
              : `${W.signed}: ${W.signedBy({ name: c.signedBy?.name ?? '', date: formatDate(c.signedAt!) })}`,
        ),
      ])
    }
  }

  for (const year of data.years) {
    const sheet = wb.addWorksheet(year.schoolYear.replace(/[[\]:*?/\\]/g, '-').slice(0, 31))
    sheet.columns = [
      { width: 8 },
      { width: 12 },
      { width: 50 },
      { width: 24 },
      { width: 24 },
      { width: 40 },
    ]
    for (const plan of year.plans) {
      const reviews = data.reviews.get(plan.id) ?? []
      sheet.addRow([`${W.plan}: ${plan.title}`]).font = { bold: true }
      sheet.addRow([W.moment, W.monitored, W.result, W.adjustment, W.assessor, W.signed]).font = {
        bold: true,
      }
      for (const c of CHECKPOINTS) {
        const r = reviews.find((x) => x.checkpoint === c)
        sheet.addRow(
          r
            ? [
                MOMENT[c],
                r.monitored,
                r.result,
                r.adjustment,
                r.assessor,
                r.signedAt
                  ? W.signedBy({ name: r.signedBy?.name ?? '', date: formatDate(r.signedAt) })
                  : W.open,
              ]
            : [MOMENT[c], W.notOpened],
        )
      }
      sheet.addRow([])
      sheet.addRow([
        W.index,
        W.criterion,
        W.action,
        ...CHECKPOINTS.map((c) => W.levelAt({ moment: MOMENT[c] })),
        W.reason,
      ]).font = { bold: true }
      const ids: string[] = []
      const rowInfo = new Map<string, { criterion: string | null; title: string }>()
      for (const r of reviews) {
        for (const row of r.rows) {
          if (!rowInfo.has(row.cardId)) ids.push(row.cardId)
          rowInfo.set(row.cardId, { criterion: row.criterion, title: row.title })
        }
      }
      ids.forEach((cardId, i) => {
        const info = rowInfo.get(cardId)!
        const levels = CHECKPOINTS.map((c) => {
          const row = reviews.find((r) => r.checkpoint === c)?.rows.find((x) => x.cardId === cardId)
          return row ? LEVEL[row.level] : ''
        })
        const reasons = reviews
          .flatMap((r) =>
            r.rows
              .filter((x) => x.cardId === cardId && x.reason)
              .map((x) => `${MOMENT[r.checkpoint]}: ${x.reason}`),
          )
          .join('\n')
        sheet.addRow([i + 1, info.criterion ?? '', info.title, ...levels, reasons])
      })
      sheet.addRow([])
    }
  }
  guardFormulaText(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
