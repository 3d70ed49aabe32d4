import { canManagePlan, canReview, canSeeProgress } from '@caitien/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy, useCallback, useState } from 'react'
import type { ReactNode } from 'react'
import type { Me } from '@/features/auth/api/session-queries'
import {
  boardKeys,
  boardQueryOptions,
  planKeys,
  plansQueryOptions,
  type Plans,
} from '@/features/board/api/board-queries'
import { usePlanEvents } from '@/features/board/api/use-plan-events'
import { Board } from '@/features/board/components/board'
import { MoveProvider } from '@/features/board/components/move-controller'
import { MoveToActions } from '@/features/board/components/move-to-actions'
import { cardKeys } from '@/features/card-detail/api/card-queries'
import { CardDetailPanel } from '@/features/card-detail/components/card-detail-panel'
import { CardEvidence } from '@/features/card-detail/components/evidence-list'
import { inboxKeys } from '@/features/inbox/api/inbox-queries'
import { InboxButton } from '@/features/inbox/components/inbox-button'
import { progressKeys } from '@/features/progress-dashboard/api/progress-queries'
import { ProgressButton } from '@/features/progress-dashboard/components/progress-button'
import { reviewQueueKeys } from '@/features/review-queue/api/review-queue-queries'
import { ReviewQueueButton } from '@/features/review-queue/components/review-queue-button'
import { LoadFailed } from '@/components/ui/load-failed'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { appMessages } from '../app-messages'
import { AppHeader } from '../app-header'
import { readStoredPlan, storePlan } from '../early-loads'
import { PlanActions } from '../plan-actions'

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

/** A card to show, in its plan: the inbox may point into another plan. */
interface OpenCard {
  planId: string
  cardId: string
}

/** Where a new plan goes and what the plan in view suggests for it. */
interface NewPlanContext {
  schoolId: string
  schoolName: string | null
  frameworkId: string | null
  schoolYear: string | null
}

