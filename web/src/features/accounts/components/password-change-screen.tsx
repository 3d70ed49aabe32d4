import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { PasswordForm } from './password-form'

/**
 * Right after a login with a password someone else set (a one-time password, or the demo
 * password on a server that is not a demo): nothing else opens until a new one is chosen,
 * and the server refuses everything else meanwhile (password_change_required).
 */
export function PasswordChangeScreen({
  me,
  onLogout,
}: {
  me: { user: { login: string; displayName: string } }
  onLogout: () => void
}) {
  const m = useMessages(accountsMessages)
  return (
    <main className="login-page">
      <div className="login-card acc-forced" data-testid="password-change-required">
        <h1 className="login-title">{m.forcedTitle}</h1>
        <p className="login-hint">{m.forcedHint}</p>
        <p className="muted">
          {me.user.displayName} · <code>{me.user.login}</code>
        </p>
        <PasswordForm
          login={me.user.login}
          currentLabel={m.forcedCurrent}
          submitLabel={m.forcedSubmit}
        />
        <button type="button" className="button button-quiet button-block" onClick={onLogout}>
          {m.logout}
        </button>
      </div>
    </main>
  )
}
