import type { CardStatus } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

type QueueEndpoint = (typeof client.api.plans)[':planId']['review-queue']['$get']

export type ReviewQueueData = InferResponseType<QueueEndpoint, 200>
export type QueueItem = ReviewQueueData['queue'][number]
export type QueueChange = QueueItem['changesSinceSendBack'][number]

export const reviewQueueKeys = {
  all: ['review-queue'] as const,
  plan: (planId: string) => ['review-queue', planId] as const,
}

/** Only the monitoring team and the principal may read the queue; others never ask. */
export const reviewQueueQueryOptions = (planId: string, enabled = true) =>
  queryOptions({
    queryKey: reviewQueueKeys.plan(planId),
    queryFn: () =>
      parseResponse(client.api.plans[':planId']['review-queue'].$get({ param: { planId } })),
    enabled,
  })

export interface Verdict {
  cardId: string
  version: number
  /** Where the shared rule (`checkMove`) found the verdict takes the card. */
  to: CardStatus
  /** Required to send back; an optional comment with a verification. */
  reason: string
}

/**
 * A verdict is a move (DESIGN §3), decided by `checkMove` like any other. The queue
 * refetches either way: after a 409 someone else's verdict won and the card has left the
 * queue or changed.
 */
export function useVerdict(planId: string, onChanged?: (cardId: string) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['review-queue', planId, 'verdict'],
    mutationFn: (v: Verdict) => {
      const reason = v.reason.trim()
      return parseResponse(
        client.api.cards[':cardId'].move.$post({
          param: { cardId: v.cardId },
          json: {
            to: v.to,
            version: v.version,
            ...(reason ? { reason } : {}),
          },
        }),
      )
    },
    onSettled: async (_data, _error, v) => {
      onChanged?.(v.cardId)
      await queryClient.invalidateQueries({ queryKey: reviewQueueKeys.plan(planId) })
    },
  })
}
