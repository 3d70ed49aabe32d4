import { isCarriedOver } from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy } from 'react'
import type { ReactNode } from 'react'
import { LoadingBackdrop } from '@/components/ui/loading-backdrop'
import {
  boardQueryOptions,
  planKeys,
  plansQueryOptions,
  type BoardData,
} from '@/features/board/api/board-queries'
import { newPlanMessages } from '@/features/new-plan/new-plan-messages'
import { CardEvidence } from '@/features/card-detail/components/evidence-list'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import type { PlanCapabilities } from './capabilities'
import { useCardChanged } from './card-changed'
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
    else view.openDialog({ kind: 'import', planId })
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
        <ImportDialog planId={dialog.planId} />
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

function ImportDialog({ planId }: { planId: string }) {
  const view = useBoardView()
  const cardChanged = useCardChanged(planId)
  return (
    <ImportWizard
      planId={planId}
      onClose={view.closeDialog}
      onImported={() => cardChanged(null, 'here')}
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
          onOpenCard={openCard}
          onClose={view.closeDialog}
        />
      </Loading>
    )
  }
  return null
}
