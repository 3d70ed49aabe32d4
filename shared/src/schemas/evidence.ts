import { z } from 'zod'

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

/**
 * The accreditation evidence code [Hn-a.b-xx]: box n (the standard), criterion a.b and
 * a two-digit sequence within the criterion (Công văn 5932/BGDĐT-QLCL).
 *
 * @example
 * evidenceCode('1', '1.5', 3) // → '[H1-1.5-03]'
 */
export function evidenceCode(standard: string, criterion: string, sequence: number): string {
  return `[H${standard}-${criterion}-${String(sequence).padStart(2, '0')}]`
}
