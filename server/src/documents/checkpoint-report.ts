import {
  BIEU_2,
  CHECKPOINT_REPORT_TEXT as T,
  COMPLETION_LEVELS,
  completionLevelLabels,
  documentRecipients,
  type Checkpoint,
  type CompletionLevel,
  type DocumentParty,
  type FollowUpField,
} from '@caitien/shared'
import { reportPlanLine } from '@caitien/shared/report-text'
import type { Bieu2FollowUp } from './bieu-2.ts'
import {
  addressee,
  closingBlock,
  gridTable,
  headerBlock,
  heading,
  line,
  packDocument,
  pageSection,
  titleBlock,
} from './official-document.ts'

/*
 * The report of a checkpoint review ("Cuối học kỳ I", "Cuối năm học") in the ND30 layout:
 * each action with its Mức độ thực hiện, the count per level, and the review's
 * row of table VI. A pure function of `CheckpointReportDocument`: the review records fill it.
 */

export interface CheckpointReportRow {
  /** The row's action as the review recorded it (cardNameText: its action first). */
  action: string
  criterion: string | null
  /** Null while the row is not assessed. */
  level: CompletionLevel | null
  /** Why the level differs from the one derived from the board, when it was adjusted. */
  reason: string | null
}

export interface CheckpointReportDocument {
  party: DocumentParty
  plan: { title: string; schoolYear: string }
  checkpoint: Checkpoint
  /** The review's date (signed off, or today while open), ISO. */
  date: string
  /** Not signed off yet: printed "DỰ THẢO" above the title. */
  draft: boolean
  /** The body that reviewed the plan ("Hội đồng tự đánh giá"), among the recipients. */
  council: string
  rows: readonly CheckpointReportRow[]
  /** The review's row of table VI. */
  followUp: Bieu2FollowUp
}

const FOLLOW_UP_WEIGHTS: Record<FollowUpField, number> = {
  moment: 19,
  monitored: 23,
  result: 23,
  adjustment: 18,
  assessor: 17,
}

/** The .docx of a checkpoint review's report, A4 portrait. */
export function renderCheckpointReport(doc: CheckpointReportDocument): Promise<Buffer> {
  const orientation = 'portrait'
  const moment = BIEU_2.followUp.rows[doc.checkpoint]
  const counts = COMPLETION_LEVELS.map((level) =>
    T.levelCount({
      level,
      count: doc.rows.filter((r) => r.level === level).length,
      total: doc.rows.length,
    }),
  )
  return packDocument(`${T.title} – ${moment}`, [
    pageSection(orientation, [
      headerBlock(doc.party, 'report', doc.date, orientation),
      ...(doc.draft ? [line(T.draft, { bold: true, align: 'center', before: 240, after: 0 })] : []),
      ...titleBlock(T.title, [T.moment({ checkpoint: moment }), reportPlanLine(doc.plan)]),
      addressee(doc.party.overseerName),
      heading(T.sections.levels),
      doc.rows.length
        ? gridTable({
            orientation,
            columns: [
              { heading: T.columns.number, weight: 6, align: 'center' },
              { heading: T.columns.action, weight: 39 },
              { heading: T.columns.criterion, weight: 11, align: 'center' },
              // Wide enough for "Chưa hoàn thành" on one line at 12 pt.
              { heading: T.columns.level, weight: 21, align: 'center' },
              { heading: T.columns.reason, weight: 23 },
            ],
            rows: doc.rows.map((r, i) => [
              String(i + 1),
              r.action,
              r.criterion ?? '',
              r.level ? completionLevelLabels.vi[r.level] : T.notAssessed,
              r.reason ?? '',
            ]),
          })
        : line(T.noRows, { italics: true, indent: true }),
      ...counts.map((c) => line(`- ${c}`, { indent: true, before: 40 })),
      heading(T.sections.followUp),
      gridTable({
        orientation,
        columns: BIEU_2.followUp.columns.map((c) => ({
          heading: c.heading,
          weight: FOLLOW_UP_WEIGHTS[c.field],
          align: c.field === 'moment' ? ('center' as const) : ('left' as const),
        })),
        rows: [
          BIEU_2.followUp.columns.map((c) =>
            c.field === 'moment' ? moment : doc.followUp[c.field],
          ),
        ],
      }),
      line('', { after: 240 }),
      closingBlock(documentRecipients([doc.council]), doc.party, orientation),
    ]),
  ])
}
