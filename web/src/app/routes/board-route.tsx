import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import { LoadFailed } from '@/components/ui/load-failed'
import type { Me } from '@/features/auth/api/session-queries'
import { planKeys, plansQueryOptions, type Plans } from '@/features/board/api/board-queries'
import { DeletedPlans } from '@/features/plans/components/deleted-plans'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { pathOf, type Screen } from '../addresses'
import { AppHeader } from '../app-header'
import { appMessages } from '../app-messages'
import { PlanDialogs } from '../board/board-dialogs'
import { schoolForNewPlan } from '../board/capabilities'
import { PlanBoard } from '../board/plan-board'
import { BoardViewProvider, useBoardView, useBoardViewState } from '../board/use-board-view'
import { NotAvailable, NotFound } from '../not-available'
import {
  AccountScreen,
  CheckpointsScreen,
  OversightScreen,
  PeopleScreen,
  SchoolYearsScreen,
  PlanHistoryScreen,
  PlanSettingsScreen,
  SchoolsScreen,
  BodiesScreen,
} from '../screens'

/**
 * Everything behind the login: the screen the address names (addresses.ts) in the app's
 * frame. `/` lands on the person's plan (the server chooses: their last plan, or the one
 * where something waits for them). A plan they are not in, like one that does not exist,
 * shows "not available".
 */
export function SignedInRoute({ me, screen }: { me: Me; screen: Screen | null }) {
  const common = useMessages(commonMessages)
  const plans = useQuery(plansQueryOptions())
  const view = useBoardViewState(screen)
  const list = plans.data?.plans ?? []
  const roles = me.memberships.flatMap((m) => m.roles)
  // A plan missing from the list may be newer than the list: ask once more before saying
  // it is not available.
  const askedAgain = useRef(new Set<string>())
  const unlisted =
    screen && 'planId' in screen && plans.isSuccess && !list.some((p) => p.id === screen.planId)
      ? screen.planId
      : null
  useEffect(() => {
    if (!unlisted || askedAgain.current.has(unlisted)) return
    askedAgain.current.add(unlisted)
    void plans.refetch()
  }, [unlisted, plans])
  const frame = (children: ReactNode, planId: string | null = null) => (
    <Shell me={me} plans={list} planId={planId} roles={roles}>
      {children}
    </Shell>
  )

  let content: ReactNode
  if (!screen) {
    content = frame(<NotFound />)
  } else if (screen.kind === 'account') {
    content = frame(<AccountScreen me={me} />)
  } else if (screen.kind === 'people') {
    content = frame(<PeopleScreen me={me} />)
  } else if (screen.kind === 'schools') {
    content = frame(<SchoolsScreen me={me} />)
  } else if (screen.kind === 'bodies') {
    content = frame(<BodiesScreen me={me} />)
  } else if (screen.kind === 'school-years') {
    content = frame(<SchoolYearsScreen me={me} schoolId={screen.schoolId} />)
  } else if (screen.kind === 'oversight') {
    content = frame(<OversightScreen me={me} />)
  } else if (plans.isPending) {
    content = frame(<p className="page-note">{common.loading}</p>)
  } else if (plans.isError) {
    content = frame(
      <LoadFailed
        message={common.loadFailed}
        retryLabel={common.retry}
        onRetry={() => void plans.refetch()}
      />,
    )
  } else if (screen.kind === 'home' || screen.kind === 'login') {
    const { landing } = plans.data
    // An overseer who is no school's member lands on their body's roll-up.
    if (me.bodies.length > 0 && me.memberships.length === 0) {
      content = <Redirect to={pathOf({ kind: 'oversight' })} replace />
    } else if (landing)
      content = <Redirect to={pathOf({ kind: 'board', planId: landing })} replace />
    else if (me.user.isAdmin) content = <Redirect to={pathOf({ kind: 'schools' })} replace />
    else content = frame(<NoPlans me={me} />)
  } else if (screen.kind === 'plan-settings') {
    // Settings keep a plan deleted there on screen, with its restore (PlanSettingsScreen).
    content = frame(<PlanSettingsScreen me={me} planId={screen.planId} />, screen.planId)
  } else if (!list.some((p) => p.id === screen.planId)) {
    content = frame(
      plans.isFetching ? <p className="page-note">{common.loading}</p> : <NotAvailable />,
    )
  } else if (screen.kind === 'plan-history') {
    content = frame(<PlanHistoryScreen planId={screen.planId} />, screen.planId)
  } else if (screen.kind === 'checkpoints') {
    content = frame(
      <CheckpointsScreen me={me} planId={screen.planId} checkpoint={screen.checkpoint} />,
      screen.planId,
    )
  } else {
    content = <PlanBoard key={screen.planId} me={me} plans={list} planId={screen.planId} />
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

/** The app's frame around a screen that is not a board: the header, then the screen. */
function Shell({
  me,
  plans,
  planId,
  roles,
  children,
}: {
  me: Me
  plans: Plans
  planId: string | null
  roles: Me['memberships'][number]['roles']
  children: ReactNode
}) {
  const { choosePlan } = useBoardView()
  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={plans}
        planId={planId}
        onPlanChange={choosePlan}
        roles={roles}
        live={null}
      />
      <main className="app-main">{children}</main>
    </div>
  )
}
