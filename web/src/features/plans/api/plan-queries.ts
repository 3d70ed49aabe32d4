import type { DeletePlanInput, PlanSettingsPreviewQuery, UpdatePlanInput } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

export const planLifeKeys = {
  deleted: ['plans', 'deleted'] as const,
  preview: (planId: string, query: PlanSettingsPreviewQuery) =>
    ['plan-settings-preview', planId, query.schoolYear ?? null, query.frameworkId ?? null] as const,
}

/** What saving another school year or framework would change; nothing is written. */
export const planSettingsPreviewQueryOptions = (planId: string, query: PlanSettingsPreviewQuery) =>
  queryOptions({
    queryKey: planLifeKeys.preview(planId, query),
    queryFn: () =>
      parseResponse(
        client.api.plans[':planId'].settings.preview.$get({ param: { planId }, query }),
      ),
    staleTime: 0,
  })

export type PlanSettingsPreview = InferResponseType<
  (typeof client.api.plans)[':planId']['settings']['preview']['$get'],
  200
>

/** The deleted plans the person may restore (those of the schools they run). */
export const deletedPlansQueryOptions = () =>
  queryOptions({
    queryKey: planLifeKeys.deleted,
    queryFn: () => parseResponse(client.api.plans.deleted.$get()),
  })

export type DeletedPlan = InferResponseType<
  typeof client.api.plans.deleted.$get,
  200
>['plans'][number]

/**
 * A change to a plan's row; `onChanged` lets the app refresh what shows the plan (its list,
 * its board) without this feature knowing them.
 */
function usePlanWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onChanged?: () => Promise<void> | void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all([
        onChanged?.(),
        queryClient.invalidateQueries({ queryKey: planLifeKeys.deleted }),
      ])
    },
  })
}

export function useUpdatePlan(planId: string, onChanged?: () => Promise<void> | void) {
  return usePlanWrite(
    (json: UpdatePlanInput) =>
      parseResponse(client.api.plans[':planId'].$patch({ param: { planId }, json })),
    onChanged,
  )
}

export function useArchivePlan(planId: string, onChanged?: () => Promise<void> | void) {
  return usePlanWrite(
    async (archived: boolean) =>
      archived
        ? parseResponse(client.api.plans[':planId'].archive.$post({ param: { planId } }))
        : parseResponse(client.api.plans[':planId'].unarchive.$post({ param: { planId } })),
    onChanged,
  )
}

export function useDeletePlan(planId: string, onChanged?: () => Promise<void> | void) {
  return usePlanWrite(
    (json: DeletePlanInput) =>
      parseResponse(client.api.plans[':planId'].$delete({ param: { planId }, json })),
    onChanged,
  )
}

export function useRestorePlan(onChanged?: () => Promise<void> | void) {
  return usePlanWrite(
    (planId: string) =>
      parseResponse(client.api.plans[':planId'].restore.$post({ param: { planId } })),
    onChanged,
  )
}
