import type { Db } from '@caitien/db'
import {
  EVIDENCE_LIST_TEXT,
  completionLevelLabels,
  councilNames,
  firstLine,
  type Checkpoint,
  type CheckpointReview,
  type CompletionLevel,
} from '@caitien/shared'
import { listCurrentProblems } from '../plans/plan-problem.repository.ts'
import { loadCheckpointReview, loadCheckpointReviews } from '../reviews/checkpoint-review.ts'
import { listPlanEvidence } from '../evidence/evidence-queries.ts'
import { loadExportCards, type ExportCard } from '../plans/export-plan.ts'
import { loadDocumentParty } from '../schools/document-settings.ts'
import { renderBieu2, type Bieu2Document, type Bieu2FollowUp, type Bieu2Row } from './bieu-2.ts'
import { renderCheckpointReport, type CheckpointReportDocument } from './checkpoint-report.ts'
import {
  renderEvidenceListDocx,
  renderEvidenceListXlsx,
  type EvidenceListDocument,
} from './evidence-list.ts'

/** What the plan documents read of a plan. */
export interface DocumentPlan {
  id: string
  school_id: string
  title: string
  school_year: string
  framework_id: string | null
}

const joined = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p?.trim())).join('\n')

/**
 * A card as a row of Biểu 2's table V. A TT57 card has its own "Nội dung cải tiến" and
 * "Chỉ số đánh giá"; a 2018 card's criterion and weakness stand for the content. Mức độ
 * thực hiện is the latest signed checkpoint review's level for the card, else what the
 * imported plan wrote.
 */
export function bieu2RowOf(card: ExportCard, reviewed?: CompletionLevel): Bieu2Row {
  return {
    improvementContent:
      card.improvementContent ??
      joined(
        card.criterionLabel ?? (card.criterion ? `Tiêu chí ${card.criterion}` : null),
        card.weakness,
      ),
    target: joined(card.target),
    tasks: joined(card.tasks, card.measures),
    indicators: joined(card.indicators),
    timeframe: joined(card.timeframe),
    lead: joined(card.lead, card.coordinators),
    support: joined(card.support, card.budget, card.fundingSource),
    expectedEvidence: joined(card.expectedEvidence),
    completionLevel: reviewed ? completionLevelLabels.vi[reviewed] : joined(card.completionLevel),
  }
}

/** A review's row of table VI, as Biểu 2 and the review's report print it. */
const followUpOf = (r: CheckpointReview): Bieu2FollowUp => ({
  monitored: r.monitored,
  result: r.result,
  adjustment: r.adjustment,
  assessor: r.assessor,
})

/** Biểu 2 of a plan: its problems (table IV), cards (V) and signed checkpoint reviews (VI). */
export async function loadBieu2(db: Db, plan: DocumentPlan, now: Date): Promise<Bieu2Document> {
  const [party, cards, problems, reviews] = await Promise.all([
    loadDocumentParty(db, plan.school_id),
    loadExportCards(db, plan.id),
    listCurrentProblems(db, plan.id),
    loadCheckpointReviews(db, plan),
  ])
  const signed = reviews.filter((r) => r.signedAt !== null)
  // The latest signed review's level per card (reviews come in the form's order).
  const levels = new Map(signed.flatMap((r) => r.rows.map((row) => [row.cardId, row.level])))
  return {
    party,
    plan: { title: plan.title, schoolYear: plan.school_year },
    date: now.toISOString(),
    text: {},
    problems: problems.map((p) => ({
      standard: joined(p.standard),
      criteria: p.criteriaText ?? p.criteria.join(', '),
      currentState: joined(p.currentState),
      weakness: joined(p.weakness),
      cause: joined(p.cause),
    })),
    rows: cards.map((card) => bieu2RowOf(card, levels.get(card.id))),
    followUp: Object.fromEntries(signed.map((r) => [r.checkpoint, followUpOf(r)])),
    recipients: [],
  }
}

export async function bieu2Docx(db: Db, plan: DocumentPlan, now: Date): Promise<Buffer> {
  return renderBieu2(await loadBieu2(db, plan, now))
}

/**
 * The report of a checkpoint review as recorded: its rows with the levels chosen, table VI's
 * texts, dated the sign-off, or today and marked as a draft while the review is open.
 * Undefined while the review has not been opened: there is nothing recorded to report.
 */
export async function loadCheckpointReport(
  db: Db,
  plan: DocumentPlan,
  checkpoint: Checkpoint,
  now: Date,
): Promise<CheckpointReportDocument | undefined> {
  const [party, review] = await Promise.all([
    loadDocumentParty(db, plan.school_id),
    loadCheckpointReview(db, plan, checkpoint),
  ])
  if (!review) return undefined
  return {
    party,
    plan: { title: plan.title, schoolYear: plan.school_year },
    checkpoint,
    date: review.signedAt ?? now.toISOString(),
    draft: review.signedAt === null,
    council: councilNames.vi[review.councilKind],
    rows: review.rows.map((row) => ({
      action: row.title,
      criterion: row.criterion,
      level: row.level,
      reason: row.reason,
    })),
    followUp: followUpOf(review),
  }
}

export async function checkpointReportDocx(
  db: Db,
  plan: DocumentPlan,
  checkpoint: Checkpoint,
  now: Date,
): Promise<Buffer | undefined> {
  const doc = await loadCheckpointReport(db, plan, checkpoint, now)
  return doc && renderCheckpointReport(doc)
}

/** The upper-case extension of a file name, its format in the list ("PDF"). */
const formatOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toUpperCase() ?? '—'

/** The plan's live evidence as the five-column list, in criterion order. */
export async function loadEvidenceList(
  db: Db,
  plan: DocumentPlan,
  now: Date,
): Promise<EvidenceListDocument> {
  const [party, items] = await Promise.all([
    loadDocumentParty(db, plan.school_id),
    listPlanEvidence(db, plan.id),
  ])
  const L = EVIDENCE_LIST_TEXT.location
  return {
    party,
    plan: { title: plan.title, schoolYear: plan.school_year },
    date: now.toISOString(),
    items: items.map((item) => ({
      code: item.code,
      title: item.title,
      location:
        item.kind === 'file' && item.file
          ? L.file({ format: formatOf(item.file.name), name: item.file.name })
          : item.kind === 'link' && item.url
            ? L.link({ url: item.url })
            : L.note,
      notes: EVIDENCE_LIST_TEXT.note({
        criterion: item.card.criterion,
        action: firstLine(item.card.title),
      }),
    })),
  }
}

export async function evidenceListFile(
  db: Db,
  plan: DocumentPlan,
  format: 'docx' | 'xlsx',
  now: Date,
): Promise<Buffer> {
  const doc = await loadEvidenceList(db, plan, now)
  return format === 'docx' ? renderEvidenceListDocx(doc) : renderEvidenceListXlsx(doc)
}
