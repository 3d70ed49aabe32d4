import {
  canManageBodyAccounts,
  canManagePeople,
  canManagePlan,
  canManageSchools,
  canSeeProgress,
  canSetSchoolCalendar,
  planWriteRefusal,
  type Checkpoint,
} from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy, useRef, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import type { Me } from '@/features/auth/api/session-queries'
import {
  boardKeys,
  boardQueryOptions,
  planKeys,
  plansQueryOptions,
  type Plans,
} from '@/features/board/api/board-queries'
import { frameworksQueryOptions } from '@/features/new-plan/api/new-plan-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { pathOf } from './addresses'
import { rolesIn } from './board/capabilities'
import { NotAvailable } from './not-available'

// Each screen loads on first use, from its own module (not the feature's index, which the
// header imports from): the board's first paint does not wait for them.
const ProfilePage = lazy(() =>
  import('@/features/accounts/components/profile-page').then((m) => ({ default: m.ProfilePage })),
)
const PeoplePage = lazy(() =>
  import('@/features/accounts/components/people-page').then((m) => ({ default: m.PeoplePage })),
)
const AdminSchoolsPage = lazy(() =>
  import('@/features/accounts/components/admin-schools-page').then((m) => ({
    default: m.AdminSchoolsPage,
  })),
)
const AdminBodiesPage = lazy(() =>
  import('@/features/accounts/components/admin-bodies-page').then((m) => ({
    default: m.AdminBodiesPage,
  })),
)
const AddOverseerButton = lazy(() =>
  import('@/features/accounts/components/add-overseer-dialog').then((m) => ({
    default: m.AddOverseerButton,
  })),
)
const PlanHistoryPage = lazy(() =>
  import('@/features/plan-history').then((m) => ({ default: m.PlanHistoryPage })),
)
const CheckpointsPage = lazy(() =>
  import('@/features/checkpoints/components/checkpoints-page').then((m) => ({
    default: m.CheckpointsPage,
  })),
)
const CouncilSection = lazy(() =>
  import('@/features/checkpoints/components/council-section').then((m) => ({
    default: m.CouncilSection,
  })),
)
const SchoolCalendarSection = lazy(() =>
  import('@/features/school-calendar/components/school-calendar-section').then((m) => ({
    default: m.SchoolCalendarSection,
  })),
)
const SchoolYearsPage = lazy(() =>
  import('@/features/school-years/components/school-years-page').then((m) => ({
    default: m.SchoolYearsPage,
  })),
)
const PlanSettingsPage = lazy(() =>
  import('@/features/plans/components/plan-settings-page').then((m) => ({
    default: m.PlanSettingsPage,
  })),
)

function Loading({ children }: { children: ReactNode }) {
  const common = useMessages(commonMessages)
  return <Suspense fallback={<p className="page-note">{common.loading}</p>}>{children}</Suspense>
}

/*
 * The screens that are not a board, each at its address (addresses.ts), shown inside the
 * app's frame by SignedInRoute. A screen the person may not open says "not available",
 * as for a plan they cannot see.
 */

export function AccountScreen({ me }: { me: Me }) {
  return (
    <Loading>
      <ProfilePage me={me} />
    </Loading>
  )
}

/** The school's people: for those who manage them (canManagePeople) in some school. */
export function PeopleScreen({ me }: { me: Me }) {
  const manages = me.memberships.some((s) => canManagePeople({ roles: s.roles }))
  if (!manages) return <NotAvailable />
  return (
    <Loading>
      <PeoplePage me={me} />
    </Loading>
  )
}

/** Schools and their principals: the system administrator's page. */
export function SchoolsScreen({ me }: { me: Me }) {
  if (!canManageSchools(me.user)) return <NotAvailable />
  return (
    <Loading>
      <AdminSchoolsPage bodiesHref={pathOf({ kind: 'bodies' })} />
    </Loading>
  )
}

/** Overseeing bodies, their schools and accounts: the system administrator's page. */
export function BodiesScreen({ me }: { me: Me }) {
  if (!canManageSchools(me.user)) return <NotAvailable />
  return (
    <Loading>
      <AdminBodiesPage schoolsHref={pathOf({ kind: 'schools' })} />
    </Loading>
  )
}

