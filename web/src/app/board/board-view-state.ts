/*
 * What the board page shows: which plan, which card is open, which dialog. One plain,
 * serialisable state changed by named actions, so that the address bar can later drive it
 * (/plans/:planId/cards/:cardId) without the components knowing.
 */

/** A card to show, in its plan: the inbox may point into another plan. */
export interface OpenCard {
  planId: string
  cardId: string
}

/** Where a new plan goes and what the plan in view suggests for it. */
export interface NewPlanContext {
  schoolId: string
  schoolName: string | null
  frameworkId: string | null
  schoolYear: string | null
}

export type BoardDialog =
  | { kind: 'import'; planId: string }
  | { kind: 'new-plan'; context: NewPlanContext }
  /** About the plan in view: closed when another plan is chosen. */
  | { kind: 'review-queue' }
  | { kind: 'progress' }
  | { kind: 'new-card' }
  | { kind: 'deleted-cards' }

export interface BoardViewState {
  /** The plan chosen; the first of the list is shown while it is not known (planInView). */
  planId: string | null
  card: OpenCard | null
  dialog: BoardDialog | null
}

export type BoardViewAction =
  | { type: 'choose-plan'; planId: string }
  | { type: 'open-card'; card: OpenCard }
  | { type: 'close-card' }
  | { type: 'open-dialog'; dialog: BoardDialog }
  | { type: 'close-dialog' }

const aboutPlanInView = (dialog: BoardDialog | null) =>
  dialog?.kind === 'review-queue' ||
  dialog?.kind === 'progress' ||
  dialog?.kind === 'new-card' ||
  dialog?.kind === 'deleted-cards'

/** Another plan in view: its card and the dialogs about the plan that was in view close. */
function withPlan(state: BoardViewState, planId: string): BoardViewState {
  if (state.planId === planId) return state
  return {
    planId,
    card: state.card?.planId === planId ? state.card : null,
    dialog: aboutPlanInView(state.dialog) ? null : state.dialog,
  }
}

export function boardViewReducer(state: BoardViewState, action: BoardViewAction): BoardViewState {
  switch (action.type) {
    case 'choose-plan':
      return withPlan(state, action.planId)
    case 'open-card':
      return { ...withPlan(state, action.card.planId), card: action.card }
    case 'close-card':
      return { ...state, card: null }
    case 'open-dialog':
      return { ...state, dialog: action.dialog }
    case 'close-dialog':
      return { ...state, dialog: null }
  }
}

/** The plan shown: the chosen one while the person is a member of it, else their first. */
export function planInView(state: BoardViewState, planIds: readonly string[]): string | null {
  return planIds.find((id) => id === state.planId) ?? planIds[0] ?? null
}

/** The open card, when it belongs to the plan shown. */
export function cardInView(state: BoardViewState, planId: string | null): string | null {
  return state.card && state.card.planId === planId ? state.card.cardId : null
}
