import type { CardStatus } from '@caitien/shared'
import { parseResponse } from 'hono/client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useToast } from '@/components/ui/toast'
import { client } from '@/lib/api-client'
import { errorMessage } from '@/lib/api-error'
import { useI18n } from '@/lib/i18n'
import { placeCard, replaceCard, sortCards } from '../place-card'
import { boardQueryOptions } from './board-queries'

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
 * card where the server will → roll back and say why on error → refetch when settled.
 * A 409 (someone else changed the card) rolls back too; the refetch shows the card
 * as it now is.
 */
export function useMoveCard(planId: string) {
  const queryClient = useQueryClient()
  const { showToast } = useToast()
  const { t } = useI18n()
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
      showToast(errorMessage(error, t('moveFailed')))
    },
    onSuccess: (data) => {
      // The server's copy carries the new version, so a quick second move is not stale.
      queryClient.setQueryData(queryKey, (old) =>
        old ? { ...old, cards: sortCards(replaceCard(old.cards, data.card)) } : old,
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  })
}
