import { z } from 'zod'
import { COMMON_PASSWORDS } from './common-passwords.ts'
import { defineMessages, type Lang } from './messages.ts'

/**
 * Ten characters (docs/decisions/014): above NIST SP 800-63B's floor of eight, and with
 * online guessing throttled and common passwords refused, out of reach of guessing, while
 * still a phrase a teacher types on a phone ("hoaphuongdo", "lop5a-2026").
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 200

/** The password of the demo accounts: public (README), so never a real one. */
export const DEMO_PASSWORD = 'caitien123'

/** Why a new password is refused, in the order they are checked. */
export const PASSWORD_REJECTIONS = [
  'too_long',
  'blank',
  'is_login',
  'too_short',
  'same_as_current',
  'demo_password',
  'common',
] as const
export type PasswordRejection = (typeof PASSWORD_REJECTIONS)[number]
export type PasswordCheck = { ok: true } | { ok: false; reason: PasswordRejection }

const COMMON = new Set(COMMON_PASSWORDS)

/** Keyboard and keypad walks: any four or more keys along one is a pattern, both ways. */
const WALKS = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiop',
  'azertyuiop',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq12wsxcde34rfvbgt56yhnmju78ik9ol0p',
  'q1w2e3r4t5y6u7i8o9p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'qweasdzxc',
  '!@#$%^&*()',
  '7894561230',
  '1472583690',
  '3692581470',
]
const WALKS_BOTH_WAYS = [...WALKS, ...WALKS.map((w) => [...w].reverse().join(''))]

const length = (text: string) => [...text].length

/** Lower-case, no diacritics (đ → d), no spaces or separators: the form lists compare. */
function compact(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '')
}

/** A unit repeated ("aaaa", "abab", "matkhaumatkhau"), a run ("abcd", "9876"), a walk. */
function isPattern(text: string): boolean {
  const n = text.length
  if (n === 0) return true
  for (let unit = 1; unit <= n / 2; unit++) {
    if (text.slice(unit) === text.slice(0, n - unit)) return true
  }
  if (n >= 3) {
    const step = (a: string, b: string) => {
      const d = b.charCodeAt(0) - a.charCodeAt(0)
      // 0 follows 9 on the keyboard: "7890" and "0987" are runs too.
      if (/\d/.test(a) && /\d/.test(b) && Math.abs(d) === 9) return -Math.sign(d)
      return d
    }
    const first = step(text[0]!, text[1]!)
    if (
      Math.abs(first) === 1 &&
      [...text].every((c, i) => i === 0 || step(text[i - 1]!, c) === first)
    )
      return true
  }
  return n >= 4 && WALKS_BOTH_WAYS.some((walk) => walk.includes(text))
}

