import { isCarriedOver } from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy, useState } from 'react'
import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { LoadingBackdrop } from '@/components/ui/loading-backdrop'
import {
  boardKeys,
  boardQueryOptions,
  planKeys,
  plansQueryOptions,
  type BoardData,
} from '@/features/board/api/board-queries'
import { newPlanMessages } from '@/features/new-plan/new-plan-messages'
import { CardEvidence } from '@/features/card-detail/components/evidence-list'
import { inboxQueryOptions } from '@/features/inbox/api/inbox-queries'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { pathOf } from '../addresses'
import { appMessages } from '../app-messages'
import type { PlanCapabilities } from './capabilities'
import { useCardChanged } from './card-changed'
import { reviewWaiting } from './review-count'
import { useBoardView } from './use-board-view'

// Only the principal imports, and rarely: the wizard and the new-plan form load on first use.
const ImportWizard = lazy(() =>
  import('@/features/plan-import/components/import-wizard').then((m) => ({
    default: m.ImportWizard,
  })),
)
const NewPlanDialog = lazy(() =>
  import('@/features/new-plan/components/new-plan-dialog').then((m) => ({
    default: m.NewPlanDialog,
  })),
)
// The principal adds a card by hand or restores one now and then: on first use.
const NewCardDialog = lazy(() =>
  import('@/features/card-detail/components/new-card-dialog').then((m) => ({
    default: m.NewCardDialog,
  })),
)
const DeletedCardsDialog = lazy(() =>
  import('@/features/card-detail/components/deleted-cards-dialog').then((m) => ({
    default: m.DeletedCardsDialog,
  })),
)
// The monitoring team opens the queue a few times a day; it loads on first use.
const ReviewQueue = lazy(() =>
  import('@/features/review-queue/components/review-queue').then((m) => ({
    default: m.ReviewQueue,
  })),
)
// The monthly dashboard brings Chart.js with it: it loads when first opened.
const ProgressDashboard = lazy(() =>
  import('@/features/progress-dashboard/components/progress-dashboard').then((m) => ({
    default: m.ProgressDashboard,
  })),
)

function Loading({ children }: { children: ReactNode }) {
  const common = useMessages(commonMessages)
  return <Suspense fallback={<LoadingBackdrop label={common.loading} />}>{children}</Suspense>
}

/** The dialogs that need no plan in view: a new plan, and the import into any plan. */
export function PlanDialogs() {
  const view = useBoardView()
  const queryClient = useQueryClient()
  const plans = useQuery(plansQueryOptions())
  const { dialog } = view

  async function planCreated(planId: string, how: { carried: boolean }) {
    // The new plan must be in the list before it can be chosen.
    await queryClient.invalidateQueries({ queryKey: planKeys.list })
    view.choosePlan(planId)
    // Carried over from last year: its cards are there, nothing to import.
    if (how.carried) view.closeDialog()
    else view.openDialog({ kind: 'import', planId, into: true })
  }

  if (dialog?.kind === 'new-plan') {
    const { context } = dialog
    const sourcePlans = (plans.data?.plans ?? []).filter((p) => p.school.id === context.schoolId)
    return (
      <Loading>
        <NewPlanDialog
          schoolId={context.schoolId}
          schoolName={context.schoolName}
          currentFrameworkId={context.frameworkId}
          currentSchoolYear={context.schoolYear}
          sourcePlans={sourcePlans}
          renderCarryOver={(planId) => <CarryOverSummary planId={planId} />}
          onClose={view.closeDialog}
          onCreated={planCreated}
        />
      </Loading>
    )
  }
  if (dialog?.kind === 'import') {
    return (
      <Loading>
        <ImportDialog planId={dialog.planId} into={dialog.into ?? false} />
      </Loading>
    )
  }
  return null
}

/** What carrying over from a plan does: its unfinished actions go, verified ones stay. */
function CarryOverSummary({ planId }: { planId: string }) {
  const m = useMessages(newPlanMessages)
  const board = useQuery(boardQueryOptions(planId))
  if (!board.data) return null
  const carried = board.data.cards.filter(isCarriedOver).length
  const left = board.data.cards.length - carried
  return (
    <p className="carry-summary" role="status">
      {m.carrySummary({ carried, left })}
    </p>
  )
}

/**
 * The import, opened from a plan: the wizard lists the school's plans and a new one; the
 * board follows the plan the rows went into when the wizard closes.
 */
