import { z } from 'zod'
import { formatDate } from './month.ts'
import { foldText } from './text.ts'

/*
 * The state layout of administrative documents (Nghị định 30/2020/NĐ-CP) as the school's
 * reports and plans use it: the header block (issuing body and school, the number | the
 * national motto, the place and date), "Kính gửi", "Nơi nhận" and the signature block.
 * Official documents are always in Vietnamese, whatever the language of who prints them.
 */

export const OFFICIAL_TEXT = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  to: 'Kính gửi:',
  recipients: 'Nơi nhận:',
  asAbove: 'Như trên',
  archive: 'Lưu: VT',
  /** Where a value is still to be written by hand. */
  blank: '……',
  signerTitle: 'HIỆU TRƯỞNG',
} as const

/** ND30's kinds of document the school issues here, with their abbreviations in "Số". */
export const DOCUMENT_KINDS = { report: 'BC', plan: 'KH' } as const
export type DocumentKind = keyof typeof DOCUMENT_KINDS

/** What a school sets once for its documents; null where it has not said. */
export interface DocumentSettings {
  /** Cơ quan chủ quản: "UBND XÃ HÒA BÌNH", "SỞ GD&ĐT HÀ NỘI". */
  issuingBody: string | null
  /** Địa danh before the date: "Hòa Bình". */
  placeName: string | null
  /** Ký hiệu after the kind in "Số: …/BC-THCSHB". */
  documentSymbol: string | null
  /** The body "Kính gửi" names: "Phòng Văn hóa - Xã hội UBND xã Hòa Bình". */
  overseerName: string | null
  /** "HIỆU TRƯỞNG", "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG". */
  signerTitle: string | null
  signerName: string | null
}

export const DOCUMENT_SETTING_LIMITS = {
  issuingBody: 200,
  placeName: 100,
  documentSymbol: 30,
  overseerName: 300,
  signerTitle: 100,
  signerName: 200,
} as const satisfies Record<keyof DocumentSettings, number>

const setting = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null))

/** `PUT /api/schools/:schoolId/document-settings`: every field; empty means "not set". */
export const documentSettingsInputSchema = z.object({
  issuingBody: setting(DOCUMENT_SETTING_LIMITS.issuingBody),
  placeName: setting(DOCUMENT_SETTING_LIMITS.placeName),
  documentSymbol: setting(DOCUMENT_SETTING_LIMITS.documentSymbol).refine(
    (v) => v === null || /^[\p{L}\p{N}.&-]+$/u.test(v),
    'documentSymbol: letters, digits and . & - only',
  ),
  overseerName: setting(DOCUMENT_SETTING_LIMITS.overseerName),
  signerTitle: setting(DOCUMENT_SETTING_LIMITS.signerTitle),
  signerName: setting(DOCUMENT_SETTING_LIMITS.signerName),
})
export type DocumentSettingsInput = z.infer<typeof documentSettingsInputSchema>

/**
 * A school's abbreviation for "Số", from its name when it has not set one: the words
 * written in capitals as they are, the first letter of the others, "Trường" left out.
 *
 * @example
 * defaultDocumentSymbol('Trường THCS Hòa Bình') // → 'THCSHB'
 */
export function defaultDocumentSymbol(schoolName: string): string {
  const words = schoolName.split(/\s+/).filter((w) => w && foldText(w) !== 'truong')
  const symbol = words
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.charAt(0).toUpperCase()))
    .join('')
  return (
    foldText(symbol)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '') || 'TRUONG'
  )
}

/** What a document prints of its school: the settings with their defaults filled in. */
export interface DocumentParty {
  issuingBody: string | null
  schoolName: string
  placeName: string
  documentSymbol: string
  overseerName: string
  signerTitle: string
  signerName: string
}

/**
 * The settings a document prints, with defaults for what a school has not set: no issuing
 * body line, dots for the place and the addressee, a symbol from the school's name,
 * "HIỆU TRƯỞNG" and the school's principal as signer.
 */
export function documentParty(
  school: { name: string; settings: DocumentSettings },
  principalName: string | null,
): DocumentParty {
  const s = school.settings
  return {
    issuingBody: s.issuingBody,
    schoolName: school.name,
    placeName: s.placeName ?? OFFICIAL_TEXT.blank,
    documentSymbol: s.documentSymbol ?? defaultDocumentSymbol(school.name),
    overseerName: s.overseerName ?? OFFICIAL_TEXT.blank,
    signerTitle: s.signerTitle ?? OFFICIAL_TEXT.signerTitle,
    signerName: s.signerName ?? principalName ?? '',
  }
}

/**
 * "Số:      /BC-THCSHB": the number is left blank for the school's clerk to give.
 *
 * @example
 * documentNumberLine('report', 'THCSHB') // → 'Số:      /BC-THCSHB'
 */
export function documentNumberLine(kind: DocumentKind, symbol: string): string {
  return `Số:      /${DOCUMENT_KINDS[kind]}-${symbol}`
}

/**
 * "Hòa Bình, ngày 03 tháng 11 năm 2026": place and date as ND30 writes them, days below
 * 10 and the months 1 and 2 with a leading zero, the other months without.
 *
 * @example
 * documentDateLine('Hòa Bình', '2026-03-05T03:00:00Z') // → 'Hòa Bình, ngày 05 tháng 3 năm 2026'
 */
export function documentDateLine(place: string, iso: string): string {
  const [d, m, y] = formatDate(iso).split('/') as [string, string, string]
  const month = Number(m) <= 2 ? m : String(Number(m))
  return `${place}, ngày ${d} tháng ${month} năm ${y}`
}

/** "Nơi nhận" as schools write it: the addressee, who else, the archive. */
export function documentRecipients(others: readonly string[] = []): string[] {
  const lines = [OFFICIAL_TEXT.asAbove, ...others, OFFICIAL_TEXT.archive]
  return lines.map((line, i) => `- ${line}${i === lines.length - 1 ? '.' : ';'}`)
}