/** A day written as digits: 19051990, 19/05/1990, 1990-05-19 (separators already gone). */
function isDate(text: string): boolean {
  const digits = text.replace(/\//g, '')
  if (!/^\d{6,8}$/.test(digits)) return false
  const dayMonth = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12
  const n = (from: number, to: number) => Number(digits.slice(from, to))
  if (digits.length === 8)
    return (
      (dayMonth(n(0, 2), n(2, 4)) && /^(19|20)/.test(digits.slice(4))) ||
      (/^(19|20)/.test(digits) && dayMonth(n(6, 8), n(4, 6)))
    )
  return dayMonth(n(0, 2), n(2, 4))
}

/** Digits and symbols around a stem that add almost nothing: a year, "123", "@!". */
function isWeakAffix(text: string): boolean {
  const digits = text.replace(/\D/g, '')
  const symbols = text.replace(/[\p{L}\p{N}]/gu, '')
  const weakDigits = digits.length <= 4 || isPattern(digits) || isDate(digits) || COMMON.has(digits)
  return weakDigits && symbols.length <= 3
}

function isCommon(password: string): boolean {
  const text = compact(password)
  if (COMMON.has(text) || isPattern(text) || isDate(text)) return true
  const parts = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(text)
  if (!parts) return false
  const [, prefix = '', stem = '', suffix = ''] = parts
  if (stem === '' || stem === text) return false
  const weakStem = length(stem) <= 2 || COMMON.has(stem) || isPattern(stem)
  return weakStem && isWeakAffix(prefix) && isWeakAffix(suffix)
}

/** The login, backwards, or with fewer than six other characters around it. */
function isLoginLike(password: string, login: string): boolean {
  const text = compact(password)
  const name = compact(login)
  if (!name) return false
  if (text === name || [...text].reverse().join('') === name) return true
  return name.length >= 3 && text.includes(name) && text.length - name.length < 6
}

/**
 * The password policy, for every password a person chooses (API, CLI, web form). The
 * current password is compared as typed here; where only its hash is known (a reset), the
 * server compares against the hash.
 *
 * @example
 * checkPassword('12345678', { login: 'cohoa' }) // → { ok: false, reason: 'too_short' }
 * checkPassword('hoa phượng đỏ sân trường', { login: 'cohoa' }) // → { ok: true }
 */
export function checkPassword(
  password: string,
  context: { login?: string; current?: string } = {},
): PasswordCheck {
  const reason = ((): PasswordRejection | null => {
    if (length(password) > PASSWORD_MAX_LENGTH) return 'too_long'
    if (password.trim() === '') return 'blank'
    if (context.login !== undefined && isLoginLike(password, context.login)) return 'is_login'
    if (length(password.normalize('NFC')) < PASSWORD_MIN_LENGTH) return 'too_short'
    if (
      context.current !== undefined &&
      password.normalize('NFC') === context.current.normalize('NFC')
    )
      return 'same_as_current'
    if (compact(password) === DEMO_PASSWORD) return 'demo_password'
    if (isCommon(password)) return 'common'
    return null
  })()
  return reason ? { ok: false, reason } : { ok: true }
}

/** Why a password was refused, as a sentence for the person choosing it. */
export const passwordMessages = defineMessages(
  {
    too_long: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
    blank: 'Mật khẩu không được chỉ gồm dấu cách.',
    is_login: 'Mật khẩu không được là tên đăng nhập hoặc gần giống tên đăng nhập.',
    too_short: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    same_as_current: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    demo_password: 'Không được dùng mật khẩu của tài khoản dùng thử.',
    common:
      'Mật khẩu này quá phổ biến hoặc quá dễ đoán. Hãy chọn một cụm từ dài hơn mà chỉ bạn biết.',
  } satisfies Record<PasswordRejection, string>,
  {
    too_long: `The password must not be longer than ${PASSWORD_MAX_LENGTH} characters.`,
    blank: 'The password must not be only spaces.',
    is_login: 'The password must not be the login or close to it.',
    too_short: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    same_as_current: 'The new password must differ from the current one.',
    demo_password: 'The password of the demo accounts cannot be used.',
    common:
      'This password is too common or too easy to guess. Choose a longer phrase only you know.',
  },
)

/**
 * Why a password was refused, in `lang`.
 *
 * @example
 * passwordRejectionMessage('too_short', 'en') // → 'The password must have at least 10 characters.'
 */
export function passwordRejectionMessage(reason: PasswordRejection, lang: Lang = 'vi'): string {
  return passwordMessages[lang][reason]
}

/**
 * The policy as a zod schema for a form that knows the login: each failure is an issue
 * worded in `lang`.
 */
export function newPasswordSchema(
  context: { login?: string; current?: string } = {},
  lang: Lang = 'vi',
) {
  return z.string().superRefine((password, ctx) => {
    const check = checkPassword(password, context)
    if (!check.ok)
      ctx.addIssue({
        code: 'custom',
        message: passwordRejectionMessage(check.reason, lang),
        params: { reason: check.reason },
      })
  })
}
