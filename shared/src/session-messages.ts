import { defineMessages } from './messages.ts'

/** How long to wait, in whole seconds (at least 1). */
type Wait = { seconds: number }

const minutes = (seconds: number) => Math.ceil(seconds / 60)
const waitVi = ({ seconds }: Wait) =>
  seconds < 60 ? `${seconds} giây` : `${minutes(seconds)} phút`
const waitEn = ({ seconds }: Wait) => {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : [minutes(seconds), 'minute']
  return `${n} ${unit}${n > 1 ? 's' : ''}`
}

/** Logging in, out, and changing one's password. */
export const sessionMessages = defineMessages(
  {
    invalidCredentials: 'Sai tên đăng nhập hoặc mật khẩu.',
    wrongCurrentPassword: 'Mật khẩu hiện tại không đúng.',
    tooManyLogins: (p: Wait) => `Đăng nhập sai nhiều lần. Hãy thử lại sau ${waitVi(p)}.`,
    tooManyPasswords: (p: Wait) => `Nhập sai mật khẩu nhiều lần. Hãy thử lại sau ${waitVi(p)}.`,
  },
  {
    invalidCredentials: 'Wrong login or password.',
    wrongCurrentPassword: 'The current password is wrong.',
    tooManyLogins: (p) => `Too many failed logins. Try again in ${waitEn(p)}.`,
    tooManyPasswords: (p) => `Too many wrong passwords. Try again in ${waitEn(p)}.`,
  },
)
