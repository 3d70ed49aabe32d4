import type { Executor } from '@caitien/db'

/**
 * The reviews' SQL: the monitoring team's verdicts on submitted cards, and when each user
 * last opened their inbox (docs/decisions/020).
 */

export async function insertReview(
  db: Executor,
  review: {
    card: { id: string; plan_id: string; school_id: string }
    reviewerId: string
    verdict: 'verified' | 'sent_back'
    reason: string | null
    /** Which submission of the card the verdict answers (1 for the first). */
    submission: number
    now: string
  },
): Promise<void> {
  await db
    .insertInto('review')
    .values({
      id: crypto.randomUUID(),
      card_id: review.card.id,
      plan_id: review.card.plan_id,
      school_id: review.card.school_id,
      reviewer_id: review.reviewerId,
      at: review.now,
      verdict: review.verdict,
      reason: review.reason,
      submission: review.submission,
    })
    .execute()
}

/** A card's verdicts, newest first. */
export async function listCardReviews(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('review')
    .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
    .select([
      'review.id',
      'review.at',
      'review.verdict',
      'review.reason',
      'review.submission',
      'review.reviewer_id',
      'app_user.display_name',
    ])
    .where('review.card_id', '=', cardId)
    .orderBy('review.at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    verdict: r.verdict,
    reason: r.reason,
    submission: r.submission,
    reviewer: { id: r.reviewer_id, displayName: r.display_name },
  }))
}

/** The verdicts on a plan's cards that wait for review, oldest first. */
export async function listWaitingCardReviews(db: Executor, planId: string) {
  return db
    .selectFrom('review')
    .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
    .innerJoin('card', 'card.id', 'review.card_id')
    .select([
      'review.card_id',
      'review.at',
      'review.verdict',
      'review.reason',
      'app_user.display_name',
    ])
    .where('review.plan_id', '=', planId)
    .where('card.status', '=', 'evidence_submitted')
    .orderBy('review.at')
    .execute()
}

/** What the inbox shows of a card. */
const inboxCardColumns = [
  'card.id as cardId',
  'card.plan_id as planId',
  'card.criterion',
  'card.tasks',
  'card.target',
  'card.criterion_label',
  'card.improvement_content',
  'card.status',
  'plan.title as planTitle',
] as const

/** The verdicts on some live cards, newest first, with the card and the reviewer's name. */
export async function listReviewsOfCards(db: Executor, cardIds: readonly string[]) {
  if (cardIds.length === 0) return []
  return db
    .selectFrom('review')
    .innerJoin('card', 'card.id', 'review.card_id')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
    .select([
      ...inboxCardColumns,
      'review.at',
      'review.verdict',
      'review.reason',
      'app_user.display_name as reviewer',
    ])
    .where('review.card_id', 'in', [...cardIds])
    .where('card.deleted_at', 'is', null)
    .where('plan.deleted_at', 'is', null)
    .orderBy('review.at', 'desc')
    .execute()
}

/**
 * The cards waiting for review in these schools' active plans that the user is not
 * assigned to, oldest submission first.
 */
export async function listCardsToReview(
  db: Executor,
  input: { schoolIds: readonly string[]; userId: string },
) {
  if (input.schoolIds.length === 0) return []
  return db
    .selectFrom('card')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .select([...inboxCardColumns, 'card.updated_at as at'])
    .where('card.school_id', 'in', [...input.schoolIds])
    .where('card.status', '=', 'evidence_submitted')
    .where('card.deleted_at', 'is', null)
    .where('plan.state', '=', 'active')
    .where('plan.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('card_assignee')
            .select('card_assignee.card_id')
            .whereRef('card_assignee.card_id', '=', 'card.id')
            .where('card_assignee.user_id', '=', input.userId),
        ),
      ),
    )
    .orderBy('card.updated_at')
    .execute()
}

/** When the user last opened their inbox ('' when never). */
export async function findInboxSeenAt(db: Executor, userId: string): Promise<string> {
  const row = await db
    .selectFrom('inbox_seen')
    .select('seen_at')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.seen_at ?? ''
}

export async function updateInboxSeenAt(db: Executor, userId: string, now: string): Promise<void> {
  await db
    .insertInto('inbox_seen')
    .values({ user_id: userId, seen_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ seen_at: now }))
    .execute()
}
