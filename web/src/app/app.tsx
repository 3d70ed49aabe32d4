import { useQuery } from '@tanstack/react-query'
import { meQueryOptions } from '@/features/auth/api/session-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { BoardRoute } from './routes/board-route'
import { LoginRoute } from './routes/login-route'
import { SettingsRoute } from './routes/settings-route'
import { useSessionExpiry } from './use-session-expiry'

export function App() {
  const common = useMessages(commonMessages)
  const me = useQuery(meQueryOptions())
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
  // Temporary, until the router lands: the plan settings page's address.
  const settings = /^\/plans\/([^/]+)\/settings\/?$/.exec(window.location.pathname)
  if (settings) return <SettingsRoute me={me.data} planId={decodeURIComponent(settings[1]!)} />
  return <BoardRoute me={me.data} />
}
