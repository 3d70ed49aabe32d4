import { describe, expect, it } from 'vitest'
import { badgeText, inboxMessages } from './inbox-messages'

describe('inbox messages', () => {
  it('names the bell with the unread count', () => {
    const { vi, en } = inboxMessages
    expect(vi.inboxUnread({ n: 2 })).toBe('Hộp thư, 2 mục chưa đọc')
    expect(vi.inboxUnread({ n: 0 })).toBe('Hộp thư, 0 mục chưa đọc')
    expect(en.inboxUnread({ n: 1 })).toBe('Inbox, 1 unread item')
    expect(en.inboxUnread({ n: 3 })).toBe('Inbox, 3 unread items')
  })

  it('caps the badge', () => {
    expect(badgeText(7)).toBe('7')
    expect(badgeText(120)).toBe('99+')
  })

  it('says who gave the verdict', () => {
    expect(inboxMessages.vi.sentBackBy({ reviewer: 'Trần Văn Minh' })).toBe(
      'Trả lại bởi Trần Văn Minh',
    )
    expect(inboxMessages.en.verifiedBy({ reviewer: 'Minh' })).toBe('Verified by Minh')
  })
})
