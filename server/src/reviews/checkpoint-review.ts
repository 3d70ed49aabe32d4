import type { Executor } from '@caitien/db'
import {
  CHECKPOINTS,
  countLevels,
  monthOf,
  type Checkpoint,
  type CheckpointReview,
  type CheckpointSummary,
  type Month,
} from '@caitien/shared'
import { checkpointMonthsOf } from './checkpoint-calendar.ts'
import {
  findReview,
  listCheckpointEvents,
  listReviewRows,
  listReviewsOfPlans,
  type ReviewRecord,
} from './checkpoint.repository.ts'
import { loadCouncil } from './council.ts'

type PlanRef = { id: string; school_year: string; framework_id: string | null }

/**
 * A plan's checkpoint review as a typed record (shared CheckpointReview): table VI's texts,
 * the rows with their derived and chosen Mức độ thực hiện, counts per level, who signed and
 * the log. What the screen shows, and what the review report and Biểu 2 export render.
 * Undefined while the review has not been opened.
 */
export async function loadCheckpointReview(
  db: Executor,
  plan: PlanRef,
  checkpoint: Checkpoint,
): Promise<CheckpointReview | undefined> {
  const review = await findReview(db, plan.id, checkpoint)
  if (!review) return undefined
  const [rows, log, council] = await Promise.all([
    listReviewRows(db, [review.id]),
    listCheckpointEvents(db, review.id),
    loadCouncil(db, plan),
  ])
  return {
    ...review,
    month: review.month as CheckpointReview['month'],
    rows: rows.map(withoutReviewId),
    counts: countLevels(rows),
    councilKind: council.kind,
    log,
  }
}

function withoutReviewId<R extends { reviewId: string }>(row: R): Omit<R, 'reviewId'> {
  const copy: Partial<R> = { ...row }
  delete copy.reviewId
  return copy as Omit<R, 'reviewId'>
}

/** Both reviews of a plan for Biểu 2's table VI, in the form's order (missing ones absent). */
export async function loadCheckpointReviews(
  db: Executor,
  plan: PlanRef,
): Promise<CheckpointReview[]> {
  const reviews = await Promise.all(CHECKPOINTS.map((c) => loadCheckpointReview(db, plan, c)))
  return reviews.filter((r) => r !== undefined)
}

/** A review's place in a list, from its record and its rows' counts. */
function summaryOf(
  checkpoint: Checkpoint,
  month: CheckpointSummary['month'],
  currentMonth: CheckpointSummary['month'],
  review: ReviewRecord | undefined,
  levels: { level: CheckpointReview['rows'][number]['level'] }[],
): CheckpointSummary {
  return {
    checkpoint,
    month,
    state: !review ? 'not_opened' : review.signedAt ? 'signed' : 'open',
    due: currentMonth >= month,
    counts: review ? countLevels(levels) : null,
    signedAt: review?.signedAt ?? null,
    signedBy: review?.signedBy ?? null,
  }
}

/**
 * The checkpoints of each of these plans with their reviews' state and counts per level: the
 * plan's list of reviews and the school's years. Three queries whatever the number of plans,
 * and one per school year for its calendar.
 */
export async function summarizeCheckpoints(
  db: Executor,
  plans: { id: string; school_id: string; school_year: string }[],
  now: Date,
): Promise<Map<string, CheckpointSummary[]>> {
  const reviews = await listReviewsOfPlans(
    db,
    plans.map((p) => p.id),
  )
  const rows = await listReviewRows(
    db,
    reviews.map((r) => r.id),
  )
  const currentMonth = monthOf(now)
  const result = new Map<string, CheckpointSummary[]>()
  const calendars = new Map<string, ReturnType<typeof checkpointMonthsOf>>()
  for (const plan of plans) {
    const key = `${plan.school_id}\u0000${plan.school_year}`
    if (!calendars.has(key)) calendars.set(key, checkpointMonthsOf(db, plan))
    const months = await calendars.get(key)!
    if (!months) {
      result.set(plan.id, [])
      continue
    }
    result.set(
      plan.id,
      CHECKPOINTS.map((c) => {
        const review = reviews.find((r) => r.planId === plan.id && r.checkpoint === c)
        const levels = review ? rows.filter((r) => r.reviewId === review.id) : []
        // An opened review keeps the month it read, whatever the calendar says since.
        return summaryOf(
          c,
          (review?.month as Month | undefined) ?? months[c],
          currentMonth,
          review,
          levels,
        )
      }),
    )
  }
  return result
}
