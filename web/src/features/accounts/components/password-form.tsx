import { checkPassword, passwordRejectionMessage } from '@caitien/shared'
import { useId, useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { useChangePassword } from '../api/accounts-queries'

/**
 * Current password, the new one twice. The password policy of shared is checked as one
 * types (the server checks it again); the change ends every other session.
 */
export function PasswordForm({
  login,
  currentLabel,
  submitLabel,
  onChanged,
}: {
  login: string
  currentLabel?: string
  submitLabel?: string
  onChanged?: () => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const { lang } = useI18n()
  const id = useId()
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  return (
    <form
      className="acc-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setDone(false)
        const check = checkPassword(next, { login, current })
        if (!check.ok) return setProblem(passwordRejectionMessage(check.reason, lang))
        if (next !== again) return setProblem(m.passwordsDiffer)
        setProblem(null)
        change.mutate(
          { currentPassword: current, newPassword: next },
          {
            onSuccess: () => {
              setCurrent('')
              setNext('')
              setAgain('')
              setDone(true)
              onChanged?.()
            },
          },
        )
      }}
    >
      <label className="field" htmlFor={`${id}-current`}>
        <span className="field-label">{currentLabel ?? m.currentPassword}</span>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
      </label>
      <label className="field" htmlFor={`${id}-new`}>
        <span className="field-label">{m.newPassword}</span>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label className="field" htmlFor={`${id}-again`}>
        <span className="field-label">{m.repeatPassword}</span>
        <input
          id={`${id}-again`}
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          required
        />
      </label>
      <p className="muted acc-note">{m.passwordRule}</p>
      {(problem !== null || change.isError) && (
        <p className="form-error" role="alert">
          {problem ?? errorMessage(change.error, common.networkError)}
        </p>
      )}
      {done && (
        <p className="acc-ok" role="status">
          {m.passwordChanged}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={change.isPending}>
          {change.isPending ? common.saving : (submitLabel ?? m.changePassword)}
        </button>
      </div>
    </form>
  )
}
