import { canManagePeople, canManagePlan, canManageSchools } from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { useLocation } from 'wouter'
import { AdminSchoolsPage, PeoplePage, ProfilePage } from '@/features/accounts'
import type { Me } from '@/features/auth/api/session-queries'
import {
  boardKeys,
  planKeys,
  plansQueryOptions,
  type Plans,
} from '@/features/board/api/board-queries'
import { frameworksQueryOptions } from '@/features/new-plan/api/new-plan-queries'
import { PlanHistoryPage } from '@/features/plan-history'
import { PlanSettingsPage } from '@/features/plans'
import { pathOf } from './addresses'
import { NotAvailable } from './not-available'

/*
 * The screens that are not a board, each at its address (addresses.ts), shown inside the
 * app's frame by SignedInRoute. A screen the person may not open says "not available",
 * as for a plan they cannot see.
 */

export function AccountScreen({ me }: { me: Me }) {
  return <ProfilePage me={me} />
}

/** The school's people: for those who manage them (canManagePeople) in some school. */
export function PeopleScreen({ me }: { me: Me }) {
  const manages = me.memberships.some((s) => canManagePeople({ roles: s.roles }))
  return manages ? <PeoplePage me={me} /> : <NotAvailable />
}

/** Schools and their principals: the system administrator's page. */
export function SchoolsScreen({ me }: { me: Me }) {
  return canManageSchools(me.user) ? <AdminSchoolsPage /> : <NotAvailable />
}

export function PlanHistoryScreen({ planId }: { planId: string }) {
  return <PlanHistoryPage planId={planId} boardHref={pathOf({ kind: 'board', planId })} />
}

/**
 * A plan's settings. A plan deleted here stays on the page, with its restore, until the
 * person leaves (the plan list no longer has it); a plan never seen is not available.
 */
export function PlanSettingsScreen({ me, planId }: { me: Me; planId: string }) {
  const queryClient = useQueryClient()
  const [, navigate] = useLocation()
  const plans = useQuery(plansQueryOptions())
  const frameworks = useQuery(frameworksQueryOptions())
  const lastSeen = useRef<Plans[number] | null>(null)
  const found = plans.data?.plans.find((p) => p.id === planId)
  if (found) lastSeen.current = found
  const plan = found ?? lastSeen.current
  if (!plan) return <NotAvailable />
  const roles = me.memberships.find((s) => s.schoolId === plan.school.id)?.roles ?? []

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.list }),
      queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) }),
    ])
  }

  return (
    <PlanSettingsPage
      plan={plan}
      frameworks={frameworks.data?.frameworks ?? []}
      canManage={canManagePlan({ id: me.user.id, roles })}
      boardHref={pathOf({ kind: 'board', planId: plan.id })}
      onBack={() => navigate(pathOf({ kind: 'board', planId: plan.id }))}
      onChanged={refresh}
      onRestored={refresh}
    />
  )
}
