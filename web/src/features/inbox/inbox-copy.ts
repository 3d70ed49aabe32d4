import type { Lang } from '@caitien/shared'

/** The bell's accessible name: "Hộp thư, 2 mục chưa đọc". */
export function inboxLabel(unread: number, lang: Lang): string {
  if (lang === 'vi') return `Hộp thư, ${unread} mục chưa đọc`
  return `Inbox, ${unread} unread ${unread === 1 ? 'item' : 'items'}`
}

/** The badge on the bell: the count, capped so it stays one small pill. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread)
}

/** "Trả lại bởi Trần Văn Minh" / "Xác nhận bởi …" under an item. */
export function reviewerLine(
  verdict: 'sent_back' | 'verified',
  reviewer: string,
  lang: Lang,
): string {
  if (lang === 'vi') return `${verdict === 'verified' ? 'Xác nhận' : 'Trả lại'} bởi ${reviewer}`
  return `${verdict === 'verified' ? 'Verified' : 'Sent back'} by ${reviewer}`
}
