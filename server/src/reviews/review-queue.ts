import type { Db } from '@caitien/db'
import { tookPart } from '@caitien/shared'
import { listBoardCards } from '../cards/card.repository.ts'

const EVIDENCE_ACTIONS = ['evidence_added', 'evidence_deleted', 'evidence_linked'] as const

/**
 * The monitoring team's queue: every card waiting in "Đã nộp minh chứng", oldest
 * submission first, with what changed since its last send-back. A constant number of
 * queries: the board, the plan's submissions and evidence events, the plan's reviews.
 */
export async function listReviewQueue(db: Db, planId: string, userId: string) {
  const [cards, events, reviews] = await Promise.all([
    listBoardCards(db, planId),
    db
      .selectFrom('activity')
      .innerJoin('card', 'card.id', 'activity.card_id')
      .leftJoin('app_user', 'app_user.id', 'activity.actor_id')
      .select([
        'activity.card_id',
        'activity.at',
        'activity.action',
        'activity.detail',
        'app_user.display_name',
      ])
      .where('activity.plan_id', '=', planId)
      .where('card.status', '=', 'evidence_submitted')
      .where('activity.action', 'in', ['submit', ...EVIDENCE_ACTIONS])
      .orderBy('activity.seq')
      .execute(),
    db
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
      .execute(),
  ])
  return cards
    .filter((card) => card.status === 'evidence_submitted')
    .map((card) => {
      const mine = events.filter((e) => e.card_id === card.id)
      const submits = mine.filter((e) => e.action === 'submit')
      const lastSendBack = reviews
        .filter((r) => r.card_id === card.id && r.verdict === 'sent_back')
        .at(-1)
      const since = lastSendBack?.at ?? ''
      const changes = mine
        .filter((e) => e.action !== 'submit' && e.at > since && lastSendBack)
        .map((e) => {
          const detail = e.detail
            ? (JSON.parse(e.detail) as { title?: string; code?: string | null })
            : {}
          return {
            at: e.at,
            action: e.action,
            title: detail.title ?? '',
            code: detail.code ?? null,
            by: e.display_name ?? '',
          }
        })
      return {
        card,
        submittedAt: submits.at(-1)?.at ?? null,
        submission: submits.length,
        ownCard: tookPart(card, userId),
        lastSendBack: lastSendBack
          ? {
              at: lastSendBack.at,
              reason: lastSendBack.reason,
              reviewer: lastSendBack.display_name,
            }
          : null,
        changesSinceSendBack: changes,
      }
    })
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
}
