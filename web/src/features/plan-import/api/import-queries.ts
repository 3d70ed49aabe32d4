import { parseResponse, type InferResponseType } from 'hono/client'
import { useMutation } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

type PreviewEndpoint = (typeof client.api.plans)[':planId']['import']['preview']['$post']
type ConfirmEndpoint = (typeof client.api.plans)[':planId']['import']['confirm']['$post']

export type ImportPreview = InferResponseType<PreviewEndpoint, 200>
export type ImportRow = ImportPreview['rows'][number]
export type ImportLead = ImportPreview['leads'][number]
export type ImportMember = ImportPreview['members'][number]
export type ImportField = NonNullable<ImportPreview['mapping'][number]['field']>
export type ImportResult = InferResponseType<ConfirmEndpoint, 200>

/** Column number (as text) → field, or null to ignore the column: the server's `mapping` field. */
export type ColumnChoices = Record<string, ImportField | null>

export interface LeadChoice {
  text: string
  userIds: string[]
}

/**
 * The routes read the upload with `parseBody` (no form validator), so the typed client
 * has no `form` argument for them: we hand it the FormData as the request body and keep
 * its URL building and inferred response types.
 */
function uploadForm(file: File, mapping: ColumnChoices | null, leads?: LeadChoice[]): FormData {
  const form = new FormData()
  form.append('file', file)
  if (mapping) form.append('mapping', JSON.stringify(mapping))
  if (leads) form.append('leads', JSON.stringify(leads))
  return form
}

export function usePreviewImport(planId: string) {
  return useMutation({
    mutationKey: ['plan-import', planId, 'preview'],
    mutationFn: ({ file, mapping }: { file: File; mapping: ColumnChoices | null }) =>
      parseResponse(
        client.api.plans[':planId'].import.preview.$post(
          { param: { planId } },
          { init: { body: uploadForm(file, mapping) } },
        ),
      ),
  })
}

export function useConfirmImport(planId: string) {
  return useMutation({
    mutationKey: ['plan-import', planId, 'confirm'],
    mutationFn: ({
      file,
      mapping,
      leads,
    }: {
      file: File
      mapping: ColumnChoices
      leads: LeadChoice[]
    }) =>
      parseResponse(
        client.api.plans[':planId'].import.confirm.$post(
          { param: { planId } },
          { init: { body: uploadForm(file, mapping, leads) } },
        ),
      ),
  })
}
