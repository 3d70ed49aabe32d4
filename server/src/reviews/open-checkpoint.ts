import type { Db } from '@caitien/db'
import {
  checkpointOpenRefusal,
  checkpointPrefill,
  checkpointSource,
  cardNameText,
  councilChair,
  councilNames,
  councilTitleLabels,
  countLevels,
  deriveCompletionLevel,
  monthEndInstant,
  monthOf,
  replayActivity,
  type Checkpoint,
  type CheckpointOpenRefusal,
  type Month,
  type SnapshotCard,
} from '@caitien/shared'
import { listCardEntriesBefore } from '../activity/activity.repository.ts'
import { listSnapshotCards } from '../cards/card.repository.ts'
import { byPlanOrder } from '../plans/export-plan.ts'
import { checkpointMonthsOf } from './checkpoint-calendar.ts'
import {
  findReview,
  insertCheckpointEvent,
  insertReview,
  listReviewCards,
  type NewReviewRow,
} from './checkpoint.repository.ts'
import { loadCouncil } from './council.ts'

type PlanRef = { id: string; school_id: string; school_year: string; framework_id: string | null }

/**
 * Opens a plan's review at a checkpoint: one row per card on the board at that date, each with
 * its column then and its derived Mức độ thực hiện (deriveCompletionLevel), and table VI's
 * texts prefilled (the counts, the body and its chair). A past checkpoint reads the cards as
 * they stood at the end of its month, rebuilt from the activity log (checkpointSource); a
 * current or early one reads the board.
 */
export async function openCheckpoint(
  db: Db,
  input: {
    plan: PlanRef
    checkpoint: Checkpoint
    confirmEarly: boolean
    actorId: string
    now: Date
  },
): Promise<
  | { ok: true; reviewId: string }
  | { ok: false; reason: CheckpointOpenRefusal | 'no_school_year'; month?: Month }
> {
  const { plan, checkpoint } = input
  const months = await checkpointMonthsOf(db, plan)
  if (!months) return { ok: false, reason: 'no_school_year' }
  const month = months[checkpoint]
  const currentMonth = monthOf(input.now)
  const at = input.now.toISOString()
  return db.transaction().execute(async (trx) => {
    const refusal = checkpointOpenRefusal({
      exists: (await findReview(trx, plan.id, checkpoint)) !== undefined,
      checkpointMonth: month,
      currentMonth,
      confirmEarly: input.confirmEarly,
    })
    if (refusal) return { ok: false, reason: refusal, month }
    const source = checkpointSource(month, currentMonth)
    const [cards, texts, council] = await Promise.all([
      source === 'log'
        ? listCardEntriesBefore(trx, plan.id, monthEndInstant(month)).then(replayActivity)
        : listSnapshotCards(trx, plan.id),
      listReviewCards(trx, plan.id),
      loadCouncil(trx, plan),
    ])
    const rows = reviewRows(cards, texts, { checkpointMonth: month, yearEndMonth: months.yearEnd })
    const counts = countLevels(rows.map((r) => ({ level: r.derivedLevel })))
    const prefill = checkpointPrefill.vi
    const body = councilNames.vi[council.kind]
    const chairId = councilChair(council)
    const chair = council.members.find((m) => m.userId === chairId)
    const reviewId = crypto.randomUUID()
    await insertReview(trx, {
      id: reviewId,
      planId: plan.id,
      schoolId: plan.school_id,
      checkpoint,
      month,
      source,
      by: input.actorId,
      at,
      texts: {
        monitored: prefill[`monitored_${checkpoint}`]({ n: rows.length }),
        result: prefill.result({ n: rows.length, ...counts }),
        adjustment: '',
        assessor: chair
          ? prefill.assessorWithChair({
              body,
              title: councilTitleLabels.vi[council.kind].chair,
              name: chair.name,
            })
          : prefill.assessor({ body }),
      },
      rows,
    })
    await insertCheckpointEvent(trx, {
      reviewId,
      planId: plan.id,
      actorId: input.actorId,
      at,
      action: 'opened',
      detail: { source, rows: rows.length, early: currentMonth < month },
    })
    return { ok: true, reviewId }
  })
}

/** The rows, in the plan's order (as Biểu 2 and the exports list them). */
function reviewRows(
  cards: SnapshotCard[],
  texts: Awaited<ReturnType<typeof listReviewCards>>,
  at: { checkpointMonth: Month; yearEndMonth: Month },
): NewReviewRow[] {
  const byId = new Map(cards.map((c) => [c.id, c]))
  const rows: NewReviewRow[] = []
  for (const text of [...texts].sort(byPlanOrder)) {
    const card = byId.get(text.id)
    if (!card) continue
    rows.push({
      cardId: card.id,
      position: rows.length,
      standard: card.standard,
      criterion: card.criterion,
      // Named as its board tile names it, in full.
      title: cardNameText({
        tasks: text.tasks,
        target: text.target,
        criterionLabel: text.criterion_label,
        improvementContent: text.improvement_content,
      }),
      statusAt: card.status,
      dueMonth: card.dueMonth,
      derivedLevel: deriveCompletionLevel(card, at),
    })
  }
  return rows
}
