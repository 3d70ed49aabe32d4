import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { boardKeys } from './board-queries'
import { isOwnMoveEcho, noteMissedEvent } from './board-sync'
import { moveMutationKey } from './use-move-card'

const CARD_EVENTS = ['card.changed', 'card.created', 'card.deleted'] as const
const RETRY_MS = 5000

export type LiveState = 'connecting' | 'live' | 'offline'

/**
 * Follows the plan's Server-Sent Events: any card event refetches the board, except the
 * echo of our own move (board-sync.ts), and tells the caller which card changed, for an
 * open detail panel. EventSource reconnects by
 * itself after a network error; after an HTTP error it gives up, so we start a new one.
 */
export function usePlanEvents(planId: string, onCardEvent?: (cardId: string) => void): LiveState {
  const queryClient = useQueryClient()
  const [state, setState] = useState<LiveState>('connecting')
  const onCardEventRef = useRef(onCardEvent)
  onCardEventRef.current = onCardEvent

  useEffect(() => {
    let source: EventSource | null = null
    let retry: number | undefined
    let opened = false
    let closed = false

    const refetchBoard = (cardId: string | null = null, version: unknown = null) => {
      // A move of ours in flight refetches when it settles (unless this was only its
      // echo); refetching now would flash the board back to the state before it.
      if (queryClient.isMutating({ mutationKey: moveMutationKey(planId) }) > 0) {
        noteMissedEvent(queryClient, planId, cardId, version)
        return
      }
      void queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) })
    }

    const connect = () => {
      source = new EventSource(`/api/plans/${encodeURIComponent(planId)}/events`)
      source.addEventListener('ready', () => {
        setState('live')
        // Events may have been missed while disconnected.
        if (opened) refetchBoard()
        opened = true
      })
      for (const type of CARD_EVENTS) {
        source.addEventListener(type, (event: MessageEvent<string>) => {
          let data: { cardId?: unknown; version?: unknown } = {}
          try {
            data = JSON.parse(event.data) as typeof data
          } catch {
            // a malformed event still refetches the board
          }
          const cardId = typeof data.cardId === 'string' ? data.cardId : null
          // Our own move coming back: its answer is already on the board.
          const echo =
            type === 'card.changed' &&
            cardId !== null &&
            isOwnMoveEcho(queryClient, planId, cardId, data.version)
          if (!echo) refetchBoard(cardId, data.version)
          if (cardId !== null) onCardEventRef.current?.(cardId)
        })
      }
      source.onerror = () => {
        setState('offline')
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close()
          retry = window.setTimeout(connect, RETRY_MS)
        }
      }
    }

    connect()
    return () => {
      closed = true
      window.clearTimeout(retry)
      source?.close()
    }
  }, [planId, queryClient])

  return state
}
