import { defineMessages } from '@caitien/shared'

export const authMessages = defineMessages(
  {
    login: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    signInTitle: 'Đăng nhập vào caitien',
    signInHint: 'Theo dõi từng hoạt động cải tiến, minh chứng và xác nhận của Tổ giám sát.',
    wrongLogin: 'Sai tên đăng nhập hoặc mật khẩu.',
    demoNotice: (p: { password: string }) =>
      `Đây là bản dùng thử (demo): mọi tài khoản demo có mật khẩu ${p.password}.`,
    forgotTitle: 'Quên mật khẩu?',
    forgotText:
      'Hiệu trưởng của trường đặt lại mật khẩu cho cán bộ, giáo viên. Mật khẩu của Hiệu trưởng do quản trị hệ thống đặt lại.',
  },
  {
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signInTitle: 'Sign in to caitien',
    signInHint: 'Follow every improvement action, its evidence and the monitoring team’s checks.',
    wrongLogin: 'Wrong login or password.',
    demoNotice: (p) => `This is a demo: every demo account has the password ${p.password}.`,
    forgotTitle: 'Forgot your password?',
    forgotText:
      "Your school's principal resets staff passwords. A principal's password is reset by the system administrator.",
  },
)
