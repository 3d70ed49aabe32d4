import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { ReactNode } from 'react'
import type { Me } from '@/features/auth/api/session-queries'
import {
  boardKeys,
  boardQueryOptions,
  plansQueryOptions,
  type Plans,
} from '@/features/board/api/board-queries'
import { usePlanEvents } from '@/features/board/api/use-plan-events'
import { Board } from '@/features/board/components/board'
import { MoveProvider } from '@/features/board/components/move-controller'
import { MoveToActions } from '@/features/board/components/move-to-actions'
import { cardKeys } from '@/features/card-detail/api/card-queries'
import { CardDetailPanel } from '@/features/card-detail/components/card-detail-panel'
import { useI18n } from '@/lib/i18n'
import { AppHeader } from '../app-header'

const PLAN_KEY = 'caitien_plan'

function readStoredPlan(): string | null {
  try {
    return window.localStorage.getItem(PLAN_KEY)
  } catch {
    return null
  }
}

export function BoardRoute({ me }: { me: Me }) {
  const { t } = useI18n()
  const plans = useQuery(plansQueryOptions())
  const [chosen, setChosen] = useState<string | null>(readStoredPlan)
  const list = plans.data?.plans ?? []
  const planId = list.find((p) => p.id === chosen)?.id ?? list[0]?.id ?? null

  function choosePlan(id: string) {
    setChosen(id)
    try {
      window.localStorage.setItem(PLAN_KEY, id)
    } catch {
      // the choice holds for this visit
    }
  }

  const fallbackRoles = me.memberships.flatMap((m) => m.roles)

  if (plans.isPending)
    return (
      <Shell me={me}>
        <p className="page-note">{t('loading')}</p>
      </Shell>
    )
  if (plans.isError) {
    return (
      <Shell me={me}>
        <div className="page-note">
          <p>{t('loadFailed')}</p>
          <button type="button" className="button" onClick={() => void plans.refetch()}>
            {t('retry')}
          </button>
        </div>
      </Shell>
    )
  }
  if (!planId) {
    return (
      <Shell me={me} roles={fallbackRoles}>
        <p className="page-note">{t('noPlans')}</p>
      </Shell>
    )
  }
  return <PlanBoard key={planId} me={me} plans={list} planId={planId} onPlanChange={choosePlan} />
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
}: {
  me: Me
  plans: Plans
  planId: string
  onPlanChange: (planId: string) => void
}) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const board = useQuery(boardQueryOptions(planId))
  const [openCardId, setOpenCardId] = useState<string | null>(null)

  const onCardEvent = useCallback(
    (cardId: string) => {
      void queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) })
    },
    [queryClient],
  )
  const live = usePlanEvents(planId, onCardEvent)

  const refreshBoard = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: boardKeys.plan(planId) })
  }, [queryClient, planId])

  return (
    <div className="app">
      <AppHeader
        me={me}
        plans={plans}
        planId={planId}
        onPlanChange={onPlanChange}
        roles={board.data?.me.roles ?? []}
        live={live}
      />
      <main className="app-main">
        {board.isPending && <p className="page-note">{t('loading')}</p>}
        {board.isError && (
          <div className="page-note">
            <p>{t('loadFailed')}</p>
            <button type="button" className="button" onClick={() => void board.refetch()}>
              {t('retry')}
            </button>
          </div>
        )}
        {board.data && (
          <MoveProvider planId={planId} me={board.data.me}>
            <Board board={board.data} onOpenCard={setOpenCardId} />
            {openCardId && (
              <CardDetailPanel
                cardId={openCardId}
                members={board.data.members}
                onClose={() => setOpenCardId(null)}
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

/** Before a plan is loaded there is no plan to switch to. */
function ignorePlanChange(): void {
  return undefined
}
