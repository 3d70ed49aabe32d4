import {
  BIEU_2,
  CHECKPOINTS,
  documentRecipients,
  type Bieu2Field,
  type Checkpoint,
  type DocumentParty,
  type FollowUpField,
  type ProblemField,
} from '@caitien/shared'
import { reportPlanLine } from '@caitien/shared/report-text'
import {
  closingBlock,
  gridTable,
  headerBlock,
  heading,
  line,
  lines,
  packDocument,
  pageSection,
  titleBlock,
  type GridColumn,
} from './official-document.ts'

/*
 * The plan as the TT57 form "Biểu 2" (Mẫu số 2, Phụ lục V): A4 landscape, sections I–VIII,
 * whose titles and table headings are read from shared/src/forms/tt57-bieu-2.ts. A pure
 * function of `Bieu2Document`: the route fills it from the plan, its problems, its cards and
 * its checkpoint reviews.
 */

/** One row of table IV, the plan's priority problems. */
export type Bieu2Problem = Record<Exclude<ProblemField, 'index'>, string>
/** One row of table V; `completionLevel` as the form prints it ("Hoàn thành"…). */
export type Bieu2Row = Record<Exclude<Bieu2Field, 'index'>, string>
/** One row of table VI, filled from a checkpoint review. */
export type Bieu2FollowUp = Record<Exclude<FollowUpField, 'moment'>, string>

/** The sections that are text rather than a table: their paragraphs, as the plan writes them. */
export type Bieu2TextSection = 'I' | 'II' | 'III' | 'VII' | 'VIII'

export interface Bieu2Document {
  party: DocumentParty
  plan: { title: string; schoolYear: string }
  /** The date printed beside the place (ISO). */
  date: string
  text: Partial<Record<Bieu2TextSection, string>>
  problems: readonly Bieu2Problem[]
  rows: readonly Bieu2Row[]
  followUp: Partial<Record<Checkpoint, Bieu2FollowUp>>
  /** "Nơi nhận" besides the addressee and the archive. */
  recipients: readonly string[]
}

/** Relative widths of the columns of each table, in the form's order. */
const PROBLEM_WEIGHTS: Record<ProblemField, number> = {
  index: 4,
  standard: 14,
  criteria: 14,
  currentState: 24,
  weakness: 22,
  cause: 22,
}
// Column (10) is wide enough for "Đang thực hiện" on one line at 12 pt.
const PLAN_WEIGHTS: Record<Bieu2Field, number> = {
  index: 4,
  improvementContent: 12,
  target: 11,
  tasks: 15,
  indicators: 11,
  timeframe: 8,
  lead: 9,
  support: 9,
  expectedEvidence: 10,
  completionLevel: 12,
}
const FOLLOW_UP_WEIGHTS: Record<FollowUpField, number> = {
  moment: 12,
  monitored: 26,
  result: 26,
  adjustment: 20,
  assessor: 16,
}
const CENTRED = new Set<string>(['index', 'timeframe', 'completionLevel', 'moment'])

function columnsOf<F extends string>(
  form: readonly { field: F; heading: string }[],
  weights: Record<F, number>,
): GridColumn[] {
  return form.map((c) => ({
    heading: c.heading,
    weight: weights[c.field],
    align: CENTRED.has(c.field) ? 'center' : 'left',
  }))
}

/** The .docx of a plan in the form of Biểu 2. */
export function renderBieu2(doc: Bieu2Document): Promise<Buffer> {
  const orientation = 'landscape'
  const title = (numeral: string) => {
    const section = BIEU_2.sections.find((s) => s.numeral === numeral)
    return heading(`${numeral}. ${section?.title.toUpperCase() ?? ''}`)
  }
  const text = (numeral: Bieu2TextSection) =>
    lines(doc.text[numeral]?.trim() || '……', { indent: true, align: 'justify' })
  const problems = gridTable({
    orientation,
    columns: columnsOf(BIEU_2.problems, PROBLEM_WEIGHTS),
    rows: doc.problems.map((p, i) =>
      BIEU_2.problems.map((c) => (c.field === 'index' ? String(i + 1) : p[c.field])),
    ),
  })
  const plan = gridTable({
    orientation,
    columns: columnsOf(BIEU_2.plan, PLAN_WEIGHTS),
    numbers: BIEU_2.plan.map((c) => `(${c.number})`),
    rows: doc.rows.map((r, i) =>
      BIEU_2.plan.map((c) => (c.field === 'index' ? String(i + 1) : r[c.field])),
    ),
  })
  const followUp = gridTable({
    orientation,
    columns: columnsOf(BIEU_2.followUp.columns, FOLLOW_UP_WEIGHTS),
    rows: CHECKPOINTS.map((checkpoint) => {
      const row = doc.followUp[checkpoint]
      return BIEU_2.followUp.columns.map((c) =>
        c.field === 'moment' ? BIEU_2.followUp.rows[checkpoint] : (row?.[c.field] ?? ''),
      )
    }),
  })
  return packDocument(`${BIEU_2.title} – ${doc.plan.title}`, [
    pageSection(orientation, [
      headerBlock(doc.party, 'plan', doc.date, orientation),
      ...titleBlock(BIEU_2.title, [reportPlanLine(doc.plan)]),
      title('I'),
      ...text('I'),
      title('II'),
      ...text('II'),
      title('III'),
      ...text('III'),
      title('IV'),
      problems,
      title('V'),
      plan,
      title('VI'),
      followUp,
      title('VII'),
      ...text('VII'),
      title('VIII'),
      ...text('VIII'),
      line('', { after: 240 }),
      closingBlock(documentRecipients(doc.recipients), doc.party, orientation),
    ]),
  ])
}
