import { useQuery } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import type { Me } from '@/features/auth/api/session-queries'
import { boardQueryOptions, type BoardData, type Plans } from '@/features/board/api/board-queries'
import { usePlanEvents } from '@/features/board/api/use-plan-events'
import { Board } from '@/features/board/components/board'
import { MoveProvider } from '@/features/board/components/move-controller'
import { MoveToActions } from '@/features/board/components/move-to-actions'
import { CardDetailPanel } from '@/features/card-detail/components/card-detail-panel'
import { inboxQueryOptions } from '@/features/inbox/api/inbox-queries'
import { pathOf } from '../addresses'
import { InboxButton } from '@/features/inbox/components/inbox-button'
import { ProgressButton } from '@/features/progress-dashboard/components/progress-button'
import { reviewQueueQueryOptions } from '@/features/review-queue/api/review-queue-queries'
import { ReviewQueueButton } from '@/features/review-queue/components/review-queue-button'
import { httpStatusOf } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { AppHeader } from '../app-header'
import { NotAvailable } from '../not-available'
import { appMessages } from '../app-messages'
import { PlanActions } from '../plan-actions'
import { PlanViewDialogs } from './board-dialogs'
import { planCapabilities, type PlanCapabilities } from './capabilities'
import { useCardChanged } from './card-changed'
import { reviewWaiting } from './review-count'
import { useBoardView } from './use-board-view'

/**
 * A plan's page: the header with what the person's roles offer, the board, the dialogs
 * about the plan and the open card. Which plan, card and dialog come from useBoardView.
 */
export function PlanBoard({ me, plans, planId }: { me: Me; plans: Plans; planId: string }) {
  const common = useMessages(commonMessages)
  const view = useBoardView()
  const board = useQuery(boardQueryOptions(planId))
  const cardChanged = useCardChanged(planId)
  const onLiveEvent = useCallback((cardId: string) => cardChanged(cardId, 'live'), [cardChanged])
  const live = usePlanEvents(planId, onLiveEvent)
  const { openCard, choosePlan } = view
  const openCardHere = useCallback(
    (cardId: string) => openCard({ planId, cardId }),
    [openCard, planId],
  )
  const can = board.data ? planCapabilities(board.data.me, board.data.plan) : null
  const m = useMessages(appMessages)
  const cardId = view.cardId
  // A plan gone since the list was read, or a card not on this plan's board: the same page
  // as for what the person may not see. A card that was on the board while open and left
  // it (deleted from its panel, which offers the restore) keeps its panel.
  const onBoard = !!board.data && !!cardId && board.data.cards.some((c) => c.id === cardId)
  const seenCard = useRef<string | null>(null)
  if (onBoard) seenCard.current = cardId
  const gone =
    (board.isError && httpStatusOf(board.error) === 404) ||
    (!!board.data && !!cardId && !onBoard && seenCard.current !== cardId)

  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={plans}
        planId={planId}
        onPlanChange={choosePlan}
        roles={board.data?.me.roles ?? []}
        live={live}
        inbox={
          <InboxButton
            currentPlanId={planId}
            onOpenCard={(id, card) => openCard({ planId: id, cardId: card })}
            reviewHref={(id, checkpoint) => pathOf({ kind: 'checkpoints', planId: id, checkpoint })}
            oversightHref={pathOf({ kind: 'oversight' })}
          />
        }
        actions={board.data && can && <PlanTools board={board.data} can={can} />}
      />
      <main className="app-main">
        {board.isPending && <p className="page-note">{common.loading}</p>}
        {gone && <NotAvailable />}
        {board.isError && !gone && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void board.refetch()}
          />
        )}
        {board.data && can && !can.writes && (
          <p className="archived-banner" role="status">
            {m.archivedBanner}
          </p>
        )}
        {board.data && can && !gone && (
          <MoveProvider planId={planId} me={board.data.me} writable={can.writes}>
            <Board
              board={board.data}
              onOpenCard={openCardHere}
              tools={can.manages && can.writes && <CardTools />}
            />
            <PlanViewDialogs planId={planId} board={board.data} can={can} />
            {cardId && (
              <CardDetailPanel
                cardId={cardId}
                members={board.data.members}
                onClose={view.closeCard}
                onChanged={() => cardChanged(cardId, 'here')}
                statusActions={<MoveToActions planId={planId} cardId={cardId} />}
                readOnly={!can.writes}
                onOpenCard={(otherPlan, card) => openCard({ planId: otherPlan, cardId: card })}
              />
            )}
          </MoveProvider>
        )}
      </main>
    </div>
  )
}

/** The principal's card tools on the board: add an action by hand, restore a deleted card. */
function CardTools() {
  const m = useMessages(appMessages)
  const { openDialog } = useBoardView()
  return (
    <>
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => openDialog({ kind: 'deleted-cards' })}
      >
        {m.deletedCards}
      </button>
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => openDialog({ kind: 'new-card' })}
      >
        <span aria-hidden="true">+</span>
        {m.addCard}
      </button>
    </>
  )
}

/** The header's tools for the plan in view, as the person's roles allow them. */
function PlanTools({ board, can }: { board: BoardData; can: PlanCapabilities }) {
  const { openDialog } = useBoardView()
  const { plan } = board
  const reviewCount = useReviewCount(plan.id, can)
  return (
    <div className="header-tools">
      {can.followsProgress && (
        <ReviewQueueButton
          count={reviewCount}
          onOpen={() => openDialog({ kind: 'review-queue' })}
        />
      )}
      {can.followsProgress && (
        <ProgressButton onOpen={() => openDialog({ kind: 'progress', month: null })} />
      )}
      <PlanActions
        planId={plan.id}
        canManage={can.manages}
        canWrite={can.writes}
        onImport={() => openDialog({ kind: 'import', planId: plan.id })}
        onNewPlan={() =>
          openDialog({
            kind: 'new-plan',
            context: {
              schoolId: plan.school.id,
              schoolName: plan.school.name,
              frameworkId: plan.frameworkId,
              schoolYear: plan.schoolYear,
            },
          })
        }
      />
    </div>
  )
}

/**
 * The number on "Chờ xác nhận": for a monitor, what waits for their review in every plan
 * they review (the inbox spans them); for the principal, who follows without reviewing,
 * what waits in this plan.
 */
function useReviewCount(planId: string, can: PlanCapabilities): number | null {
  const inbox = useQuery({ ...inboxQueryOptions(), enabled: can.reviews })
  const queue = useQuery(reviewQueueQueryOptions(planId, can.followsProgress && !can.reviews))
  if (can.reviews) return inbox.data ? reviewWaiting(inbox.data.toReview, planId).total : null
  return queue.data ? queue.data.queue.length : null
}
