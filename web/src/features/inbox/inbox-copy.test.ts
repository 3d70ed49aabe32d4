import { describe, expect, it } from 'vitest'
import { badgeText, inboxLabel, reviewerLine } from './inbox-copy'

describe('inbox copy', () => {
  it('names the bell with the unread count', () => {
    expect(inboxLabel(2, 'vi')).toBe('Hộp thư, 2 mục chưa đọc')
    expect(inboxLabel(0, 'vi')).toBe('Hộp thư, 0 mục chưa đọc')
    expect(inboxLabel(1, 'en')).toBe('Inbox, 1 unread item')
    expect(inboxLabel(3, 'en')).toBe('Inbox, 3 unread items')
  })

  it('caps the badge', () => {
    expect(badgeText(7)).toBe('7')
    expect(badgeText(120)).toBe('99+')
  })

  it('says who gave the verdict', () => {
    expect(reviewerLine('sent_back', 'Trần Văn Minh', 'vi')).toBe('Trả lại bởi Trần Văn Minh')
    expect(reviewerLine('verified', 'Minh', 'en')).toBe('Verified by Minh')
  })
})
