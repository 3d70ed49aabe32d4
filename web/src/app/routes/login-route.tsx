import { LoginForm } from '@/features/auth/components/login-form'
import { LoginNotes } from '@/features/auth/components/login-notes'
import { useMessages } from '@/lib/i18n'
import { appMessages } from '../app-messages'
import { LanguageSwitch } from '../language-switch'

export function LoginRoute() {
  const m = useMessages(appMessages)
  return (
    <main className="login-page">
      <div className="login-corner">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{m.appName}</span>
        </div>
        <p className="brand-tagline">{m.appTagline}</p>
        <LoginForm />
        <LoginNotes />
      </div>
    </main>
  )
}
