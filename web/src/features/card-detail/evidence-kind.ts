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
