import { councilChair, type CouncilMember } from './council.ts'
import type { PlanState } from './plan-life.ts'
import { isSchoolRole, type Actor, type Role } from './roles.ts'
import type { CardStatus } from './workflow.ts'

/**
 * Who may do what, apart from moving cards (workflow.ts). DESIGN §3's roles table, one
 * predicate per row: the server enforces them and the web uses the same ones to show or hide
 * controls, so a change here is a change everywhere. Each takes the Actor resolved for the
 * school the plan belongs to (docs/decisions/018).
 */

/**
 * May this person read the plan's school: its board, cards, evidence, reviews? Its members,
 * and the overseers of a body that oversees it (read-only, docs/decisions/029).
 */
export function isMember(actor: Actor): boolean {
  return actor.roles.length > 0
}

/** Does this person hold a role in the school itself (not only an overseer's reading)? */
export function isSchoolMember(actor: Actor): boolean {
  return actor.roles.some(isSchoolRole)
}

/**
 * May this person write anything of the school's plans (each write then asks its own
 * predicate)? Its own people; an overseer reads and changes nothing (DESIGN §8).
 */
export function canWriteSchool(actor: Actor): boolean {
  return isSchoolMember(actor)
}

/**
 * Does this person read the school as an overseer only? Then each look at its evidence is
 * logged for the school to see (docs/decisions/029).
 */
export function readsAsOverseer(actor: Actor): boolean {
  return actor.roles.includes('overseer') && !isSchoolMember(actor)
}

/**
 * May this person create, import, edit and delete plans and cards, assign people, take
 * snapshots on demand and adjust evidence codes? Only the principal.
 */
export function canManagePlan(actor: Actor): boolean {
  return actor.roles.includes('principal')
}

/**
 * May this person work on a card (reorder it, add or link evidence)? Its assignees and the
 * principal: the same people who may start it.
 */
export function canWorkOnCard(card: { assigneeIds: readonly string[] }, actor: Actor): boolean {
  return card.assigneeIds.includes(actor.id) || canManagePlan(actor)
}

/** Members of a school may comment on its cards; every school role qualifies. */
export function canComment(actor: Actor): boolean {
  return isSchoolMember(actor)
}

/**
 * May this person follow the plan's progress: the monthly snapshots and reports, and the
 * review queue as a list? The monitoring team, the principal, and the school's overseers.
 */
export function canSeeProgress(actor: Actor): boolean {
  return actor.roles.includes('monitor') || canManagePlan(actor) || actor.roles.includes('overseer')
}

/**
 * Does this person speak for the monitoring team: verify or send back from the review queue,
 * and write the month's remarks? Members of the Tổ giám sát. Which cards they may judge is
 * the workflow's rule (`checkMove`: not a card they took part in).
 */
export function canReview(actor: Actor): boolean {
  return actor.roles.includes('monitor')
}

/**
 * May this person open a checkpoint review, sign it off and reopen it? The principal, and the
 * chair of the plan's monitoring body (council.ts): the body's head signs table VI for it.
 *
 * @example
 * canRunCheckpoint({ id: 'u2', roles: ['staff'] }, { members: [{ userId: 'u2', title: 'chair' }] }) // → true
 */
export function canRunCheckpoint(
  actor: Actor,
  council: { members: readonly CouncilMember[] },
): boolean {
  return canManagePlan(actor) || councilChair(council) === actor.id
}

/**
 * May this person edit an open checkpoint review: its rows' levels and table VI's texts? Those
 * who run it, and every member of the plan's body (they review the plan together).
 */
export function canEditCheckpoint(
  actor: Actor,
  council: { members: readonly CouncilMember[] },
): boolean {
  return canRunCheckpoint(actor, council) || council.members.some((m) => m.userId === actor.id)
}

/** Why evidence cannot be added to, or linked into, a card; null when it can. */
export type EvidenceAddRefusal = 'forbidden' | 'frozen'

/**
 * May this person add evidence to the card, or link an item into it? Those who may work on
 * it, until it is verified: a verified card's evidence is frozen.
 *
 * @example
 * evidenceAddRefusal({ status: 'verified', assigneeIds: ['u1'] }, { id: 'u1', roles: ['staff'] }) // → 'frozen'
 */
export function evidenceAddRefusal(
  card: { status: CardStatus; assigneeIds: readonly string[] },
  actor: Actor,
): EvidenceAddRefusal | null {
  if (!canWorkOnCard(card, actor)) return 'forbidden'
  if (card.status === 'verified') return 'frozen'
  return null
}

/** Only the person who added an evidence item may delete it (then the card's rule applies). */
export function canDeleteEvidence(item: { createdBy: string }, actor: Actor): boolean {
  return item.createdBy === actor.id
}

/** Why nothing of a plan may be written now; null when it may. */
export type PlanWriteRefusal = 'archived'

/**
 * May anything of this plan be written: its cards, their evidence and comments, imports,
 * remarks and snapshots? Not while it is archived: an archived plan is read-only (still
 * searchable and exportable) until the principal unarchives it.
 *
 * @example
 * planWriteRefusal({ state: 'archived' }) // → 'archived'
 */
export function planWriteRefusal(plan: { state: PlanState }): PlanWriteRefusal | null {
  return plan.state === 'archived' ? 'archived' : null
}

/**
 * May this person see a deleted plan of the school and restore it, and the deleted cards
 * of a plan? The principal, who alone deletes them (canManagePlan).
 */
export function canRestore(actor: Actor): boolean {
  return canManagePlan(actor)
}

/**
 * May this person manage a school's people: add them, import a staff list, change roles,
 * deactivate and reset passwords? The school's principal (vice-principals hold the
 * principal role too), and the system administrator for every school.
 */
export function canManagePeople(who: { roles: readonly Role[]; isAdmin?: boolean }): boolean {
  return who.isAdmin === true || who.roles.includes('principal')
}

/**
 * May this person set the school's calendar for a school year (the months of semesters I and
 * II, which "Học kỳ I" timeframes and the checkpoint reviews read)? The principal. Every member
 * reads it.
 */
export function canSetSchoolCalendar(actor: Actor): boolean {
  return actor.roles.includes('principal')
}

/**
 * May this person create a body's overseer accounts? The system administrator, and the
 * body's lead for their own body.
 */
export function canManageBodyAccounts(who: { isAdmin: boolean; isLead: boolean }): boolean {
  return who.isAdmin || who.isLead
}

/** May this person create, list and deactivate schools? The system administrator only. */
export function canManageSchools(who: { isAdmin: boolean }): boolean {
  return who.isAdmin
}

/** The rules above, by name, for refusals: one message per rule (permission-messages.ts). */
export type PermissionRule =
  | 'manage_plan'
  | 'see_progress'
  | 'review'
  | 'comment'
  | 'member'
  | 'manage_people'
  | 'manage_schools'
  | 'run_checkpoint'
  | 'edit_checkpoint'
  | 'set_calendar'
  | 'oversee_read_only'
  | 'manage_body_accounts'
