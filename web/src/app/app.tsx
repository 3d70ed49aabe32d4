import { useQuery } from '@tanstack/react-query'
import { Redirect, useLocation, useSearch } from 'wouter'
import { PasswordChangeScreen } from '@/features/accounts/components/password-change-screen'
import { meQueryOptions, useLogout } from '@/features/auth/api/session-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { pathOf, safeNext, screenOf } from './addresses'
import { SignedInRoute } from './routes/board-route'
import { LoginRoute } from './routes/login-route'
import { useSessionExpiry } from './use-session-expiry'

/**
 * Who is logged in decides between the login page and the app; the address decides the
 * screen (addresses.ts). Without a session every address but the login page goes to
 * `/login?next=<that address>`; after logging in, `next` opens (our own paths only).
 */
export function App() {
  const common = useMessages(commonMessages)
  const me = useQuery(meQueryOptions())
  const [path] = useLocation()
  const search = useSearch()
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
  const screen = screenOf(path, search)
  if (!me.data) {
    if (screen?.kind === 'login') return <LoginRoute />
    const next = safeNext(search ? `${path}?${search}` : path)
    return <Redirect to={pathOf({ kind: 'login', next })} replace />
  }
  // A one-time password: nothing else until the person has chosen their own.
  if (me.data.user.mustChangePassword)
    return <PasswordChangeScreen me={me.data} onLogout={() => logout.mutate()} />
  if (screen?.kind === 'login')
    return <Redirect to={screen.next ?? pathOf({ kind: 'home' })} replace />
  return <SignedInRoute me={me.data} screen={screen} />
}
