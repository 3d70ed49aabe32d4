import type { Lang } from '@caitien/shared'

/** "Nộp lần 2": which submission of the card this is. */
export function submissionShort(n: number, lang: Lang): string {
  return lang === 'vi' ? `Nộp lần ${n}` : `Submission ${n}`
}

const CHANGE_TEXT: Record<Lang, Record<string, string>> = {
  vi: { evidence_added: 'Thêm', evidence_deleted: 'Xoá', evidence_linked: 'Dùng chung' },
  en: { evidence_added: 'Added', evidence_deleted: 'Deleted', evidence_linked: 'Linked' },
}

/** What happened to an evidence item since the last send-back. */
export function changeText(action: string, lang: Lang): string {
  return CHANGE_TEXT[lang][action] ?? action
}
