import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

const plan = client.api.plans[':planId']

export type YearProgress = InferResponseType<(typeof plan)['progress']['$get'], 200>
export type ProgressMonth = YearProgress['months'][number]
export type MonthView = InferResponseType<(typeof plan)['snapshots'][':month']['$get'], 200>
export type MonthSummary = MonthView['summary']
/** The names beside the month's codes, from the plan's framework (null: code alone). */
export type CriteriaNames = MonthView['names']
export type SummaryCard = MonthSummary['cards'][number]
export type StoredSnapshots = InferResponseType<(typeof plan)['snapshots']['$get'], 200>

export const progressKeys = {
  all: ['progress'] as const,
  plan: (planId: string) => ['progress', planId] as const,
  year: (planId: string) => ['progress', planId, 'year'] as const,
  month: (planId: string, month: string) => ['progress', planId, 'month', month] as const,
  snapshots: (planId: string) => ['progress', planId, 'snapshots'] as const,
}

/** The school year month by month, for the month picker and the cumulative-flow chart. */
export const yearProgressQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: progressKeys.year(planId),
    queryFn: () => parseResponse(plan.progress.$get({ param: { planId } })),
  })

export const monthViewQueryOptions = (planId: string, month: string) =>
  queryOptions({
    queryKey: progressKeys.month(planId, month),
    queryFn: () => parseResponse(plan.snapshots[':month'].$get({ param: { planId, month } })),
  })

export const snapshotsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: progressKeys.snapshots(planId),
    queryFn: () => parseResponse(plan.snapshots.$get({ param: { planId } })),
  })

/** The month's report as a download: a plain link, the browser does the rest. */
export function reportUrl(planId: string, month: string, format: 'docx' | 'xlsx'): string {
  return plan.snapshots[':month'].report.$url({ param: { planId, month }, query: { format } }).href
}

/** The monitoring team's remarks for the month; an empty text removes them. */
export function useSaveRemarks(planId: string, month: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['progress', planId, 'remarks', month],
    mutationFn: (text: string) =>
      parseResponse(
        plan.snapshots[':month'].remarks.$put({ param: { planId, month }, json: { text } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKeys.month(planId, month) }),
  })
}

/** "Chốt số liệu ngay": the principal freezes today's figures as an on-demand snapshot. */
export function useTakeSnapshot(planId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['progress', planId, 'take-snapshot'],
    mutationFn: () => parseResponse(plan.snapshots.$post({ param: { planId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKeys.plan(planId) }),
  })
}
