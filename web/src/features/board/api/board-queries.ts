import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions } from '@tanstack/react-query'
import { client } from '@/lib/api-client'
import { shareCards } from './share-cards'

export const boardKeys = {
  all: ['board'] as const,
  plan: (planId: string) => ['board', planId] as const,
}

export const planKeys = { list: ['plans'] as const }

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: planKeys.list,
    queryFn: () => parseResponse(client.api.plans.$get()),
  })

export const boardQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: boardKeys.plan(planId),
    queryFn: () => parseResponse(client.api.plans[':planId'].board.$get({ param: { planId } })),
    // Unchanged cards keep their objects across moves and refetches: their tiles stay put.
    structuralSharing: shareCards,
  })

export type Plans = InferResponseType<typeof client.api.plans.$get, 200>['plans']
export type BoardData = InferResponseType<
  (typeof client.api.plans)[':planId']['board']['$get'],
  200
>
export type BoardCard = BoardData['cards'][number]
export type BoardMember = BoardData['members'][number]
