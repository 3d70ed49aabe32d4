import type { DocumentSettingsInput } from '@caitien/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { parseResponse, type InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'

const settings = client.api.schools[':schoolId']['document-settings']

export const documentSettingsKeys = {
  school: (schoolId: string) => ['document-settings', schoolId] as const,
}

export const documentSettingsQueryOptions = (schoolId: string) =>
  queryOptions({
    queryKey: documentSettingsKeys.school(schoolId),
    queryFn: () => parseResponse(settings.$get({ param: { schoolId } })),
  })

export type DocumentSettingsAnswer = InferResponseType<typeof settings.$get, 200>

export function useSaveDocumentSettings(schoolId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: DocumentSettingsInput) =>
      parseResponse(settings.$put({ param: { schoolId }, json })),
    onSuccess: (answer) => queryClient.setQueryData(documentSettingsKeys.school(schoolId), answer),
  })
}
