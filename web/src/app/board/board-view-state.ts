import type { Screen } from '../addresses'

/*
 * What the board page shows: which plan, which card is open, which dialog. The address
 * holds the plan, the open card, the review queue and the dashboard's month
 * (addresses.ts), so back, forward and reload keep them; only the dialogs that start
 * something (a new plan, an import) live in memory.
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

/** The dialogs that live in memory: closing the page forgets them. */
export type MemoryDialog =
  /** `into`: the plan was just made for this import, so it is the wizard's target. */
  | { kind: 'import'; planId: string; into?: boolean }
  | { kind: 'new-plan'; context: NewPlanContext }
  /** About the plan in view (the principal's card tools): closed when another plan is chosen. */
  | { kind: 'new-card' }
  | { kind: 'deleted-cards' }

/** The dialogs an address opens, about the plan in view. */
export type AddressDialog = { kind: 'review-queue' } | { kind: 'progress'; month: string | null }

export type BoardDialog = MemoryDialog | AddressDialog

/** Is this dialog one an address opens (the rest live in memory)? */
export const isAddressDialog = (dialog: BoardDialog): dialog is AddressDialog =>
  dialog.kind === 'review-queue' || dialog.kind === 'progress'

/** A dialog about the plan in view, closed when another plan is chosen. */
export const isAboutPlanInView = (dialog: BoardDialog | null) =>
  dialog?.kind === 'new-card' || dialog?.kind === 'deleted-cards'

/** What a board screen's address shows over the board. */
export function screenView(screen: Screen): {
  cardId: string | null
  dialog: AddressDialog | null
} {
  switch (screen.kind) {
    case 'card':
      return { cardId: screen.cardId, dialog: null }
    case 'reviews':
      return { cardId: null, dialog: { kind: 'review-queue' } }
    case 'progress':
      return { cardId: null, dialog: { kind: 'progress', month: screen.month } }
    default:
      return { cardId: null, dialog: null }
  }
}

/** The address that shows a dialog about a plan (the board itself for none). */
export function dialogScreen(planId: string, dialog: AddressDialog | null): Screen {
  if (!dialog) return { kind: 'board', planId }
  return dialog.kind === 'review-queue'
    ? { kind: 'reviews', planId }
    : { kind: 'progress', planId, month: dialog.month }
}
