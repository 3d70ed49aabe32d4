import { canManagePlan } from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import type { Me } from '@/features/auth/api/session-queries'
import {
  boardKeys,
  planKeys,
  plansQueryOptions,
  type Plans,
} from '@/features/board/api/board-queries'
import { frameworksQueryOptions } from '@/features/new-plan/api/new-plan-queries'
import { DeletedPlans, PlanSettingsPage } from '@/features/plans'
import { plansMessages } from '@/features/plans/plans-messages'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { AppHeader } from '../app-header'
import { storePlan } from '../early-loads'

/** Goes to the board, showing this plan (until the router gives the board its address). */
function openBoard(planId: string) {
  storePlan(planId)
  window.location.assign('/')
}

/**
 * `/plans/:planId/settings`: the plan list and the frameworks, composed around the plans
 * feature's settings page. A plan deleted here stays on the page (with its restore) until
 * the person leaves.
 */
export function SettingsRoute({ me, planId }: { me: Me; planId: string }) {
  const common = useMessages(commonMessages)
  const m = useMessages(plansMessages)
  const queryClient = useQueryClient()
  const plans = useQuery(plansQueryOptions())
  const frameworks = useQuery(frameworksQueryOptions())
  const lastSeen = useRef<Plans[number] | null>(null)
  const found = plans.data?.plans.find((p) => p.id === planId)
  if (found) lastSeen.current = found
  const plan = found ?? lastSeen.current
  const roles = plan ? (me.memberships.find((s) => s.schoolId === plan.school.id)?.roles ?? []) : []
  const principalSomewhere = me.memberships.some((s) =>
    canManagePlan({ id: me.user.id, roles: s.roles }),
  )

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.list }),
      queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) }),
    ])
  }

  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={plans.data?.plans ?? []}
        planId={plan ? planId : null}
        onPlanChange={(id) => window.location.assign(`/plans/${id}/settings`)}
        roles={roles}
        live={null}
      />
      <main className="app-main settings-main">
        {plans.isPending && <p className="page-note">{common.loading}</p>}
        {plans.isError && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void plans.refetch()}
          />
        )}
        {plans.isSuccess && plan && (
          <PlanSettingsPage
            plan={plan}
            frameworks={frameworks.data?.frameworks ?? []}
            canManage={canManagePlan({ id: me.user.id, roles })}
            boardHref={`/plans/${plan.id}`}
            onBack={() => openBoard(plan.id)}
            onChanged={refresh}
            onRestored={refresh}
          />
        )}
        {plans.isSuccess && !plan && (
          <div className="settings-page">
            <p className="page-note">{m.notFound}</p>
            {principalSomewhere && <DeletedPlans always onRestored={refresh} />}
          </div>
        )}
      </main>
    </div>
  )
}
