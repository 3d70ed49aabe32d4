/** The per-school roles of DESIGN §3. A person may hold several in one school. */
export const ROLES = ['staff', 'monitor', 'principal'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/**
 * Who is acting, as the rules see them: an id and their roles in the school the thing acted
 * on belongs to. The server resolves it from memberships (docs/decisions/018); every rule in
 * `permissions.ts` and `workflow.ts` takes it and nothing else about the person.
 */
export interface Actor {
  id: string
  roles: readonly Role[]
}