function ImportDialog({ planId, into }: { planId: string; into: boolean }) {
  const view = useBoardView()
  const queryClient = useQueryClient()
  const plans = useQuery(plansQueryOptions())
  const cardChanged = useCardChanged(planId)
  const [importedInto, setImportedInto] = useState<string | null>(null)
  const list = plans.data?.plans ?? []
  const here = list.find((p) => p.id === planId)
  if (!here) return null
  const schoolPlans = list
    .filter((p) => p.school.id === here.school.id)
    .map((p) => ({ id: p.id, title: p.title, schoolYear: p.schoolYear }))
  return (
    <ImportWizard
      planId={planId}
      initialTarget={
        into
          ? { kind: 'plan', id: here.id, title: here.title, schoolYear: here.schoolYear }
          : undefined
      }
      plans={schoolPlans}
      schoolId={here.school.id}
      onClose={() => {
        view.closeDialog()
        if (importedInto && importedInto !== planId) view.choosePlan(importedInto)
      }}
      onImported={(target) => {
        setImportedInto(target)
        if (target === planId) cardChanged(null, 'here')
        else void queryClient.invalidateQueries({ queryKey: boardKeys.plan(target) })
      }}
      onPlanCreated={() => queryClient.invalidateQueries({ queryKey: planKeys.list })}
      historyHref={(id) => `/plans/${id}/history`}
    />
  )
}

/** The dialogs about the plan in view, for those whose role opens them. */
export function PlanViewDialogs({
  planId,
  board,
  can,
}: {
  planId: string
  board: BoardData
  can: PlanCapabilities
}) {
  const view = useBoardView()
  const cardChanged = useCardChanged(planId)
  const openCard = (cardId: string) => view.openCard({ planId, cardId })
  if (can.manages && can.writes && view.dialog?.kind === 'new-card') {
    return (
      <Loading>
        <NewCardDialog
          planId={planId}
          onClose={view.closeDialog}
          onCreated={(cardId) => {
            cardChanged(cardId, 'here')
            view.closeDialog()
            openCard(cardId)
          }}
        />
      </Loading>
    )
  }
  if (can.manages && can.writes && view.dialog?.kind === 'deleted-cards') {
    return (
      <Loading>
        <DeletedCardsDialog
          planId={planId}
          onClose={view.closeDialog}
          onRestored={(cardId) => cardChanged(cardId, 'here')}
        />
      </Loading>
    )
  }
  if (!can.followsProgress) return null
  if (view.dialog?.kind === 'review-queue') {
    return (
      <Loading>
        <ReviewQueue
          planId={planId}
          members={board.members}
          renderEvidence={(cardId) => <CardEvidence cardId={cardId} />}
          onOpenCard={openCard}
          onChanged={(cardId) => cardChanged(cardId, 'here')}
          onClose={view.closeDialog}
          elsewhere={can.reviews && <ReviewsElsewhere planId={planId} />}
        />
      </Loading>
    )
  }
  if (view.dialog?.kind === 'progress') {
    return (
      <Loading>
        <ProgressDashboard
          planId={planId}
          plan={{
            title: board.plan.title,
            schoolYear: board.plan.schoolYear,
            schoolName: board.plan.school.name,
          }}
          cards={board.cards}
          members={board.members}
          canRemark={can.reviews}
          canSnapshot={can.manages}
          month={view.dialog.month}
          onMonthChange={(month) => view.openDialog({ kind: 'progress', month })}
          onOpenCard={openCard}
          onClose={view.closeDialog}
        />
      </Loading>
    )
  }
  return null
}

/** The monitor's other plans where cards wait for their review, each a link to its queue. */
function ReviewsElsewhere({ planId }: { planId: string }) {
  const m = useMessages(appMessages)
  const inbox = useQuery(inboxQueryOptions())
  const elsewhere = inbox.data ? reviewWaiting(inbox.data.toReview, planId).elsewhere : []
  if (elsewhere.length === 0) return null
  return (
    <div className="queue-elsewhere" data-testid="reviews-elsewhere">
      <p>{m.reviewsElsewhere}</p>
      <ul>
        {elsewhere.map((plan) => (
          <li key={plan.planId}>
            <Link to={pathOf({ kind: 'reviews', planId: plan.planId })}>
              {m.planWaiting({ title: plan.planTitle, n: plan.count })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
