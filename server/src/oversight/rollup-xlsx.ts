import {
  CARD_STATUSES,
  CHECKPOINTS,
  COMPLETION_LEVELS,
  STATUS_LABELS,
  attentionLabels,
  completionLevelLabels,
  formatDate,
  reviewVerdictLabels,
  rollupMessages,
  schoolLevelLabels,
  type RollupReview,
  type RollupRow,
} from '@caitien/shared'
import ExcelJS from 'exceljs'
import { guardFormulaText } from '../formula-guard.ts'

const W = rollupMessages.vi

function reviewText(r: RollupReview): string {
  if (r.state === 'none') return W.notOpened
  if (r.state === 'open') return W.open({ date: formatDate(r.openedAt!) })
  const signed = W.signed({ date: formatDate(r.signedAt!) })
  if (!r.answer) return `${signed}; ${W.awaiting}`
  const answer = W.answered({
    verdict: reviewVerdictLabels.vi[r.answer.verdict],
    date: formatDate(r.answer.at),
  })
  return r.answer.reason ? `${signed}; ${answer}: ${r.answer.reason}` : `${signed}; ${answer}`
}

/**
 * A body's roll-up as one workbook (in Vietnamese, the body's document): one row per school,
 * sorted by name as on screen, no rank column.
 */
export async function rollupXlsx(body: { name: string }, rows: readonly RollupRow[]) {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'caitien'
  const sheet = wb.addWorksheet(W.sheet)
  sheet.addRow([`${W.title} – ${body.name}`]).font = { bold: true }
  sheet.addRow([W.intro])
  sheet.addRow([])
  sheet.addRow([
    W.school,
    W.level,
    W.framework,
    W.plan,
    W.schoolYear,
    W.total,
    ...CARD_STATUSES.map((s) => STATUS_LABELS.vi[s]),
    W.overdue,
    ...COMPLETION_LEVELS.map((l) => completionLevelLabels.vi[l]),
    ...CHECKPOINTS.map((c) => W[c]),
    W.evidence,
    W.mandatoryOpen,
    W.continuousYears,
    W.attention,
  ]).font = { bold: true }
  for (const r of rows) {
    sheet.addRow([
      r.schoolName,
      schoolLevelLabels.vi[r.level as keyof typeof schoolLevelLabels.vi] ?? r.level,
      r.plan?.frameworkId ?? '',
      r.plan?.title ?? W.noPlan,
      r.plan?.schoolYear ?? '',
      r.total,
      ...CARD_STATUSES.map((s) => r.byStatus[s]),
      r.overdue,
      ...COMPLETION_LEVELS.map((l) => (r.byLevel ? r.byLevel[l] : '')),
      ...CHECKPOINTS.map((c) => reviewText(r.reviews[c])),
      `${r.evidence.verified} / ${r.evidence.expected}`,
      r.mandatoryOpen,
      r.continuousYears,
      r.attention.map((a) => attentionLabels.vi[a]).join('; '),
    ])
  }
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 || i === 3 ? 36 : 14
  })
  guardFormulaText(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
