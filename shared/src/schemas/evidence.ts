import { z } from 'zod'
import { matchesSearch } from '../text.ts'

/** Links and notes now; files arrive with the evidence issue. */
export const addEvidenceInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    title: z.string().trim().min(1).max(300),
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).max(2_000),
  }),
  z.object({
    kind: z.literal('note'),
    title: z.string().trim().min(1).max(300),
    note: z.string().trim().min(1).max(5_000),
  }),
])
export type AddEvidenceInput = z.infer<typeof addEvidenceInputSchema>

export const EVIDENCE_KINDS = ['link', 'note', 'file'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/** `GET /api/plans/:planId/evidence?q=`: the plan's items for the "link existing" picker. */
export const planEvidenceQuerySchema = z.object({
  q: z.string().max(200).optional(),
})
export type PlanEvidenceQuery = z.infer<typeof planEvidenceQuerySchema>

/**
 * Does an evidence item match the picker's search? Every word of `query` must occur in its
 * code, title, file name, or its card's criterion or title, ignoring case and diacritics.
 * The server filters `?q=` with it and the picker filters its loaded list with it.
 *
 * @example
 * matchesEvidenceSearch({ code: '[H3-3.3-01]', title: 'Biên bản', card: { criterion: '3.3' } }, 'bien ban 3.3') // → true
 */
export function matchesEvidenceSearch(
  item: {
    code: string | null
    title: string
    file?: { name: string } | null
    card: { criterion: string | null; title?: string | null }
  },
  query: string,
): boolean {
  const text = [item.code, item.title, item.file?.name, item.card.criterion, item.card.title]
    .filter(Boolean)
    .join(' ')
  return matchesSearch(text, query)
}
