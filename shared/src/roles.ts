/**
 * The roles of DESIGN §3 and §8. A person may hold several in one school. The first three are
 * held in a school (a `membership` row); `overseer` is held over a school through an
 * overseeing body that oversees it (docs/decisions/018, 029): it reads and changes nothing.
 */
export const ROLES = ['staff', 'monitor', 'principal', 'overseer'] as const
export type Role = (typeof ROLES)[number]

/** The roles a school gives its own people (a `membership` row). */
export const SCHOOL_ROLES = ['staff', 'monitor', 'principal'] as const satisfies readonly Role[]
export type SchoolRole = (typeof SCHOOL_ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function isSchoolRole(value: unknown): value is SchoolRole {
  return typeof value === 'string' && (SCHOOL_ROLES as readonly string[]).includes(value)
}

/**
 * Who is acting, as the rules see them: an id and their roles in the school the thing acted
 * on belongs to. The server resolves it from memberships and oversight (docs/decisions/018,
 * 029); every rule in `permissions.ts` and `workflow.ts` takes it and nothing else about the
 * person.
 */
export interface Actor {
  id: string
  roles: readonly Role[]
}
