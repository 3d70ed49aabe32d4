import type { CreatePlanInput, TimeframeChoice } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { useMutation } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

type PreviewEndpoint = (typeof client.api.plans)[':planId']['import']['preview']['$post']
type ConfirmEndpoint = (typeof client.api.plans)[':planId']['import']['confirm']['$post']
type ReadEndpoint = (typeof client.api.plans)['import']['read']['$post']

export type ImportPreview = InferResponseType<PreviewEndpoint, 200>
export type ImportRow = ImportPreview['rows'][number]
export type ImportProposal = ImportPreview['proposed'][number]
export type ImportLead = ImportPreview['leads'][number]
export type ImportMember = ImportPreview['members'][number]
export type ImportField = NonNullable<ImportPreview['mapping'][number]['field']>
export type ImportComparison = ImportPreview['comparison']
export type ImportResult = InferResponseType<ConfirmEndpoint, 200>
export type PlanFileReading = InferResponseType<ReadEndpoint, 200>

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
function uploadForm(
  file: File,
  mapping: ColumnChoices | null,
  timeframes: TimeframeChoice | null,
  leads?: LeadChoice[],
  acceptProse?: number[] | null,
): FormData {
  const form = new FormData()
  form.append('file', file)
  if (mapping) form.append('mapping', JSON.stringify(mapping))
  if (timeframes) form.append('timeframes', timeframes)
  if (leads) form.append('leads', JSON.stringify(leads))
  // Unset: the server's default (every row found in the text when the table has none).
  if (acceptProse) form.append('acceptProse', JSON.stringify(acceptProse))
  return form
}

/** What a file says about itself (school year, circular), before a new plan is made for it. */
export function useReadPlanFile() {
  return useMutation({
    mutationKey: ['plan-import', 'read'],
    mutationFn: ({ schoolId, file }: { schoolId: string; file: File }) =>
      parseResponse(
        client.api.plans.import.read.$post(
          { query: { schoolId } },
          { init: { body: uploadForm(file, null, null) } },
        ),
      ),
  })
}

export function useCreatePlanForImport() {
  return useMutation({
    mutationKey: ['plan-import', 'new-plan'],
    mutationFn: (input: CreatePlanInput) => parseResponse(client.api.plans.$post({ json: input })),
  })
}

export function usePreviewImport() {
  return useMutation({
    mutationKey: ['plan-import', 'preview'],
    mutationFn: ({
      planId,
      file,
      mapping,
      timeframes,
      acceptProse,
    }: {
      planId: string
      file: File
      mapping: ColumnChoices | null
      timeframes: TimeframeChoice | null
      acceptProse?: number[] | null
    }) =>
      parseResponse(
        client.api.plans[':planId'].import.preview.$post(
          { param: { planId } },
          { init: { body: uploadForm(file, mapping, timeframes, undefined, acceptProse) } },
        ),
      ),
  })
}

export function useConfirmImport() {
  return useMutation({
    mutationKey: ['plan-import', 'confirm'],
    mutationFn: ({
      planId,
      file,
      mapping,
      timeframes,
      leads,
      acceptProse,
    }: {
      planId: string
      file: File
      mapping: ColumnChoices
      timeframes: TimeframeChoice | null
      leads: LeadChoice[]
      acceptProse: number[]
    }) =>
      parseResponse(
        client.api.plans[':planId'].import.confirm.$post(
          { param: { planId } },
          { init: { body: uploadForm(file, mapping, timeframes, leads, acceptProse) } },
        ),
      ),
  })
}
