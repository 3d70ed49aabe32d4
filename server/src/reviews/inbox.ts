import type { Db } from '@caitien/db'
import { cardTitleOfRow, tookPart } from '@caitien/shared'
import {
  NO_INVOLVEMENT,
  involvedIdsOf,
  listAssignedCardIds,
  listCardInvolvement,
} from '../cards/card.repository.ts'
import {
  listReviewAnswersForPrincipal,
  listReviewsAwaitingAnswer,
} from '../oversight/body.repository.ts'
import { listUserRoles } from '../schools/account.repository.ts'
import {
  findInboxSeenAt,
  listCardsToReview,
  listReviewsOfCards,
  updateInboxSeenAt,
} from './review.repository.ts'

const VERIFIED_WINDOW_DAYS = 60

/**
 * What needs this user's attention, across their schools: their cards sent back (with
 * the reason), cards waiting for their review (monitors; never their own cards), and
 * their cards verified lately. Items newer than the last time they opened the inbox
 * count as unread. "Their own cards" are those they took part in (tookPart), assigned now
 * or not.
 */
export async function loadInbox(db: Db, userId: string, now: Date) {
  const [memberships, myCardIds, seenAt] = await Promise.all([
    listUserRoles(db, userId),
    listAssignedCardIds(db, userId),
    findInboxSeenAt(db, userId),
  ])
  const monitorSchools = memberships.filter((m) => m.role === 'monitor').map((m) => m.school_id)
  const since = new Date(now.getTime() - VERIFIED_WINDOW_DAYS * 86_400_000).toISOString()
  const [reviews, waiting] = await Promise.all([
    listReviewsOfCards(db, myCardIds),
    listCardsToReview(db, { schoolIds: monitorSchools, userId }),
  ])
  const latestByCard = new Map<string, (typeof reviews)[number]>()
  for (const r of reviews) if (!latestByCard.has(r.cardId)) latestByCard.set(r.cardId, r)
  const item = (r: (typeof reviews)[number]) => ({
    cardId: r.cardId,
    planId: r.planId,
    planTitle: r.planTitle,
    criterion: r.criterion,
    title: cardTitleOfRow(r),
    at: r.at,
    reason: r.reason,
    reviewer: r.reviewer,
    unread: r.at > seenAt,
  })
  const latest = [...latestByCard.values()]
  const sentBack = latest
    .filter((r) => r.verdict === 'sent_back' && r.status === 'in_progress')
    .map(item)
  const verified = latest
    .filter((r) => r.verdict === 'verified' && r.status === 'verified' && r.at >= since)
    .map(item)
  const involvement = await listCardInvolvement(db, { cardIds: waiting.map((r) => r.cardId) })
  const toReview = waiting
    .filter((r) => {
      const involvedIds = involvedIdsOf(
        'evidence_submitted',
        involvement.get(r.cardId) ?? NO_INVOLVEMENT,
      )
      return !tookPart({ assigneeIds: [], involvedIds }, userId)
    })
    .map((r) => ({
      cardId: r.cardId,
      planId: r.planId,
      planTitle: r.planTitle,
      criterion: r.criterion,
      title: cardTitleOfRow(r),
      at: r.at,
      unread: r.at > seenAt,
    }))
  // Reviews going up (docs/decisions/029): the bodies' answers to the principal, the signed
  // reviews waiting for an overseer's answer.
  const [answers, awaiting] = await Promise.all([
    listReviewAnswersForPrincipal(db, userId, 50),
    listReviewsAwaitingAnswer(db, userId, 100),
  ])
  const overseerAnswers = answers.map((a) => ({
    id: a.id,
    planId: a.plan_id,
    planTitle: a.plan_title,
    checkpoint: a.checkpoint,
    bodyName: a.body_name,
    by: a.user_name,
    verdict: a.verdict,
    reason: a.reason,
    at: a.at,
    /** The answer is to the review's current signing (not one before a reopening). */
    current: a.signed_at === a.review_signed_at,
    unread: a.at > seenAt,
  }))
  const reviewsToAnswer = awaiting.map((r) => ({
    reviewId: r.review_id,
    checkpoint: r.checkpoint,
    planId: r.plan_id,
    planTitle: r.plan_title,
    schoolName: r.school_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    at: r.signed_at!,
    unread: r.signed_at! > seenAt,
  }))
  const unread = [
    ...sentBack,
    ...toReview,
    ...verified,
    ...overseerAnswers,
    ...reviewsToAnswer,
  ].filter((i) => i.unread).length
  return {
    sentBack,
    toReview,
    verified,
    overseerAnswers,
    reviewsToAnswer,
    unread,
    seenAt: seenAt || null,
  }
}

export async function markInboxSeen(db: Db, userId: string, now: string): Promise<void> {
  await updateInboxSeenAt(db, userId, now)
}
