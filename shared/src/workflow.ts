import type { Actor, Role } from './roles.ts'

/** The four board columns, in display order (DESIGN §3). */
export const CARD_STATUSES = ['planned', 'in_progress', 'evidence_submitted', 'verified'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

export function isCardStatus(value: unknown): value is CardStatus {
  return typeof value === 'string' && (CARD_STATUSES as readonly string[]).includes(value)
}

/** Who a transition names: a school role, or the card's own assignees. */
export type Mover = Role | 'assignee'

interface Transition {
  from: CardStatus
  to: CardStatus
  who: readonly Mover[]
  /** The card must carry at least one evidence item. */
  needsEvidence?: boolean
  /** These movers must give a reason (all movers when `true`). */
  reasonFrom?: readonly Mover[] | true
  /**
   * Nobody who took part in the card (`tookPart`) may make this move, whatever other role
   * they hold: separation of duties (docs/decisions/015).
   */
  notOwnCard?: boolean
}

/** Every legal move (DESIGN §3). Anything not listed is refused. */
export const TRANSITIONS = [
  { from: 'planned', to: 'in_progress', who: ['assignee', 'principal'] },
  { from: 'in_progress', to: 'planned', who: ['assignee', 'principal'] },
  {
    from: 'in_progress',
    to: 'evidence_submitted',
    who: ['assignee', 'principal'],
    needsEvidence: true,
  },
  // An assignee withdraws without a reason; a monitor sends back and must say why.
  {
    from: 'evidence_submitted',
    to: 'in_progress',
    who: ['assignee', 'monitor'],
    reasonFrom: ['monitor'],
  },
  // Checked again at the moment of verifying: the evidence may have gone since the submission.
  {
    from: 'evidence_submitted',
    to: 'verified',
    who: ['monitor'],
    notOwnCard: true,
    needsEvidence: true,
  },
  { from: 'verified', to: 'in_progress', who: ['monitor', 'principal'], reasonFrom: true },
] as const satisfies readonly Transition[]

/** The fields of a card the rule needs, and nothing more. */
export interface MovableCard {
  status: CardStatus
  /** Its live evidence items, its own and those linked to it from another card. */
  evidenceCount: number
  /** Who is assigned to it now. */
  assigneeIds: readonly string[]
  /**
   * Who else took part in the work a verifier judges: while the card waits in "Đã nộp minh
   * chứng", whoever was assigned when it was submitted and whoever submitted it; at any
   * time, whoever added or linked an item of its live evidence. Together with
   * `assigneeIds`, the people who may not verify it (docs/decisions/015). The server
   * computes it; a card that was never submitted and has no evidence has none.
   */
  involvedIds: readonly string[]
}

/**
 * Did this person take part in the card: assigned now, assigned when it was submitted,
 * its submitter, or the author or linker of one of its evidence items? Such a person may
 * not verify it, whatever other role they hold.
 *
 * @example
 * tookPart({ assigneeIds: ['u2'], involvedIds: ['u1'] }, 'u1') // → true: u1 submitted it
 */
export function tookPart(
  card: Pick<MovableCard, 'assigneeIds' | 'involvedIds'>,
  userId: string,
): boolean {
  return card.assigneeIds.includes(userId) || card.involvedIds.includes(userId)
}

/** Why an evidence item may not leave a card; null when it may. */
export type EvidenceRemovalRefusal = 'frozen' | 'last_evidence'

/**
 * May one evidence item leave this card (deleted, or deleted where it is linked)? Not from
 * a verified card (its evidence is frozen), and not the last item of a card that waits for
 * review: the card would be verified with nothing to check. The card is withdrawn to "Đang
 * thực hiện" first (docs/decisions/015).
 *
 * @example
 * evidenceRemovalRefusal({ status: 'evidence_submitted', evidenceCount: 1 }) // → 'last_evidence'
 * evidenceRemovalRefusal({ status: 'evidence_submitted', evidenceCount: 2 }) // → null
 */
export function evidenceRemovalRefusal(
  card: Pick<MovableCard, 'status' | 'evidenceCount'>,
): EvidenceRemovalRefusal | null {
  if (card.status === 'verified') return 'frozen'
  if (card.status === 'evidence_submitted' && card.evidenceCount <= 1) return 'last_evidence'
  return null
}

export const MOVE_REJECTIONS = [
  'same_status',
  'no_such_transition',
  'role_not_allowed',
  'own_card',
  'evidence_missing',
  'reason_required',
] as const
export type MoveRejection = (typeof MOVE_REJECTIONS)[number]

export type MoveCheck =
  | { ok: true; kind: MoveKind }
  | { ok: false; reason: MoveRejection; transition: (typeof TRANSITIONS)[number] | undefined }

/** What a legal move means to people; drives activity texts and the inbox. */
export type MoveKind =
  'start' | 'unstart' | 'submit' | 'withdraw' | 'send_back' | 'verify' | 'reopen'

export function findTransition(from: CardStatus, to: CardStatus) {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** The movers this actor counts as for this card. */
function moversOf(card: MovableCard, actor: Actor): Mover[] {
  const movers: Mover[] = [...actor.roles]
  if (card.assigneeIds.includes(actor.id)) movers.push('assignee')
  return movers
}

function kindOf(t: Transition, via: Mover): MoveKind {
  if (t.to === 'verified') return 'verify'
  if (t.from === 'verified') return 'reopen'
  if (t.from === 'evidence_submitted') return via === 'monitor' ? 'send_back' : 'withdraw'
  if (t.to === 'evidence_submitted') return 'submit'
  return t.to === 'in_progress' ? 'start' : 'unstart'
}

/**
 * May `actor` move `card` to `to`? Pure: no clock, no database.
 *
 * When an actor qualifies through several roles, the one that asks least of them
 * wins: an assignee who is also a monitor withdraws their own card without a reason.
 *
 * @example
 * checkMove({ status: 'planned', evidenceCount: 0, assigneeIds: ['u1'], involvedIds: [] }, 'in_progress', { id: 'u1', roles: ['staff'] })
 * // → { ok: true, kind: 'start' }
 */
export function checkMove(
  card: MovableCard,
  to: CardStatus,
  actor: Actor,
  options: { reason?: string | null } = {},
): MoveCheck {
  if (card.status === to) return { ok: false, reason: 'same_status', transition: undefined }
  const transition = findTransition(card.status, to)
  if (!transition) return { ok: false, reason: 'no_such_transition', transition }
  const t: Transition = transition
  const movers = moversOf(card, actor)
  const eligible = t.who.filter((m) => movers.includes(m))
  if (eligible.length === 0) return { ok: false, reason: 'role_not_allowed', transition }
  if (t.notOwnCard && tookPart(card, actor.id)) {
    return { ok: false, reason: 'own_card', transition }
  }
  if (t.needsEvidence && card.evidenceCount < 1) {
    return { ok: false, reason: 'evidence_missing', transition }
  }
  const hasReason = (options.reason ?? '').trim().length > 0
  const withoutReason = eligible.find((m) => !needsReason(t, m))
  if (withoutReason) return { ok: true, kind: kindOf(t, withoutReason) }
  if (!hasReason) return { ok: false, reason: 'reason_required', transition }
  return { ok: true, kind: kindOf(t, eligible[0]!) }
}

function needsReason(t: Transition, mover: Mover): boolean {
  if (t.reasonFrom === true) return true
  return t.reasonFrom?.includes(mover) ?? false
}

/**
 * The columns this actor may drop the card into, ignoring reasons (the UI asks for one
 * after the drop). Used to light up drop targets; the server re-checks every move.
 */
export function allowedTargets(card: MovableCard, actor: Actor): CardStatus[] {
  return CARD_STATUSES.filter((to) => {
    const check = checkMove(card, to, actor, { reason: 'x' })
    return check.ok
  })
}

/** Does this move need a reason from this actor (send back, reopen)? */
export function moveNeedsReason(card: MovableCard, to: CardStatus, actor: Actor): boolean {
  const withReason = checkMove(card, to, actor, { reason: 'x' })
  if (!withReason.ok) return false
  const without = checkMove(card, to, actor)
  return !without.ok && without.reason === 'reason_required'
}

/** Statuses reachable from `from` by anybody: the "what is allowed" part of a refusal. */
export function nextStatuses(from: CardStatus): CardStatus[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to)
}
