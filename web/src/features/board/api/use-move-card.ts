import type { CardStatus } from '@caitien/shared'
import { parseResponse } from 'hono/client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useToast } from '@/components/ui/toast'
import { client } from '@/lib/api-client'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { placeCard, replaceCard, sortCards } from '../place-card'
import { boardQueryOptions } from './board-queries'
import { noteOwnMove, takeMissedEvents } from './board-sync'

export interface MoveVariables {
  kind: 'move' | 'reorder'
  cardId: string
  version: number
  to: CardStatus
  beforeCardId: string | null
  reason?: string
}

export const moveMutationKey = (planId: string) => ['board', planId, 'move'] as const

/**
 * A move or a reorder, optimistic (TanStack's flow): cancel → snapshot → place the
 * card where the server will → take the server's copy on success (no refetch unless it
 * differs or live events came meanwhile: board-sync.ts) → roll back, say why and refetch
 * on error. A 409 (someone else changed the card) rolls back too; the refetch shows the
 * card as it now is.
 */
export function useMoveCard(planId: string) {
  const queryClient = useQueryClient()
  const { showToast } = useToast()
  const common = useMessages(commonMessages)
  const { queryKey } = boardQueryOptions(planId)

  return useMutation({
    mutationKey: moveMutationKey(planId),
    mutationFn: (v: MoveVariables) => {
      const param = { cardId: v.cardId }
      if (v.kind === 'reorder') {
        return parseResponse(
          client.api.cards[':cardId'].reorder.$post({
            param,
            json: { version: v.version, beforeCardId: v.beforeCardId },
          }),
        )
      }
      return parseResponse(
        client.api.cards[':cardId'].move.$post({
          param,
          json: {
            to: v.to,
            version: v.version,
            beforeCardId: v.beforeCardId,
            ...(v.reason ? { reason: v.reason } : {}),
          },
        }),
      )
    },
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey })
      const previous = queryClient.getQueryData(queryKey)
      if (previous) {
        queryClient.setQueryData(queryKey, {
          ...previous,
          cards: placeCard(previous.cards, {
            cardId: v.cardId,
            to: v.to,
            beforeCardId: v.beforeCardId,
          }),
        })
      }
      return { previous }
    },
    onError: (error, _v, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous)
      showToast(errorMessage(error, common.moveFailed))
      takeMissedEvents(queryClient, planId)
      void queryClient.invalidateQueries({ queryKey })
    },
    onSuccess: (data) => {
      const placed = queryClient.getQueryData(queryKey)?.cards.find((c) => c.id === data.card.id)
      // The server's copy carries the new version, so a quick second move is not stale.
      queryClient.setQueryData(queryKey, (old) =>
        old ? { ...old, cards: sortCards(replaceCard(old.cards, data.card)) } : old,
      )
      noteOwnMove(queryClient, planId, data.card.id, data.card.version)
      // The server places a card by the rule the optimistic update used: the same position
      // means nothing else changed. Another (a renumbered column, which is rare) or events
      // missed meanwhile: refetch.
      const same = placed?.position === data.card.position && placed.status === data.card.status
      const missed = takeMissedEvents(queryClient, planId, {
        cardId: data.card.id,
        version: data.card.version,
      })
      if (missed || !same) void queryClient.invalidateQueries({ queryKey })
    },
  })
}
