import { canWorkOnCard } from './permissions.ts'
import type { Actor, Role } from './roles.ts'

/** The four board columns, in display order (DESIGN §3). */
export const CARD_STATUSES = ['planned', 'in_progress', 'evidence_submitted', 'verified'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

export function isCardStatus(value: unknown): value is CardStatus {
  return typeof value === 'string' && (CARD_STATUSES as readonly string[]).includes(value)
}

/** Who a transition names: a school role, or the card's own assignees. */
export type Mover = Role | 'assignee'

/** What a legal move means to people; drives activity texts, reviews and the inbox. */
export const MOVE_KINDS = [
  'start',
  'unstart',
  'submit',
  'withdraw',
  'send_back',
  'verify',
  'reopen',
] as const
export type MoveKind = (typeof MOVE_KINDS)[number]

interface Transition {
  from: CardStatus
  to: CardStatus
  kind: MoveKind
  who: readonly Mover[]
  /** The card must carry at least one evidence item. */
  needsEvidence?: boolean
  /** The mover must say why (the assignees see it). */
  needsReason?: boolean
  /**
   * Nobody who took part in the card (`tookPart`) may make this move, whatever other role
   * they hold: separation of duties (docs/decisions/015).
   */
  notOwnCard?: boolean
}

/**
 * Every legal move between columns (DESIGN §3). Anything not listed is refused. Two
 * transitions may share a pair of columns when different people make them for different
 * reasons: an assignee withdraws a submission, a monitor sends it back.
 */
export const TRANSITIONS = [
  { from: 'planned', to: 'in_progress', kind: 'start', who: ['assignee', 'principal'] },
  { from: 'in_progress', to: 'planned', kind: 'unstart', who: ['assignee', 'principal'] },
  {
    from: 'in_progress',
    to: 'evidence_submitted',
    kind: 'submit',
    who: ['assignee', 'principal'],
    needsEvidence: true,
  },
  { from: 'evidence_submitted', to: 'in_progress', kind: 'withdraw', who: ['assignee'] },
  {
    from: 'evidence_submitted',
    to: 'in_progress',
    kind: 'send_back',
    who: ['monitor'],
    needsReason: true,
  },
  // Checked again at the moment of verifying: the evidence may have gone since the submission.
  {
    from: 'evidence_submitted',
    to: 'verified',
    kind: 'verify',
    who: ['monitor'],
    notOwnCard: true,
    needsEvidence: true,
  },
  {
    from: 'verified',
    to: 'in_progress',
    kind: 'reopen',
    who: ['monitor', 'principal'],
    needsReason: true,
  },
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
  'no_such_transition',
  'role_not_allowed',
  'own_card',
  'evidence_missing',
  'reason_required',
] as const
export type MoveRejection = (typeof MOVE_REJECTIONS)[number]

/**
 * The decision on one move. A legal move says what it is (`kind`; `'reorder'` inside its own
 * column) and whether its mover must give a reason, which the UI asks for after the drop.
 */
export type MoveCheck =
  | { ok: true; kind: MoveKind | 'reorder'; needsReason: boolean }
  | { ok: false; reason: MoveRejection }

/** The transitions between two columns, in the order they are tried. */
export function transitionsBetween(from: CardStatus, to: CardStatus) {
  return TRANSITIONS.filter((t) => t.from === from && t.to === to)
}

/** The movers this actor counts as for this card. */
function moversOf(card: MovableCard, actor: Actor): Mover[] {
  const movers: Mover[] = [...actor.roles]
  if (card.assigneeIds.includes(actor.id)) movers.push('assignee')
  return movers
}

/**
 * May `actor` move `card` to `to`? Pure: no clock, no database. Every way of moving a card
 * (drag, menu, review queue, the server) asks this, and nothing else decides.
 *
 * Inside its own column a move is a reorder, allowed to whoever may work on the card. When
 * an actor qualifies for several transitions, the one that asks least wins: an assignee who
 * is also a monitor withdraws their own submission without a reason.
 *
 * @example
 * const card = { status: 'planned', evidenceCount: 0, assigneeIds: ['u1'], involvedIds: [] } as const
 * checkMove(card, 'in_progress', { id: 'u1', roles: ['staff'] })
 * // → { ok: true, kind: 'start', needsReason: false }
 * checkMove(card, 'verified', { id: 'u1', roles: ['staff'] })
 * // → { ok: false, reason: 'no_such_transition' }
 */
export function checkMove(card: MovableCard, to: CardStatus, actor: Actor): MoveCheck {
  if (card.status === to) {
    return canWorkOnCard(card, actor)
      ? { ok: true, kind: 'reorder', needsReason: false }
      : { ok: false, reason: 'role_not_allowed' }
  }
  const candidates = transitionsBetween(card.status, to)
  if (candidates.length === 0) return { ok: false, reason: 'no_such_transition' }
  const movers = moversOf(card, actor)
  const eligible = candidates.filter((t: Transition) => t.who.some((m) => movers.includes(m)))
  if (eligible.length === 0) return { ok: false, reason: 'role_not_allowed' }
  const t: Transition = eligible.find((e: Transition) => !e.needsReason) ?? eligible[0]!
  if (t.notOwnCard && tookPart(card, actor.id)) return { ok: false, reason: 'own_card' }
  if (t.needsEvidence && card.evidenceCount < 1) return { ok: false, reason: 'evidence_missing' }
  return { ok: true, kind: t.kind, needsReason: t.needsReason ?? false }
}

/**
 * A move as the server receives it: `checkMove`, then the reason it needs, which must not
 * be blank.
 *
 * @example
 * checkMoveCommand(submitted, 'in_progress', monitor, '  ') // → { ok: false, reason: 'reason_required' }
 */
export function checkMoveCommand(
  card: MovableCard,
  to: CardStatus,
  actor: Actor,
  reason: string | null | undefined,
): MoveCheck {
  const check = checkMove(card, to, actor)
  if (check.ok && check.needsReason && !reason?.trim()) {
    return { ok: false, reason: 'reason_required' }
  }
  return check
}

/**
 * The columns this actor may drop the card into (its own column when they may reorder it),
 * before any reason is asked. Lights up drop targets; the server re-checks every move.
 */
export function allowedTargets(card: MovableCard, actor: Actor): CardStatus[] {
  return CARD_STATUSES.filter((to) => checkMove(card, to, actor).ok)
}

/** Statuses reachable from `from` by anybody: the "what is allowed" part of a refusal. */
export function nextStatuses(from: CardStatus): CardStatus[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === from).map((t) => t.to))]
}

/** Everyone a transition between these columns names, for "only … may" messages. */
export function moversBetween(from: CardStatus, to: CardStatus): Mover[] {
  return [...new Set(transitionsBetween(from, to).flatMap((t) => t.who))]
}
