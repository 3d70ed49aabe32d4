import type { Db, Executor } from '@caitien/db'
import {
  CHECKPOINT_TEXT_FIELDS,
  checkpointEditRefusal,
  checkpointPrefill,
  countLevels,
  levelChangeRefusal,
  reopenRefusal,
  type Checkpoint,
  type CheckpointChangeRefusal,
  type CheckpointTextField,
  type CompletionLevel,
  type UpdateCheckpointInput,
} from '@caitien/shared'
import {
  findReview,
  findReviewRow,
  insertCheckpointEvent,
  listReviewRows,
  updateReviewRowLevel,
  updateReviewSignature,
  updateReviewTexts,
  type CheckpointEventInput,
  type ReviewRecord,
} from './checkpoint.repository.ts'
import { findDisplayName } from '../schools/account.repository.ts'

/** Why a change to a review was refused: a rule's refusal, or nothing to change. */
export type ReviewChangeRefusal =
  | { reason: 'not_opened' | 'not_in_review' }
  | { reason: Exclude<CheckpointChangeRefusal, 'signed'> }
  | { reason: 'signed'; signedBy: string; signedAt: string }

type Result = { ok: true } | ({ ok: false } & ReviewChangeRefusal)

type Who = { planId: string; checkpoint: Checkpoint; actorId: string; now: Date }

/**
 * Every change to a review, one skeleton: find the review in a transaction, let the command
 * decide or refuse (a signed review refuses with who signed it and when), make its writes,
 * then log what it did with who and when.
 */
async function changeReview(
  db: Db,
  who: Who,
  decide: (
    trx: Executor,
    review: ReviewRecord,
    at: string,
  ) => Promise<
    | { refusal: ReviewChangeRefusal }
    | { log: Omit<CheckpointEventInput, 'reviewId' | 'planId' | 'actorId' | 'at'>[] }
  >,
): Promise<Result> {
  const at = who.now.toISOString()
  return db.transaction().execute(async (trx) => {
    const review = await findReview(trx, who.planId, who.checkpoint)
    if (!review) return { ok: false, reason: 'not_opened' }
    const decision = await decide(trx, review, at)
    if ('refusal' in decision) return { ok: false, ...decision.refusal }
    for (const entry of decision.log) {
      await insertCheckpointEvent(trx, {
        ...entry,
        reviewId: review.id,
        planId: who.planId,
        actorId: who.actorId,
        at,
      } as CheckpointEventInput)
    }
    return { ok: true }
  })
}

function refusalOf(
  review: ReviewRecord,
  reason: CheckpointChangeRefusal,
): { refusal: ReviewChangeRefusal } {
  return reason === 'signed'
    ? {
        refusal: {
          reason,
          signedBy: review.signedBy?.name ?? '',
          signedAt: review.signedAt ?? '',
        },
      }
    : { refusal: { reason } }
}

/**
 * Sets a row's Mức độ thực hiện with its reason. When table VI's "Kết quả thực hiện" is still
 * the sentence the counts prefilled, it follows the new counts (and that is logged too).
 */
export function setRowLevel(
  db: Db,
  input: Who & { cardId: string; level: CompletionLevel; reason: string | undefined },
): Promise<Result> {
  return changeReview(db, input, async (trx, review, at) => {
    const refusal = levelChangeRefusal(review, input.reason)
    if (refusal) return refusalOf(review, refusal)
    const row = await findReviewRow(trx, review.id, input.cardId)
    if (!row) return { refusal: { reason: 'not_in_review' } }
    const rows = await listReviewRows(trx, [review.id])
    const resultBefore = resultSentence(rows)
    await updateReviewRowLevel(trx, {
      reviewId: review.id,
      cardId: input.cardId,
      level: input.level,
      reason: input.reason!.trim(),
      by: input.actorId,
      at,
    })
    const log: Omit<CheckpointEventInput, 'reviewId' | 'planId' | 'actorId' | 'at'>[] = [
      {
        action: 'level_changed',
        detail: { cardId: input.cardId, before: row.level, after: input.level },
        reason: input.reason!.trim(),
      },
    ]
    if (review.result === resultBefore) {
      const after = resultSentence(
        rows.map((r) => (r.cardId === input.cardId ? { ...r, level: input.level } : r)),
      )
      if (after !== review.result) {
        await updateReviewTexts(trx, review.id, { result: after }, at)
        log.push({
          action: 'fields_changed',
          detail: { changes: [{ field: 'result', before: review.result, after }] },
        })
      }
    }
    return { log }
  })
}

function resultSentence(rows: { level: CompletionLevel }[]): string {
  return checkpointPrefill.vi.result({ n: rows.length, ...countLevels(rows) })
}

/** Changes table VI's texts of an open review; an unchanged text is neither written nor logged. */
export function updateCheckpointTexts(
  db: Db,
  input: Who & { texts: UpdateCheckpointInput },
): Promise<Result> {
  return changeReview(db, input, async (trx, review, at) => {
    const refusal = checkpointEditRefusal(review)
    if (refusal) return refusalOf(review, refusal)
    const changes: { field: CheckpointTextField; before: string; after: string }[] = []
    for (const field of CHECKPOINT_TEXT_FIELDS) {
      const after = input.texts[field]?.trim()
      if (after !== undefined && after !== review[field]) {
        changes.push({ field, before: review[field], after })
      }
    }
    if (changes.length === 0) return { log: [] }
    await updateReviewTexts(
      trx,
      review.id,
      Object.fromEntries(changes.map((c) => [c.field, c.after])),
      at,
    )
    return { log: [{ action: 'fields_changed', detail: { changes } }] }
  })
}

/**
 * Signs a review off: it is locked until reopened. "Người đánh giá" left blank becomes the
 * signer's name.
 */
export function signCheckpoint(db: Db, input: Who): Promise<Result> {
  return changeReview(db, input, async (trx, review, at) => {
    const refusal = checkpointEditRefusal(review)
    if (refusal) return refusalOf(review, refusal)
    const actorName = (await findDisplayName(trx, input.actorId)) ?? ''
    const log: Omit<CheckpointEventInput, 'reviewId' | 'planId' | 'actorId' | 'at'>[] = []
    if (review.assessor.trim() === '') {
      await updateReviewTexts(trx, review.id, { assessor: actorName }, at)
      log.push({
        action: 'fields_changed',
        detail: { changes: [{ field: 'assessor', before: '', after: actorName }] },
      })
    }
    await updateReviewSignature(trx, review.id, { by: input.actorId, at }, at)
    const rows = await listReviewRows(trx, [review.id])
    log.push({ action: 'signed', detail: { counts: countLevels(rows) } })
    return { log }
  })
}

/** Reopens a signed review for editing, with the reason logged. */
export function reopenCheckpoint(
  db: Db,
  input: Who & { reason: string | undefined },
): Promise<Result> {
  return changeReview(db, input, async (trx, review, at) => {
    const refusal = reopenRefusal(review, input.reason)
    if (refusal) return refusalOf(review, refusal)
    await updateReviewSignature(trx, review.id, null, at)
    return { log: [{ action: 'reopened', detail: null, reason: input.reason!.trim() }] }
  })
}
