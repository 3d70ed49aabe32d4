import { describe, expect, it } from 'vitest'
import { sessionMessages } from './session-messages.ts'

describe('sessionMessages', () => {
  it('says seconds under a minute, minutes above, each language in its own words', () => {
    expect(sessionMessages.vi.tooManyLogins({ seconds: 1 })).toBe(
      'Đăng nhập sai nhiều lần. Hãy thử lại sau 1 giây.',
    )
    expect(sessionMessages.en.tooManyLogins({ seconds: 59 })).toBe(
      'Too many failed logins. Try again in 59 seconds.',
    )
    expect(sessionMessages.vi.tooManyPasswords({ seconds: 61 })).toBe(
      'Nhập sai mật khẩu nhiều lần. Hãy thử lại sau 2 phút.',
    )
    expect(sessionMessages.en.tooManyPasswords({ seconds: 60 })).toBe(
      'Too many wrong passwords. Try again in 1 minute.',
    )
  })
})
