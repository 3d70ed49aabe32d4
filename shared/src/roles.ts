/** The per-school roles of DESIGN §3. A person may hold several in one school. */
export const ROLES = ['staff', 'monitor', 'principal'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Who is acting, as the rules see them: an id and their roles in the card's school. */
export interface Actor {
  id: string
  roles: readonly Role[]
}

/**
 * May this person create, import, edit, delete plans and cards, and assign people?
 * Only the principal (DESIGN §3, roles table).
 */
export function canManagePlan(actor: Actor): boolean {
  return actor.roles.includes('principal')
}

/**
 * May this person edit a card's working data (reorder it, add evidence)?
 * Its assignees and the principal: the same people who may start it.
 */
export function canWorkOnCard(card: { assigneeIds: readonly string[] }, actor: Actor): boolean {
  return card.assigneeIds.includes(actor.id) || actor.roles.includes('principal')
}

/** Members of a school may read its board and comment; every role qualifies. */
export function canComment(actor: Actor): boolean {
  return actor.roles.length > 0
}
