import { createContext, useContext, useMemo, useRef, useState } from 'react'
import { useLocation } from 'wouter'
import { pathOf, type Screen } from '../addresses'
import {
  dialogScreen,
  isAboutPlanInView,
  isAddressDialog,
  screenView,
  type BoardDialog,
  type MemoryDialog,
  type OpenCard,
} from './board-view-state'

export interface BoardView {
  /** The plan the address names; null on a screen about no plan. */
  planId: string | null
  /** The open card of the plan shown. */
  cardId: string | null
  dialog: BoardDialog | null
  /** Show this plan's board. */
  choosePlan: (planId: string) => void
  /** Open a card, in its plan. */
  openCard: (card: OpenCard) => void
  closeCard: () => void
  openDialog: (dialog: BoardDialog) => void
  closeDialog: () => void
}

/**
 * The board page's state: the plan, card, review queue and dashboard month from the
 * address (board-view-state.ts), the dialogs that start something from memory. Opening
 * and closing what the address holds is a navigation, so back and forward retrace it.
 * The actions are stable: tiles and panels that take them do not re-render for them.
 */
export function useBoardViewState(screen: Screen | null): BoardView {
  const [, navigate] = useLocation()
  const [memory, setMemory] = useState<MemoryDialog | null>(null)
  const memoryRef = useRef(memory)
  memoryRef.current = memory
  const planId = screen && 'planId' in screen ? screen.planId : null
  const planIdRef = useRef(planId)
  planIdRef.current = planId
  const fromAddress = screen ? screenView(screen) : { cardId: null, dialog: null }

  const actions = useMemo(() => {
    const go = (to: Screen) => navigate(pathOf(to))
    const board = () => {
      if (planIdRef.current) go({ kind: 'board', planId: planIdRef.current })
    }
    return {
      choosePlan: (id: string) => {
        if (id !== planIdRef.current && isAboutPlanInView(memoryRef.current)) setMemory(null)
        go({ kind: 'board', planId: id })
      },
      openCard: (card: OpenCard) => go({ kind: 'card', ...card }),
      closeCard: board,
      openDialog: (dialog: BoardDialog) => {
        if (!isAddressDialog(dialog)) setMemory(dialog)
        else if (planIdRef.current) go(dialogScreen(planIdRef.current, dialog))
      },
      closeDialog: () => {
        if (memoryRef.current) setMemory(null)
        else board()
      },
    }
  }, [navigate])

  return {
    planId,
    cardId: fromAddress.cardId,
    dialog: memory ?? fromAddress.dialog,
    ...actions,
  }
}

const BoardViewContext = createContext<BoardView | null>(null)

export const BoardViewProvider = BoardViewContext.Provider

export function useBoardView(): BoardView {
  const view = useContext(BoardViewContext)
  if (!view) throw new Error('useBoardView outside BoardViewProvider')
  return view
}
