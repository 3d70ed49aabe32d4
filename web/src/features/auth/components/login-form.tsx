import { loginInputSchema } from '@caitien/shared'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { apiErrorOf, httpStatusOf } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { authMessages } from '../auth-messages'
import { useLogin } from '../api/session-queries'

export function LoginForm() {
  const m = useMessages(authMessages)
  const common = useMessages(commonMessages)
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
      setError(m.wrongLogin)
      return
    }
    setError(null)
    login.mutate(parsed.data, {
      onError: (err) => {
        const status = httpStatusOf(err)
        if (status === 401) setError(apiErrorOf(err)?.message || m.wrongLogin)
        else setError(apiErrorOf(err)?.message || common.networkError)
      },
    })
  }

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate>
      <h1 className="login-title">{m.signInTitle}</h1>
      <p className="login-hint">{m.signInHint}</p>
      <label className="field">
        <span className="field-label">{m.login}</span>
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
        <span className="field-label">{m.password}</span>
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
        {login.isPending ? m.signingIn : m.signIn}
      </button>
    </form>
  )
}

function formText(data: FormData, name: string): string {
  const value = data.get(name)
  return typeof value === 'string' ? value : ''
}
