import type { Db } from '@caitien/db'
import { firstLine, tookPart } from '@caitien/shared'
import { NO_INVOLVEMENT, involvedIdsOf, listCardInvolvement } from '../cards/card.repository.ts'

const VERIFIED_WINDOW_DAYS = 60

/**
 * What needs this user's attention, across their schools: their cards sent back (with
 * the reason), cards waiting for their review (monitors; never their own cards), and
 * their cards verified lately. Items newer than the last time they opened the inbox
 * count as unread. "Their own cards" are those they took part in (tookPart), assigned now
 * or not.
 */
export async function loadInbox(db: Db, userId: string, now: Date) {
  const [memberships, assigned, seen] = await Promise.all([
    db
      .selectFrom('membership')
      .select(['school_id', 'role'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('card_assignee')
      .innerJoin('card', 'card.id', 'card_assignee.card_id')
      .select(['card.id'])
      .where('card_assignee.user_id', '=', userId)
      .where('card.deleted_at', 'is', null)
      .execute(),
    db.selectFrom('inbox_seen').select('seen_at').where('user_id', '=', userId).executeTakeFirst(),
  ])
  const monitorSchools = memberships.filter((m) => m.role === 'monitor').map((m) => m.school_id)
  const myCardIds = assigned.map((a) => a.id)
  const seenAt = seen?.seen_at ?? ''
  const since = new Date(now.getTime() - VERIFIED_WINDOW_DAYS * 86_400_000).toISOString()

  const cardColumns = [
    'card.id as cardId',
    'card.plan_id as planId',
    'card.criterion',
    'card.tasks',
    'card.target',
    'card.status',
    'plan.title as planTitle',
  ] as const

  const [reviews, waiting] = await Promise.all([
    myCardIds.length
      ? db
          .selectFrom('review')
          .innerJoin('card', 'card.id', 'review.card_id')
          .innerJoin('plan', 'plan.id', 'card.plan_id')
          .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
          .select([
            ...cardColumns,
            'review.at',
            'review.verdict',
            'review.reason',
            'app_user.display_name as reviewer',
          ])
          .where('review.card_id', 'in', myCardIds)
          .where('card.deleted_at', 'is', null)
          .orderBy('review.at', 'desc')
          .execute()
      : Promise.resolve([]),
    monitorSchools.length
      ? db
          .selectFrom('card')
          .innerJoin('plan', 'plan.id', 'card.plan_id')
          .select([...cardColumns, 'card.updated_at as at'])
          .where('card.school_id', 'in', monitorSchools)
          .where('card.status', '=', 'evidence_submitted')
          .where('card.deleted_at', 'is', null)
          .where('plan.state', '=', 'active')
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('card_assignee')
                  .select('card_assignee.card_id')
                  .whereRef('card_assignee.card_id', '=', 'card.id')
                  .where('card_assignee.user_id', '=', userId),
              ),
            ),
          )
          .orderBy('card.updated_at')
          .execute()
      : Promise.resolve([]),
  ])
  const title = (r: { tasks: string | null; target: string | null }) =>
    firstLine(r.tasks) || firstLine(r.target)
  const latestByCard = new Map<string, (typeof reviews)[number]>()
  for (const r of reviews) if (!latestByCard.has(r.cardId)) latestByCard.set(r.cardId, r)
  const item = (r: (typeof reviews)[number]) => ({
    cardId: r.cardId,
    planId: r.planId,
    planTitle: r.planTitle,
    criterion: r.criterion,
    title: title(r),
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
      title: title(r),
      at: r.at,
      unread: r.at > seenAt,
    }))
  const unread = [...sentBack, ...toReview, ...verified].filter((i) => i.unread).length
  return { sentBack, toReview, verified, unread, seenAt: seenAt || null }
}

export async function markInboxSeen(db: Db, userId: string, now: string): Promise<void> {
  await db
    .insertInto('inbox_seen')
    .values({ user_id: userId, seen_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ seen_at: now }))
    .execute()
}
