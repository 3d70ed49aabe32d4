import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import type { Me } from '@/features/auth/api/session-queries'
import { planKeys, plansQueryOptions } from '@/features/board/api/board-queries'
import { DeletedPlans } from '@/features/plans'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { AppHeader } from '../app-header'
import { appMessages } from '../app-messages'
import { PlanDialogs } from '../board/board-dialogs'
import { schoolForNewPlan } from '../board/capabilities'
import { PlanBoard } from '../board/plan-board'
import { BoardViewProvider, useBoardView, useBoardViewState } from '../board/use-board-view'

/**
 * The board page: the person's plans, the one in view (board/use-board-view.tsx), and the
 * dialogs that need no plan in view. Before the plan list is known, or when the person is
 * in no plan, a bare frame says so.
 */
export function BoardRoute({ me }: { me: Me }) {
  const common = useMessages(commonMessages)
  const plans = useQuery(plansQueryOptions())
  const view = useBoardViewState(plans.data?.plans)

  let content: ReactNode
  if (plans.isPending) {
    content = (
      <Shell me={me}>
        <p className="page-note">{common.loading}</p>
      </Shell>
    )
  } else if (plans.isError) {
    content = (
      <Shell me={me}>
        <LoadFailed
          message={common.loadFailed}
          retryLabel={common.retry}
          onRetry={() => void plans.refetch()}
        />
      </Shell>
    )
  } else if (!view.planId) {
    content = (
      <Shell me={me} roles={me.memberships.flatMap((m) => m.roles)}>
        <NoPlans me={me} />
      </Shell>
    )
  } else {
    content = <PlanBoard key={view.planId} me={me} plans={plans.data.plans} planId={view.planId} />
  }

  return (
    <BoardViewProvider value={view}>
      {content}
      <PlanDialogs />
    </BoardViewProvider>
  )
}

/** No plan yet: a principal may start one in their school. */
function NoPlans({ me }: { me: Me }) {
  const m = useMessages(appMessages)
  const { openDialog, choosePlan } = useBoardView()
  const queryClient = useQueryClient()
  const school = schoolForNewPlan(me.user.id, me.memberships)
  return (
    <>
      <div className="page-note">
        <p>{m.noPlans}</p>
        {school && (
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              openDialog({
                kind: 'new-plan',
                context: {
                  schoolId: school.schoolId,
                  schoolName: school.schoolName,
                  frameworkId: null,
                  schoolYear: null,
                },
              })
            }
          >
            {m.newPlan}
          </button>
        )}
      </div>
      {school && (
        <div className="settings-page">
          <DeletedPlans
            onRestored={async (planId) => {
              await queryClient.invalidateQueries({ queryKey: planKeys.list })
              choosePlan(planId)
            }}
          />
        </div>
      )}
    </>
  )
}

function Shell({
  me,
  roles = [],
  children,
}: {
  me: Me
  roles?: Me['memberships'][number]['roles']
  children: ReactNode
}) {
  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={[]}
        planId={null}
        onPlanChange={ignorePlanChange}
        roles={roles}
        live={null}
      />
      <main className="app-main">{children}</main>
    </div>
  )
}

/** Before a plan is loaded there is no plan to switch to. */
function ignorePlanChange(): void {
  return undefined
}
