/*
 * Evidence codes follow the criteria framework of the plan: the 2018 circulars (guidance
 * 5932) write [Hn-a.b-xx], Thông tư 57/2026 writes MC.x.y.zz (DESIGN §6, §8). Which
 * frameworks use which style is this table, so a new circular is a data change.
 */

export const EVIDENCE_CODE_STYLES = ['box', 'mc'] as const
/** 'box': [Hn-a.b-xx] (2018 circulars); 'mc': MC.x.y.zz (TT57/2026). */
export type EvidenceCodeStyle = (typeof EVIDENCE_CODE_STYLES)[number]

/** Framework codes (their prefix) that write MC codes; every other framework writes [H…]. */
const MC_FRAMEWORKS = ['TT57-2026'] as const

/**
 * The code style of a plan's framework, by the framework's code ('TT18-2018',
 * 'TT57-2026-pho-thong'); a plan without a framework keeps the 2018 style.
 *
 * @example
 * evidenceCodeStyle('TT57-2026-pho-thong') // → 'mc'
 * evidenceCodeStyle('TT18-2018') // → 'box'
 */
export function evidenceCodeStyle(frameworkCode: string | null): EvidenceCodeStyle {
  return frameworkCode && MC_FRAMEWORKS.some((p) => frameworkCode.startsWith(p)) ? 'mc' : 'box'
}

/** The criterion's own number inside its standard: '1.5' → '5'. */
function criterionNumber(standard: string, criterion: string): string {
  return criterion.startsWith(`${standard}.`)
    ? criterion.slice(standard.length + 1)
    : (criterion.split('.').pop() ?? criterion)
}

/**
 * An evidence code: box n (the standard), criterion a.b and a two-digit sequence within the
 * criterion, in the framework's style.
 *
 * @example
 * evidenceCode('box', '1', '1.5', 3) // → '[H1-1.5-03]'
 * evidenceCode('mc', '1', '1.5', 3) // → 'MC.1.5.03'
 */
export function evidenceCode(
  style: EvidenceCodeStyle,
  standard: string,
  criterion: string,
  sequence: number,
): string {
  const seq = String(sequence).padStart(2, '0')
  switch (style) {
    case 'box':
      return `[H${standard}-${criterion}-${seq}]`
    case 'mc':
      return `MC.${standard}.${criterionNumber(standard, criterion)}.${seq}`
  }
}

/**
 * What every code of a criterion starts with (to find the codes already given), and how to
 * read the sequence back from one of them.
 *
 * @example
 * evidenceCodeSeries('mc', '1', '1.5').prefix // → 'MC.1.5.'
 * evidenceCodeSeries('mc', '1', '1.5').sequenceOf('MC.1.5.12') // → 12
 */
export function evidenceCodeSeries(style: EvidenceCodeStyle, standard: string, criterion: string) {
  const sample = evidenceCode(style, standard, criterion, 0)
  const prefix = sample.slice(0, sample.lastIndexOf('00'))
  const suffix = sample.slice(sample.lastIndexOf('00') + 2)
  return {
    prefix,
    /** The sequence of a code of this series; 0 for a code the school wrote another way. */
    sequenceOf(code: string | null): number {
      if (!code?.startsWith(prefix) || !code.endsWith(suffix)) return 0
      const digits = code.slice(prefix.length, code.length - suffix.length)
      return /^\d{1,4}$/.test(digits) ? Number(digits) : 0
    },
  }
}
