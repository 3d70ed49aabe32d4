import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

export const historyKeys = {
  imports: (planId: string) => ['plan-history', planId, 'imports'] as const,
}

export const importsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: historyKeys.imports(planId),
    queryFn: () => parseResponse(client.api.plans[':planId'].imports.$get({ param: { planId } })),
  })

export type PlanImports = InferResponseType<
  (typeof client.api.plans)[':planId']['imports']['$get'],
  200
>
export type PlanImport = PlanImports['imports'][number]

export function useUndoImport(planId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['plan-history', planId, 'undo'],
    mutationFn: (importId: string) =>
      parseResponse(
        client.api.plans[':planId'].imports[':importId'].undo.$post({
          param: { planId, importId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: historyKeys.imports(planId) }),
  })
}
