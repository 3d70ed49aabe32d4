import type { CardFields } from './schemas/card.ts'
import type { EvidenceKind } from './schemas/evidence.ts'
import { MOVE_KINDS, type CardStatus, type MoveKind } from './workflow.ts'

/**
 * Every action the activity log records: the card's life, its moves (workflow.ts
 * MOVE_KINDS; a reorder is not logged), its evidence and its comments. The log is
 * append-only and monthly figures are rebuilt from it, so an action, once written, keeps
 * its name and its detail's shape forever; a new action is added here first.
 */
export const ACTIVITY_ACTIONS = [
  'created',
  'edited',
  'assigned',
  'deleted',
  'restored',
  'carried_over',
  ...MOVE_KINDS,
  'evidence_added',
  'evidence_deleted',
  'evidence_linked',
  'evidence_code_changed',
  'commented',
] as const
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number]

export function isActivityAction(value: unknown): value is ActivityAction {
  return typeof value === 'string' && (ACTIVITY_ACTIONS as readonly string[]).includes(value)
}

/**
 * The fields monthly figures depend on, as they stand after a write. Logged with every
 * "created" and "edited" entry so that any past month can be rebuilt from the log alone.
 */
export type FigureState = {
  standard: string | null
  criterion: string | null
  dueMonth: string | null
  budgetAmount: number | null
}

/** A plan field of a card, by its name in the card schema. */
export type PlanField = keyof CardFields

/** One plan field's change in an edit: the text before and after ('' is logged as null). */
export type FieldChange = { field: PlanField; before: string | null; after: string | null }

/** The card (of an earlier plan) a carried-over card continues. */
export type CarriedFrom = { planId: string; cardId: string }

/** Where an entry written by a plan import came from. */
type FromImport = {
  /** The imported file's name. */
  import?: string
  /** The row of the file's table. */
  sourceRow?: number
}

type EvidenceItem = { evidenceId: string; code: string | null; title: string }

/**
 * The detail JSON of each action. Type aliases, not interfaces, so that a reader may still
 * treat a detail as a plain record.
 */
export type ActivityDetails = {
  created: FromImport & {
    state: FigureState & { assigneeIds: string[] }
    /** Carried over from last year's plan (plan-life.ts). */
    carriedFrom?: CarriedFrom
  }
  /**
   * `changes` (since issue 12) holds each field's text before and after; `schoolYear` marks
   * months read again after the plan's school year changed (no field changed then).
   */
  edited: FromImport & {
    fields: PlanField[]
    changes?: FieldChange[]
    schoolYear?: { before: string; after: string }
    /** The school set its calendar for this school year: the timeframe's months read again. */
    calendar?: { schoolYear: string }
    state: FigureState
  }
  assigned: { before: string[]; after: string[]; import?: string }
  deleted: null
  /** Back on the board, in the column it left (the entry's toStatus), as it then stood. */
  restored: { state: FigureState & { assigneeIds: string[] } }
  /** Left behind in this plan; continued by a card of a later plan. */
  carried_over: { toPlanId: string; toCardId: string }
  /** Who was assigned when it was submitted: they may not verify it (docs/decisions/015). */
  submit: { assigneeIds: string[] }
  evidence_added: EvidenceItem & { kind: EvidenceKind }
  evidence_deleted: EvidenceItem & { kind: EvidenceKind }
  evidence_linked: EvidenceItem & { fromCardId: string }
  evidence_code_changed: { evidenceId: string; before: string | null; after: string }
  commented: { commentId: string }
} & Record<Exclude<MoveKind, 'submit'>, null>

export type ActivityDetail<A extends ActivityAction = ActivityAction> = ActivityDetails[A]

/**
 * What one log entry says, discriminated by its action: the detail that goes with it, and
 * for a move (or a deletion) the columns it left and entered and the reason given.
 */
export type ActivityEvent = {
  [A in ActivityAction]: {
    action: A
    detail: ActivityDetails[A]
    fromStatus?: CardStatus | null
    toStatus?: CardStatus | null
    reason?: string | null
  }
}[ActivityAction]

/**
 * An entry's detail as stored (JSON text), read back as its action's type. Entries logged
 * before docs/decisions/015 have no detail for 'submit': they read as no assignees.
 *
 * @example
 * readActivityDetail('submit', null) // → { assigneeIds: [] }
 */
export function readActivityDetail<A extends ActivityAction>(
  action: A,
  stored: string | null,
): ActivityDetails[A] {
  const detail: unknown = stored === null ? null : JSON.parse(stored)
  if (action === 'submit') {
    const ids = (detail as { assigneeIds?: unknown } | null)?.assigneeIds
    const assigneeIds = Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []
    return { assigneeIds } as ActivityDetails[A]
  }
  return detail as ActivityDetails[A]
}

/**
 * A logged entry read back, discriminated by its action (the card's history, the log
 * replay), with the other columns read (`Extra`); `A` narrows it to the actions read.
 */
export type LoggedActivity<Extra = object, A extends ActivityAction = ActivityAction> = {
  [K in A]: Extra & { action: K; detail: ActivityDetails[K] }
}[A]

/** Reads a stored row's action and detail as one discriminated entry. */
export function readActivity<
  R extends { action: A; detail: string | null },
  A extends ActivityAction = R['action'],
>(row: R): LoggedActivity<Omit<R, 'action' | 'detail'>, A> {
  return { ...row, detail: readActivityDetail(row.action, row.detail) }
}
