import { defineMessages, plural } from '@caitien/shared'

type Review = { reviewer: string }

export const inboxMessages = defineMessages(
  {
    inbox: 'Hộp thư',
    /** The bell's accessible name. */
    inboxUnread: (p: { n: number }) => `Hộp thư, ${p.n} mục chưa đọc`,
    sentBack: 'Thẻ bị trả lại',
    toReview: 'Chờ tôi xác nhận',
    verified: 'Thẻ đã được xác nhận',
    empty: 'Không có gì mới cho bạn.',
    unreadMark: 'Mới',
    sentBackBy: (p: Review) => `Trả lại bởi ${p.reviewer}`,
    verifiedBy: (p: Review) => `Xác nhận bởi ${p.reviewer}`,
  },
  {
    inbox: 'Inbox',
    inboxUnread: (p) => `Inbox, ${plural(p.n, 'unread item', 'unread items')}`,
    sentBack: 'Cards sent back',
    toReview: 'Waiting for my review',
    verified: 'Cards verified',
    empty: 'Nothing new for you.',
    unreadMark: 'New',
    sentBackBy: (p) => `Sent back by ${p.reviewer}`,
    verifiedBy: (p) => `Verified by ${p.reviewer}`,
  },
)

/** The badge on the bell: the count, capped so it stays one small pill. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread)
}
