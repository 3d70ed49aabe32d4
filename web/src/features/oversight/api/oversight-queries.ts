import type { ReviewAnswerInput, RollupQuery } from '@caitien/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { parseResponse, type InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'
import { inboxKeys } from '@/features/inbox/api/inbox-queries'

const bodies = client.api.bodies
const rollup = bodies[':bodyId'].rollup

export const oversightKeys = {
  bodies: ['bodies'] as const,
  rollup: (bodyId: string, query: RollupQuery) => ['bodies', bodyId, 'rollup', query] as const,
}

export const myBodiesQueryOptions = () =>
  queryOptions({
    queryKey: oversightKeys.bodies,
    queryFn: () => parseResponse(bodies.$get()),
  })

export type MyBody = InferResponseType<(typeof bodies)['$get'], 200>['bodies'][number]

export const rollupQueryOptions = (bodyId: string, query: RollupQuery) =>
  queryOptions({
    queryKey: oversightKeys.rollup(bodyId, query),
    queryFn: () => parseResponse(rollup.$get({ param: { bodyId }, query })),
  })

export type Rollup = InferResponseType<(typeof rollup)['$get'], 200>

/** The workbook's address, with the filters on screen: a plain link downloads it. */
export function rollupExportHref(bodyId: string, query: RollupQuery): string {
  const url = rollup.export.$url({ param: { bodyId }, query })
  return url.pathname + url.search
}

export function useAnswerReview(bodyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ reviewId, answer }: { reviewId: string; answer: ReviewAnswerInput }) =>
      parseResponse(
        bodies[':bodyId'].reviews[':reviewId'].answer.$post({
          param: { bodyId, reviewId },
          json: answer,
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: oversightKeys.bodies }),
        queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
      ]),
  })
}
