import type { Db } from '@caitien/db'
import { tookPart } from '@caitien/shared'
import { listWaitingCardEntries } from '../activity/activity.repository.ts'
import { listBoardCards } from '../cards/card.repository.ts'
import { listWaitingCardReviews } from './review.repository.ts'

const EVIDENCE_ACTIONS = ['evidence_added', 'evidence_deleted', 'evidence_linked'] as const

/**
 * The monitoring team's queue: every card waiting in "Đã nộp minh chứng", oldest
 * submission first, with what changed since its last send-back. A constant number of
 * queries: the board, the plan's submissions and evidence events, the plan's reviews.
 */
export async function listReviewQueue(db: Db, planId: string, userId: string) {
  const [cards, events, reviews] = await Promise.all([
    listBoardCards(db, planId),
    listWaitingCardEntries(db, planId, ['submit', ...EVIDENCE_ACTIONS]),
    listWaitingCardReviews(db, planId),
  ])
  return cards
    .filter((card) => card.status === 'evidence_submitted')
    .map((card) => {
      const mine = events.filter((e) => e.cardId === card.id)
      const submits = mine.filter((e) => e.action === 'submit')
      const lastSendBack = reviews
        .filter((r) => r.card_id === card.id && r.verdict === 'sent_back')
        .at(-1)
      const since = lastSendBack?.at ?? ''
      const changes = mine.flatMap((e) =>
        e.action !== 'submit' && e.at > since && lastSendBack
          ? [{ at: e.at, action: e.action, title: e.detail.title, code: e.detail.code, by: e.by }]
          : [],
      )
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
