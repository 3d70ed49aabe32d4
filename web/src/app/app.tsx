import { useQuery } from '@tanstack/react-query'
import { Suspense, lazy } from 'react'
import { meQueryOptions } from '@/features/auth/api/session-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { BoardRoute } from './routes/board-route'
import { LoginRoute } from './routes/login-route'
import { useSessionExpiry } from './use-session-expiry'

// Temporary, until the router: /plans/:planId/history shows the plan's history page.
const PlanHistoryPage = lazy(() =>
  import('@/features/plan-history').then((m) => ({ default: m.PlanHistoryPage })),
)
const HISTORY_PATH = /^\/plans\/([^/]+)\/history\/?$/

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
  const history = HISTORY_PATH.exec(window.location.pathname)
  if (history) {
    return (
      <Suspense fallback={<div className="splash">{common.loading}</div>}>
        <PlanHistoryPage planId={decodeURIComponent(history[1]!)} />
      </Suspense>
    )
  }
  return <BoardRoute me={me.data} />
}