export function PlanHistoryScreen({ planId }: { planId: string }) {
  return (
    <Loading>
      <PlanHistoryPage planId={planId} boardHref={pathOf({ kind: 'board', planId })} />
      <div className="settings-page">
        <EvidenceViews planId={planId} />
      </div>
    </Loading>
  )
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
  const board = useQuery(boardQueryOptions(planId))
  const lastSeen = useRef<Plans[number] | null>(null)
  const found = plans.data?.plans.find((p) => p.id === planId)
  if (found) lastSeen.current = found
  const plan = found ?? lastSeen.current
  if (!plan) return <NotAvailable />
  const roles = rolesIn(me, plan.school.id)

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.list }),
      queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) }),
    ])
  }

  return (
    <Loading>
      <PlanSettingsPage
        plan={plan}
        frameworks={frameworks.data?.frameworks ?? []}
        canManage={canManagePlan({ id: me.user.id, roles })}
        boardHref={pathOf({ kind: 'board', planId: plan.id })}
        onBack={() => navigate(pathOf({ kind: 'board', planId: plan.id }))}
        onChanged={refresh}
        onRestored={refresh}
        extra={
          <>
            <CouncilSection
              planId={plan.id}
              people={(board.data?.members ?? [])
                .filter((p) => !p.deactivated)
                .map((p) => ({ id: p.id, name: p.displayName }))}
              editable={canManagePlan({ id: me.user.id, roles }) && planWriteRefusal(plan) === null}
            />
            <SchoolCalendarSection
              schoolId={plan.school.id}
              schoolYear={plan.schoolYear}
              editable={canSetSchoolCalendar({ id: me.user.id, roles })}
              // The months of every plan of the year, its reviews and its years page may change.
              onSaved={() => queryClient.invalidateQueries()}
            />
          </>
        }
      />
    </Loading>
  )
}

/** A plan's checkpoint reviews (Rà soát định kỳ): every member reads them. */
export function CheckpointsScreen({
  me,
  planId,
  checkpoint,
}: {
  me: Me
  planId: string
  checkpoint: Checkpoint | null
}) {
  const plans = useQuery(plansQueryOptions())
  const plan = plans.data?.plans.find((p) => p.id === planId)
  if (!plan) return <NotAvailable />
  const roles = rolesIn(me, plan.school.id)
  const actor = { id: me.user.id, roles }
  return (
    <Loading>
      <CheckpointsPage
        plan={plan}
        me={actor}
        checkpoint={checkpoint}
        hrefOf={(c) => pathOf({ kind: 'checkpoints', planId, checkpoint: c })}
        boardHref={pathOf({ kind: 'board', planId })}
        yearsHref={
          canSeeProgress(actor) ? pathOf({ kind: 'school-years', schoolId: plan.school.id }) : null
        }
        writable={planWriteRefusal(plan) === null}
      />
    </Loading>
  )
}

/** A school's plans across its school years: for the principal and the monitoring team. */
export function SchoolYearsScreen({ me, schoolId }: { me: Me; schoolId: string }) {
  const plans = useQuery(plansQueryOptions())
  const roles = rolesIn(me, schoolId)
  if (!canSeeProgress({ id: me.user.id, roles })) return <NotAvailable />
  const back = plans.data?.plans.find((p) => p.school.id === schoolId)
  return (
    <Loading>
      <SchoolYearsPage
        schoolId={schoolId}
        reviewsHref={(planId, checkpoint) => pathOf({ kind: 'checkpoints', planId, checkpoint })}
        backHref={back ? pathOf({ kind: 'board', planId: back.id }) : pathOf({ kind: 'home' })}
      />
    </Loading>
  )
}

const EvidenceViews = lazy(() =>
  import('@/features/oversight/components/evidence-views').then((m) => ({
    default: m.EvidenceViews,
  })),
)

const RollupPage = lazy(() =>
  import('@/features/oversight/components/rollup-page').then((m) => ({ default: m.RollupPage })),
)

/**
 * An overseeing body's roll-up of its schools (the server answers only the body's people).
 * The body's lead may add its accounts there (canManageBodyAccounts).
 */
export function OversightScreen({ me }: { me: Me }) {
  return (
    <Loading>
      <RollupPage
        bodyTools={(body) =>
          canManageBodyAccounts({ isAdmin: me.user.isAdmin, isLead: body.isLead }) ? (
            // Its own boundary: the button's module loading does not blank the roll-up.
            <Suspense fallback={null}>
              <AddOverseerButton body={body} />
            </Suspense>
          ) : null
        }
        links={{
          board: (planId) => pathOf({ kind: 'board', planId }),
          progress: (planId) => pathOf({ kind: 'progress', planId, month: null }),
          reviews: (planId, checkpoint) => pathOf({ kind: 'checkpoints', planId, checkpoint }),
          years: (schoolId) => pathOf({ kind: 'school-years', schoolId }),
        }}
      />
    </Loading>
  )
}
