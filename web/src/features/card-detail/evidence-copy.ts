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

/** Shared with the server's messages (the storage quota). */
export { formatFileSize } from '@caitien/shared'

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
