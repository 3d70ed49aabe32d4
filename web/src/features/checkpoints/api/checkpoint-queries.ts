import type {
  Checkpoint,
  CouncilInput,
  OpenCheckpointInput,
  SetRowLevelInput,
  UpdateCheckpointInput,
} from '@caitien/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { parseResponse, type InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'

const plans = client.api.plans[':planId']
const one = plans.checkpoints[':checkpoint']

export const checkpointKeys = {
  all: (planId: string) => ['checkpoints', planId] as const,
  list: (planId: string) => ['checkpoints', planId, 'list'] as const,
  one: (planId: string, checkpoint: Checkpoint) => ['checkpoints', planId, checkpoint] as const,
  council: (planId: string) => ['checkpoints', planId, 'council'] as const,
}

export const checkpointListQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: checkpointKeys.list(planId),
    queryFn: () => parseResponse(plans.checkpoints.$get({ param: { planId } })),
  })

export const checkpointQueryOptions = (planId: string, checkpoint: Checkpoint) =>
  queryOptions({
    queryKey: checkpointKeys.one(planId, checkpoint),
    queryFn: () => parseResponse(one.$get({ param: { planId, checkpoint } })),
  })

/** The review's report as .docx (a draft until signed off): a plain link, no script. */
export const checkpointReportHref = (planId: string, checkpoint: Checkpoint) =>
  one['report.docx'].$url({ param: { planId, checkpoint } }).href

export const councilQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: checkpointKeys.council(planId),
    queryFn: () => parseResponse(plans.council.$get({ param: { planId } })),
  })

export type CheckpointAnswer = InferResponseType<(typeof one)['$get'], 200>
export type Review = NonNullable<CheckpointAnswer['review']>
export type ReviewRow = Review['rows'][number]
export type CheckpointList = InferResponseType<(typeof plans.checkpoints)['$get'], 200>
export type PlanCouncil = CheckpointList['council']

/** Every change to a review answers the review: it replaces the cached one, the list refetches. */
function useReviewChange<I>(
  planId: string,
  checkpoint: Checkpoint,
  send: (input: I) => Promise<{ review: Review }>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSuccess: ({ review }) => {
      queryClient.setQueryData<CheckpointAnswer>(checkpointKeys.one(planId, checkpoint), (old) =>
        old ? { ...old, review } : old,
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: checkpointKeys.all(planId) }),
  })
}

export function useCheckpointCommands(planId: string, checkpoint: Checkpoint) {
  const param = { planId, checkpoint }
  return {
    open: useReviewChange(planId, checkpoint, (json: OpenCheckpointInput) =>
      parseResponse(one.open.$post({ param, json })),
    ),
    setLevel: useReviewChange(
      planId,
      checkpoint,
      ({ cardId, ...json }: SetRowLevelInput & { cardId: string }) =>
        parseResponse(one.rows[':cardId'].$put({ param: { ...param, cardId }, json })),
    ),
    updateTexts: useReviewChange(planId, checkpoint, (json: UpdateCheckpointInput) =>
      parseResponse(one.$patch({ param, json })),
    ),
    sign: useReviewChange(planId, checkpoint, () => parseResponse(one.sign.$post({ param }))),
    reopen: useReviewChange(planId, checkpoint, (json: { reason: string }) =>
      parseResponse(one.reopen.$post({ param, json })),
    ),
  }
}

export function useSaveCouncil(planId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: CouncilInput) =>
      parseResponse(plans.council.$put({ param: { planId }, json })),
    onSuccess: ({ council }) =>
      queryClient.setQueryData(checkpointKeys.council(planId), { council }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: checkpointKeys.all(planId) }),
  })
}
