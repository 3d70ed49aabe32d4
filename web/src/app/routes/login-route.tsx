import { LoginForm } from '@/features/auth/components/login-form'
import { useI18n } from '@/lib/i18n'
import { LanguageSwitch } from '../language-switch'

export function LoginRoute() {
  const { t } = useI18n()
  return (
    <main className="login-page">
      <div className="login-corner">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('appName')}</span>
        </div>
        <p className="brand-tagline">{t('appTagline')}</p>
        <LoginForm />
      </div>
    </main>
  )
}
