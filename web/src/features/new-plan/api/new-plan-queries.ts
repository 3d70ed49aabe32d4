import type { CreatePlanInput } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

export const frameworkKeys = { list: ['frameworks'] as const }

/** Criteria frameworks change with a new circular, not during a visit. */
export const frameworksQueryOptions = () =>
  queryOptions({
    queryKey: frameworkKeys.list,
    queryFn: () => parseResponse(client.api.frameworks.$get()),
    staleTime: Infinity,
  })

export type Framework = InferResponseType<
  typeof client.api.frameworks.$get,
  200
>['frameworks'][number]

export function useCreatePlan() {
  return useMutation({
    mutationFn: (input: CreatePlanInput) => parseResponse(client.api.plans.$post({ json: input })),
  })
}
