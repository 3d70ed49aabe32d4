import { describe, expect, it } from 'vitest'
import {
  PASSWORD_REJECTIONS,
  checkPassword,
  newPasswordSchema,
  passwordRejectionMessage,
  type PasswordRejection,
} from './password-policy.ts'

const context = { login: 'cohoa', current: 'hoa-phuong-do-2025' }

describe('checkPassword', () => {
  it.each<[string, PasswordRejection]>([
    ['x'.repeat(201), 'too_long'],
    ['        ', 'blank'],
    ['            ', 'blank'],
    ['\t \n ', 'blank'],
    ['cohoa', 'is_login'],
    ['CoHoa', 'is_login'],
    ['aohoc', 'is_login'],
    ['cohoa2026', 'is_login'],
    ['co.hoa.2026!', 'is_login'],
    ['12345678', 'too_short'],
    ['ngan-qua', 'too_short'],
    ['hoa-phuong-do-2025', 'same_as_current'],
    ['caitien123', 'demo_password'],
    ['CaiTien123', 'demo_password'],
    ['cai tien 123', 'demo_password'],
    ['1234567890', 'common'],
    ['123456789a', 'common'],
    ['matkhau123', 'common'],
    ['Mật khẩu 123', 'common'],
    ['MatKhau@2026', 'common'],
    ['password123!', 'common'],
    ['abc1234567', 'common'],
    ['anhyeuem123', 'common'],
    ['qwertyuiop', 'common'],
    ['1q2w3e4r5t', 'common'],
    ['zaq12wsxcde3', 'common'],
    ['aaaaaaaaaa', 'common'],
    ['abababababab', 'common'],
    ['matkhaumatkhau', 'common'],
    ['abcdefghijkl', 'common'],
    ['0987654321', 'common'],
    ['7890123456', 'common'],
    ['19/05/1990', 'common'],
    ['1990-05-19', 'common'],
    ['hoa19051995', 'common'],
    ['nguyen2026!', 'common'],
  ])('refuses %j as %s', (password, reason) => {
    expect(checkPassword(password, context)).toEqual({ ok: false, reason })
  })

  it.each([
    'hoa phượng đỏ sân trường',
    'test-password-1',
    'lop5a-day-toan-2026',
    'co-hoa-ban-trang-nui',
    '0912 387 465',
    'x7#9!2@4$1',
    'Tr4ng-Ti3n-Qu4n',
    'cohoa-thich-hoa-sen-trang',
  ])('accepts %j', (password) => {
    expect(checkPassword(password, context)).toEqual({ ok: true })
  })

  it('checks the login and the current password only when it knows them', () => {
    expect(checkPassword('cohoa-2026')).toEqual({ ok: true })
    expect(checkPassword('hoa-phuong-do-2025', { login: 'cohoa' })).toEqual({ ok: true })
  })

  it('counts characters, not UTF-16 units or decomposed accents', () => {
    // Nine letters, twelve code points when the accents come decomposed (NFD).
    expect(checkPassword('hồngnhưng'.normalize('NFD'))).toEqual({ ok: false, reason: 'too_short' })
    expect(checkPassword('😀😀😀😀😀😀😀😀😀')).toEqual({ ok: false, reason: 'too_short' })
    expect(checkPassword('😀😀😀😀😀ab😀😀c')).toEqual({ ok: true })
  })
})

describe('passwordRejectionMessage', () => {
  it.each(PASSWORD_REJECTIONS)('words %s in Vietnamese and English', (reason) => {
    const vi = passwordRejectionMessage(reason, 'vi')
    const en = passwordRejectionMessage(reason, 'en')
    expect(vi).toMatch(/^(Mật khẩu|Không được)/)
    expect(en).toMatch(/^(The|This) (new )?password/)
    expect(vi).not.toBe(en)
  })
})

describe('newPasswordSchema', () => {
  it('gives the reason as an issue worded in the language asked', () => {
    const result = newPasswordSchema({ login: 'cohoa' }, 'en').safeParse('cohoa')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(passwordRejectionMessage('is_login', 'en'))
    expect(newPasswordSchema({ login: 'cohoa' }).safeParse('hoa phượng đỏ').success).toBe(true)
  })
})
