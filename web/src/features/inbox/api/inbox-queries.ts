import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

export type InboxData = InferResponseType<typeof client.api.inbox.$get, 200>
export type InboxSentBack = InboxData['sentBack'][number]
export type InboxToReview = InboxData['toReview'][number]
export type InboxVerified = InboxData['verified'][number]

export const inboxKeys = { all: ['inbox'] as const }

/** Live events refetch it too (the app invalidates `inboxKeys.all`); this is the fallback. */
const REFRESH_MS = 60_000

export const inboxQueryOptions = () =>
  queryOptions({
    queryKey: inboxKeys.all,
    queryFn: () => parseResponse(client.api.inbox.$get()),
    refetchInterval: REFRESH_MS,
  })

export function useMarkInboxSeen() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['inbox', 'seen'],
    mutationFn: () => parseResponse(client.api.inbox.seen.$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  })
}
