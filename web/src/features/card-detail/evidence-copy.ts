import type { Lang } from '@caitien/shared'

/** What an evidence item looks like in the list: its icon and whether it can be shown inline. */
export type EvidenceIcon =
  'pdf' | 'image' | 'word' | 'excel' | 'powerpoint' | 'file' | 'link' | 'note'

const OFFICE: [needle: string, icon: EvidenceIcon][] = [
  ['wordprocessingml', 'word'],
  ['msword', 'word'],
  ['spreadsheetml', 'excel'],
  ['ms-excel', 'excel'],
  ['presentationml', 'powerpoint'],
  ['ms-powerpoint', 'powerpoint'],
]

export function evidenceIcon(kind: string, mimeType: string | null | undefined): EvidenceIcon {
  if (kind === 'link') return 'link'
  if (kind === 'note') return 'note'
  const mime = mimeType ?? ''
  if (mime === 'application/pdf') return 'pdf'
  if (mime.startsWith('image/')) return 'image'
  return OFFICE.find(([needle]) => mime.includes(needle))?.[1] ?? 'file'
}

/** PDF and images open inside the app; Office documents are downloaded. */
export function previewKind(mimeType: string): 'pdf' | 'image' | null {
  if (mimeType === 'application/pdf') return 'pdf'
  if (mimeType.startsWith('image/')) return 'image'
  return null
}

/**
 * A file size the way people read it, with the language's decimal mark.
 *
 * @example
 * formatFileSize(1_572_864, 'vi') // → '1,5 MB'
 */
export function formatFileSize(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(value)
  return `${text} ${units[unit]}`
}

/** "Lần nộp thứ 2" under a review: which submission the verdict was about. */
export function submissionLabel(n: number, lang: Lang): string {
  return lang === 'vi' ? `Lần nộp thứ ${n}` : `Submission ${n}`
}

/** "Nộp lại 2 lần" beside the review history. */
export function resubmissionsLabel(n: number, lang: Lang): string {
  if (lang === 'vi') return `Nộp lại ${n} lần`
  return n === 1 ? 'Resubmitted once' : `Resubmitted ${n} times`
}

/** "Dùng chung cho 2 thẻ" in the link picker: how many other cards already use an item. */
export function sharedWithLabel(n: number, lang: Lang): string {
  if (lang === 'vi') return `Dùng chung cho ${n} thẻ`
  return n === 1 ? 'Shared with 1 card' : `Shared with ${n} cards`
}

/** Read out when the picker's search changes what it shows. */
export function pickerCountLabel(n: number, lang: Lang): string {
  if (lang === 'vi') return `${n} minh chứng`
  return n === 1 ? '1 item' : `${n} items`
}
