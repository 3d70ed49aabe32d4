import { createContext, useContext, useMemo, useReducer, useRef } from 'react'
import type { Plans } from '@/features/board/api/board-queries'
import { readStoredPlan, storePlan } from '../early-loads'
import {
  boardViewReducer,
  cardInView,
  planInView,
  type BoardDialog,
  type BoardViewState,
  type OpenCard,
} from './board-view-state'

export interface BoardView {
  /** The plan shown, once the plan list is known; null when the person is in none. */
  planId: string | null
  /** The open card of the plan shown. */
  cardId: string | null
  dialog: BoardDialog | null
  /** Show this plan; the browser remembers it for the next visit. */
  choosePlan: (planId: string) => void
  /** Open a card, in its plan (ignored for a plan the person is not in). */
  openCard: (card: OpenCard) => void
  closeCard: () => void
  openDialog: (dialog: BoardDialog) => void
  closeDialog: () => void
}

/**
 * The board page's state (board-view-state.ts) with the plan remembered by this browser.
 * The actions are stable: tiles and panels that take them do not re-render for them.
 */
export function useBoardViewState(plans: Plans | undefined): BoardView {
  const [state, dispatch] = useReducer(boardViewReducer, null, (): BoardViewState => {
    return { planId: readStoredPlan(), card: null, dialog: null }
  })
  const planIds = useMemo(() => (plans ?? []).map((p) => p.id), [plans])
  const planIdsRef = useRef(planIds)
  planIdsRef.current = planIds

  const actions = useMemo(() => {
    const choosePlan = (planId: string) => {
      storePlan(planId)
      dispatch({ type: 'choose-plan', planId })
    }
    return {
      choosePlan,
      openCard: (card: OpenCard) => {
        if (!planIdsRef.current.includes(card.planId)) return
        storePlan(card.planId)
        dispatch({ type: 'open-card', card })
      },
      closeCard: () => dispatch({ type: 'close-card' }),
      openDialog: (dialog: BoardDialog) => dispatch({ type: 'open-dialog', dialog }),
      closeDialog: () => dispatch({ type: 'close-dialog' }),
    }
  }, [])

  const planId = planInView(state, planIds)
  return { planId, cardId: cardInView(state, planId), dialog: state.dialog, ...actions }
}

const BoardViewContext = createContext<BoardView | null>(null)

export const BoardViewProvider = BoardViewContext.Provider

export function useBoardView(): BoardView {
  const view = useContext(BoardViewContext)
  if (!view) throw new Error('useBoardView outside BoardViewProvider')
  return view
}