export function BoardRoute({ me }: { me: Me }) {
  const common = useMessages(commonMessages)
  const m = useMessages(appMessages)
  const queryClient = useQueryClient()
  const plans = useQuery(plansQueryOptions())
  const [chosen, setChosen] = useState<string | null>(readStoredPlan)
  const [importPlanId, setImportPlanId] = useState<string | null>(null)
  const [newPlan, setNewPlan] = useState<NewPlanContext | null>(null)
  const [openCard, setOpenCard] = useState<OpenCard | null>(null)
  const list = plans.data?.plans ?? []
  const planId = list.find((p) => p.id === chosen)?.id ?? list[0]?.id ?? null

  function choosePlan(id: string) {
    setChosen(id)
    storePlan(id)
  }

  function openCardInPlan(target: OpenCard) {
    if (!list.some((p) => p.id === target.planId)) return
    if (target.planId !== planId) choosePlan(target.planId)
    setOpenCard(target)
  }

  async function planCreated(id: string) {
    // The new plan must be in the list before it can be chosen.
    await queryClient.invalidateQueries({ queryKey: planKeys.list })
    choosePlan(id)
    setNewPlan(null)
    setImportPlanId(id)
  }

  const fallbackRoles = me.memberships.flatMap((m) => m.roles)
  const principalOf = me.memberships.find((m) => canManagePlan({ id: me.user.id, roles: m.roles }))

  const dialogs = (
    <Suspense fallback={<LoadingBackdrop label={common.loading} />}>
      {newPlan && (
        <NewPlanDialog
          schoolId={newPlan.schoolId}
          schoolName={newPlan.schoolName}
          currentFrameworkId={newPlan.frameworkId}
          currentSchoolYear={newPlan.schoolYear}
          onClose={() => setNewPlan(null)}
          onCreated={planCreated}
        />
      )}
      {importPlanId && (
        <ImportWizard
          planId={importPlanId}
          onClose={() => setImportPlanId(null)}
          onImported={() =>
            void queryClient.invalidateQueries({ queryKey: boardKeys.plan(importPlanId) })
          }
        />
      )}
    </Suspense>
  )

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
  } else if (!planId) {
    content = (
      <Shell me={me} roles={fallbackRoles}>
        <div className="page-note">
          <p>{m.noPlans}</p>
          {principalOf && (
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                setNewPlan({
                  schoolId: principalOf.schoolId,
                  schoolName: principalOf.schoolName,
                  frameworkId: null,
                  schoolYear: null,
                })
              }
            >
              {m.newPlan}
            </button>
          )}
        </div>
      </Shell>
    )
  } else {
    content = (
      <PlanBoard
        key={planId}
        me={me}
        plans={list}
        planId={planId}
        onPlanChange={choosePlan}
        onImport={setImportPlanId}
        onNewPlan={setNewPlan}
        openCardId={openCard?.planId === planId ? openCard.cardId : null}
        onOpenCard={openCardInPlan}
        onCloseCard={() => setOpenCard(null)}
      />
    )
  }

  return (
    <>
      {content}
      {dialogs}
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

function PlanBoard({
  me,
  plans,
  planId,
  onPlanChange,
  onImport,
  onNewPlan,
  openCardId,
  onOpenCard,
  onCloseCard,
}: {
  me: Me
  plans: Plans
  planId: string
  onPlanChange: (planId: string) => void
  onImport: (planId: string) => void
  onNewPlan: (context: NewPlanContext) => void
  openCardId: string | null
  onOpenCard: (target: OpenCard) => void
  onCloseCard: () => void
}) {
  const common = useMessages(commonMessages)
  const queryClient = useQueryClient()
  const board = useQuery(boardQueryOptions(planId))
  const [queueOpen, setQueueOpen] = useState(false)
  const [progressOpen, setProgressOpen] = useState(false)
  const roles = board.data?.me.roles ?? []
  // The review queue and the monthly figures are for the monitoring team and the principal.
  const followsProgress = canSeeProgress({ id: me.user.id, roles })

  // Any change to a card of the plan may change the open panel, the queue and the inbox.
  const onCardEvent = useCallback(
    (cardId: string) => {
      void queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) })
      void queryClient.invalidateQueries({ queryKey: reviewQueueKeys.plan(planId) })
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
      void queryClient.invalidateQueries({ queryKey: progressKeys.plan(planId) })
    },
    [queryClient, planId],
  )
  const live = usePlanEvents(planId, onCardEvent)

  const refreshBoard = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) })
    void queryClient.invalidateQueries({ queryKey: reviewQueueKeys.plan(planId) })
  }, [queryClient, planId])

  const afterVerdict = useCallback(
    (cardId: string) => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) })
      void queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) })
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
    },
    [queryClient, planId],
  )

  const openCardHere = useCallback(
    (cardId: string) => onOpenCard({ planId, cardId }),
    [onOpenCard, planId],
  )

  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={plans}
        planId={planId}
        onPlanChange={onPlanChange}
        roles={roles}
        live={live}
        inbox={
          <InboxButton
            currentPlanId={planId}
            onOpenCard={(id, cardId) => onOpenCard({ planId: id, cardId })}
          />
        }
        actions={
          board.data && (
            <div className="header-tools">
              {followsProgress && (
                <ReviewQueueButton planId={planId} onOpen={() => setQueueOpen(true)} />
              )}
              {followsProgress && <ProgressButton onOpen={() => setProgressOpen(true)} />}
              <PlanActions
                planId={planId}
                canManage={canManagePlan(board.data.me)}
                onImport={() => onImport(planId)}
                onNewPlan={() => {
                  const plan = board.data.plan
                  onNewPlan({
                    schoolId: plan.school.id,
                    schoolName: plan.school.name,
                    frameworkId: plan.frameworkId,
                    schoolYear: plan.schoolYear,
                  })
                }}
              />
            </div>
          )
        }
      />
      <main className="app-main">
        {board.isPending && <p className="page-note">{common.loading}</p>}
        {board.isError && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void board.refetch()}
          />
        )}
        {board.data && (
          <MoveProvider planId={planId} me={board.data.me}>
            <Board board={board.data} onOpenCard={openCardHere} />
            {queueOpen && followsProgress && (
              <Suspense fallback={<LoadingBackdrop label={common.loading} />}>
                <ReviewQueue
                  planId={planId}
                  members={board.data.members}
                  renderEvidence={(cardId) => <CardEvidence cardId={cardId} />}
                  onOpenCard={openCardHere}
                  onChanged={afterVerdict}
                  onClose={() => setQueueOpen(false)}
                />
              </Suspense>
            )}
            {progressOpen && followsProgress && (
              <Suspense fallback={<LoadingBackdrop label={common.loading} />}>
                <ProgressDashboard
                  planId={planId}
                  plan={{
                    title: board.data.plan.title,
                    schoolYear: board.data.plan.schoolYear,
                    schoolName: board.data.plan.school.name,
                  }}
                  cards={board.data.cards}
                  members={board.data.members}
                  canRemark={canReview(board.data.me)}
                  canSnapshot={canManagePlan(board.data.me)}
                  onOpenCard={openCardHere}
                  onClose={() => setProgressOpen(false)}
                />
              </Suspense>
            )}
            {openCardId && (
              <CardDetailPanel
                cardId={openCardId}
                members={board.data.members}
                onClose={onCloseCard}
                onChanged={refreshBoard}
                statusActions={<MoveToActions planId={planId} cardId={openCardId} />}
              />
            )}
          </MoveProvider>
        )}
      </main>
    </div>
  )
}

function LoadingBackdrop({ label }: { label: string }) {
  return (
    <div className="modal-backdrop modal-backdrop-box" role="status" aria-label={label}>
      <span className="spinner spinner-large" aria-hidden="true" />
    </div>
  )
}

/** Before a plan is loaded there is no plan to switch to. */
function ignorePlanChange(): void {
  return undefined
}
