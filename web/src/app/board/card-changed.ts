import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useCallback } from 'react'
import { boardKeys } from '@/features/board/api/board-queries'
import { cardKeys } from '@/features/card-detail/api/card-queries'
import { inboxKeys } from '@/features/inbox/api/inbox-queries'
import { progressKeys } from '@/features/progress-dashboard/api/progress-queries'
import { reviewQueueKeys } from '@/features/review-queue/api/review-queue-queries'

/*
 * The one place that knows what shows a card, so that a change to it refreshes them all:
 * the board, the card's detail, the review queue, the inbox and the monthly figures. It
 * lives in the app, which composes the features; no feature knows the others' queries.
 */

/**
 * Who saw the change first. 'here': a write made in this page (the card panel, a verdict,
 * an import). 'live': the plan's live events, which refresh the board themselves (they
 * know our own moves' echoes and hold events back while a move is in flight).
 */
export type ChangeOrigin = 'here' | 'live'

/** What to refresh after a change to a card (or to many cards: `cardId` null). */
export function queriesShowingCard(
  planId: string,
  cardId: string | null,
  origin: ChangeOrigin,
): QueryKey[] {
  return [
    ...(origin === 'here' ? [boardKeys.plan(planId)] : []),
    ...(cardId === null ? [] : [cardKeys.detail(cardId)]),
    reviewQueueKeys.plan(planId),
    inboxKeys.all,
    progressKeys.plan(planId),
  ]
}

/** `cardChanged(cardId, origin)` refreshes everything that shows the card. */
export function useCardChanged(planId: string) {
  const queryClient = useQueryClient()
  return useCallback(
    (cardId: string | null, origin: ChangeOrigin) => {
      for (const queryKey of queriesShowingCard(planId, cardId, origin)) {
        void queryClient.invalidateQueries({ queryKey })
      }
    },
    [queryClient, planId],
  )
}
