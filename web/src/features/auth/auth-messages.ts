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
  },
  {
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signInTitle: 'Sign in to caitien',
    signInHint: 'Follow every improvement action, its evidence and the monitoring team’s checks.',
    wrongLogin: 'Wrong login or password.',
  },
)
