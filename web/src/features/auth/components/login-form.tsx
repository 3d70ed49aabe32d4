import { loginInputSchema } from '@caitien/shared'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { apiErrorOf, httpStatusOf } from '@/lib/api-error'
import { useI18n } from '@/lib/i18n'
import { useLogin } from '../api/session-queries'

export function LoginForm() {
  const { t } = useI18n()
  const login = useLogin()
  const [error, setError] = useState<string | null>(null)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const parsed = loginInputSchema.safeParse({
      login: formText(data, 'login'),
      password: formText(data, 'password'),
    })
    if (!parsed.success) {
      setError(t('wrongLogin'))
      return
    }
    setError(null)
    login.mutate(parsed.data, {
      onError: (err) => {
        const status = httpStatusOf(err)
        if (status === 401) setError(apiErrorOf(err)?.message || t('wrongLogin'))
        else setError(apiErrorOf(err)?.message || t('networkError'))
      },
    })
  }

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate>
      <h1 className="login-title">{t('signInTitle')}</h1>
      <p className="login-hint">{t('signInHint')}</p>
      <label className="field">
        <span className="field-label">{t('login')}</span>
        <input
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
      </label>
      <label className="field">
        <span className="field-label">{t('password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={login.isPending}
      >
        {login.isPending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  )
}

function formText(data: FormData, name: string): string {
  const value = data.get(name)
  return typeof value === 'string' ? value : ''
}
