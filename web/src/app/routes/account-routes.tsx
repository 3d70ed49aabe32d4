import type { ReactNode } from 'react'
import type { Me } from '@/features/auth/api/session-queries'
import { AdminSchoolsPage, PeoplePage, ProfilePage } from '@/features/accounts'
import { AppHeader } from '../app-header'

/**
 * The account pages by address, inside the app's frame. Temporary: the router (issue 12,
 * "Addresses") replaces this switch on location.pathname. The administrator, who has no
 * plan, lands on the schools page.
 */
export function accountPage(pathname: string, me: Me): ReactNode {
  const adminHome = me.user.isAdmin && me.memberships.length === 0 && pathname === '/'
  if (adminHome) window.history.replaceState(null, '', '/admin/schools')
  if (pathname === '/account') return <Frame me={me}>{<ProfilePage me={me} />}</Frame>
  if (pathname === '/people') return <Frame me={me}>{<PeoplePage me={me} />}</Frame>
  if (adminHome || pathname === '/admin/schools') {
    return <Frame me={me}>{me.user.isAdmin ? <AdminSchoolsPage /> : <ProfilePage me={me} />}</Frame>
  }
  return null
}

function Frame({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={[]}
        planId={null}
        onPlanChange={ignore}
        roles={me.memberships.flatMap((m) => m.roles)}
        live={null}
      />
      <main className="app-main">{children}</main>
    </div>
  )
}

function ignore(): void {
  return undefined
}
