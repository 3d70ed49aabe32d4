import { useQuery } from '@tanstack/react-query'
import { PasswordChangeScreen } from '@/features/accounts'
import { meQueryOptions, useLogout } from '@/features/auth/api/session-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { accountPage } from './routes/account-routes'
import { BoardRoute } from './routes/board-route'
import { LoginRoute } from './routes/login-route'
import { useSessionExpiry } from './use-session-expiry'

export function App() {
  const common = useMessages(commonMessages)
  const me = useQuery(meQueryOptions())
  const logout = useLogout()
  useSessionExpiry()
  if (me.isPending) return <div className="splash">{common.loading}</div>
  if (me.isError) {
    return (
      <div className="splash">
        <p>{common.networkError}</p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {common.retry}
        </button>
      </div>
    )
  }
  if (!me.data) return <LoginRoute />
  if (me.data.user.mustChangePassword)
    return <PasswordChangeScreen me={me.data} onLogout={() => logout.mutate()} />
  return accountPage(window.location.pathname, me.data) ?? <BoardRoute me={me.data} />
}
