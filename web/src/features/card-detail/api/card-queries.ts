import type { AddEvidenceInput, CreateCardInput, UpdateCardInput } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

export const cardKeys = {
  all: ['card'] as const,
  detail: (cardId: string) => ['card', cardId] as const,
}

export const cardQueryOptions = (cardId: string) =>
  queryOptions({
    queryKey: cardKeys.detail(cardId),
    queryFn: () => parseResponse(client.api.cards[':cardId'].$get({ param: { cardId } })),
  })

export type CardDetailData = InferResponseType<(typeof client.api.cards)[':cardId']['$get'], 200>
export type CardDetail = CardDetailData['card']
export type ActivityEntry = CardDetail['activity'][number]
export type EvidenceItem = CardDetail['evidence'][number]
export type ReviewEntry = CardDetail['reviews'][number]

/**
 * Writes from the panel refetch the card; `onChanged` lets the caller refresh what
 * else shows it (the board's counts), without this feature knowing the board.
 */
function useCardWrite<TInput, TResult>(
  cardId: string,
  write: (input: TInput) => Promise<TResult>,
  onChanged?: () => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSettled: async () => {
      onChanged?.()
      await queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) })
    },
  })
}

export function useAddEvidence(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (input: AddEvidenceInput) =>
      parseResponse(client.api.cards[':cardId'].evidence.$post({ param: { cardId }, json: input })),
    onChanged,
  )
}

export function useAddComment(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (body: string) =>
      parseResponse(
        client.api.cards[':cardId'].comments.$post({ param: { cardId }, json: { body } }),
      ),
    onChanged,
  )
}

/** A plan's priority problems (Biểu 2's table IV), to link a card to one by hand. */
export const planProblemsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: ['plan', planId, 'problems'] as const,
    queryFn: () => parseResponse(client.api.plans[':planId'].problems.$get({ param: { planId } })),
  })

export function useSetCardProblem(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (problemId: string | null) =>
      parseResponse(
        client.api.cards[':cardId'].problem.$put({ param: { cardId }, json: { problemId } }),
      ),
    onChanged,
  )
}

export function useSetAssignees(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (input: { version: number; assigneeIds: string[] }) =>
      parseResponse(client.api.cards[':cardId'].assignees.$put({ param: { cardId }, json: input })),
    onChanged,
  )
}

export function useDeleteEvidence(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (evidenceId: string) =>
      parseResponse(client.api.evidence[':evidenceId'].$delete({ param: { evidenceId } })),
    onChanged,
  )
}

/** The principal adjusts an item's code; the server refuses a code used elsewhere in the plan. */
export function useSetEvidenceCode(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (input: { evidenceId: string; code: string }) =>
      parseResponse(
        client.api.evidence[':evidenceId'].$patch({
          param: { evidenceId: input.evidenceId },
          json: { code: input.code },
        }),
      ),
    onChanged,
  )
}

export const planEvidenceKeys = {
  all: ['plan-evidence'] as const,
  plan: (planId: string) => ['plan-evidence', planId] as const,
}

/** The plan's evidence items, for the picker that links one to the open card. */
export const planEvidenceQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: planEvidenceKeys.plan(planId),
    queryFn: () =>
      parseResponse(client.api.plans[':planId'].evidence.$get({ param: { planId }, query: {} })),
  })

export type PlanEvidenceItem = InferResponseType<
  (typeof client.api.plans)[':planId']['evidence']['$get'],
  200
>['items'][number]

/** Links an item of another card of the plan here; it keeps its code. */
export function useLinkEvidence(card: { id: string; planId: string }, onChanged?: () => void) {
  const queryClient = useQueryClient()
  return useCardWrite(
    card.id,
    (evidenceId: string) =>
      parseResponse(
        client.api.cards[':cardId'].evidence.links.$post({
          param: { cardId: card.id },
          json: { evidenceId },
        }),
      ),
    () => {
      onChanged?.()
      void queryClient.invalidateQueries({ queryKey: planEvidenceKeys.plan(card.planId) })
    },
  )
}

/** A new action on the plan (the principal); the board refreshes through `onChanged`. */
export function useCreateCard(planId: string) {
  return useMutation({
    mutationFn: (json: CreateCardInput) =>
      parseResponse(client.api.plans[':planId'].cards.$post({ param: { planId }, json })),
  })
}

/** Edits plan fields against the version the panel shows; a stale edit comes back 409. */
export function useUpdateCard(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (json: UpdateCardInput) =>
      parseResponse(client.api.cards[':cardId'].$patch({ param: { cardId }, json })),
    onChanged,
  )
}

export function useDeleteCard(cardId: string, onChanged?: () => void) {
  return useCardWrite(
    cardId,
    (version: number) =>
      parseResponse(client.api.cards[':cardId'].$delete({ param: { cardId }, json: { version } })),
    onChanged,
  )
}

export const deletedCardKeys = {
  plan: (planId: string) => ['deleted-cards', planId] as const,
}

/** The plan's deleted cards, to restore from (the principal). */
export const deletedCardsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: deletedCardKeys.plan(planId),
    queryFn: () =>
      parseResponse(client.api.plans[':planId']['deleted-cards'].$get({ param: { planId } })),
  })

export type DeletedCard = InferResponseType<
  (typeof client.api.plans)[':planId']['deleted-cards']['$get'],
  200
>['cards'][number]

/** Brings a deleted card back, in its column; the lists that show it refresh. */
export function useRestoreCard(planId: string, onChanged?: () => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (card: { id: string; version: number }) =>
      parseResponse(
        client.api.cards[':cardId'].restore.$post({
          param: { cardId: card.id },
          json: { version: card.version },
        }),
      ),
    onSettled: async (_data, _error, card) => {
      onChanged?.()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: deletedCardKeys.plan(planId) }),
        queryClient.invalidateQueries({ queryKey: cardKeys.detail(card.id) }),
      ])
    },
  })
}
