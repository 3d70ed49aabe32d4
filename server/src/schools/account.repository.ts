import { sql } from 'kysely'
import type { AccountEventAction, DocumentSettings } from '@caitien/shared'
import type { Db, Executor } from '@caitien/db'
import {
  isRole,
  isSchoolRole,
  ROLES,
  SCHOOL_ROLES,
  type Role,
  type SchoolRole,
} from '@caitien/shared'
import { hashPassword } from '../auth/password.ts'

/**
 * The accounts' SQL: schools, users and their memberships (docs/decisions/020). Sessions
 * and the login throttle have their own repositories in auth/.
 */

/** The user's roles in a school: empty when they are not a member. */
export async function listRoles(db: Executor, schoolId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('membership')
    .select((eb) => eb.ref('role').$castTo<string>().as('role'))
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .unionAll(
      db
        .selectFrom('oversight')
        .innerJoin('body_member', 'body_member.body_id', 'oversight.body_id')
        .select(sql<string>`'overseer'`.as('role'))
        .where('oversight.school_id', '=', schoolId)
        .where('body_member.user_id', '=', userId),
    )
    .execute()
  const roles = new Set(rows.map((r) => r.role).filter(isRole))
  return ROLES.filter((r) => roles.has(r))
}

/** Every role the user holds, school by school (one row per school and role). */
export async function listUserRoles(db: Executor, userId: string) {
  return db
    .selectFrom('membership')
    .select(['school_id', 'role'])
    .where('user_id', '=', userId)
    .execute()
}

/** Are all these users members of the school? (True for none.) */
export async function areMembers(
  db: Executor,
  schoolId: string,
  userIds: readonly string[],
): Promise<boolean> {
  if (userIds.length === 0) return true
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', [...userIds])
    .execute()
  return rows.length === new Set(userIds).size
}

/** The ids of a school's members. */
export async function listMemberIds(db: Executor, schoolId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .where('school_id', '=', schoolId)
    .execute()
  return new Set(rows.map((m) => m.user_id))
}

/** Membership rows (one per role) gathered per id, in their order, each with its roles. */
function withRoles<R extends { id: string; role: string }, T>(
  rows: R[],
  entry: (row: R) => T,
): (T & { roles: SchoolRole[] })[] {
  const byId = new Map<string, T & { roles: SchoolRole[] }>()
  for (const r of rows) {
    const found = byId.get(r.id) ?? { ...entry(r), roles: [] }
    if (isSchoolRole(r.role)) found.roles.push(r.role)
    byId.set(r.id, found)
  }
  // In the order of SCHOOL_ROLES, whatever order the rows came in.
  for (const entry of byId.values())
    entry.roles.sort((a, b) => SCHOOL_ROLES.indexOf(a) - SCHOOL_ROLES.indexOf(b))
  return [...byId.values()]
}

/** The schools a user belongs to, with their roles in each. */
export async function listMemberships(db: Db, userId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('school', 'school.id', 'membership.school_id')
    .select(['school.id', 'school.name', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('school.name')
    .execute()
  return withRoles(rows, (r) => ({ schoolId: r.id, schoolName: r.name }))
}

/** Everyone in a school with their roles: for assignment and the assignee filter. */
export async function listSchoolMembers(db: Executor, schoolId: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.deactivated_at', 'membership.role'])
    .where('membership.school_id', '=', schoolId)
    .orderBy('app_user.display_name')
    .execute()
  // A deactivated person keeps their name on the cards they worked on; pickers leave them out.
  return withRoles(rows, (r) => ({
    id: r.id,
    displayName: r.display_name,
    deactivated: r.deactivated_at !== null,
  }))
}

export async function insertSchool(
  db: Executor,
  input: { name: string; schoolLevel: string; now: string; id?: string },
): Promise<string> {
  const id = input.id ?? crypto.randomUUID()
  await db
    .insertInto('school')
    .values({ id, name: input.name, school_level: input.schoolLevel, created_at: input.now })
    .execute()
  return id
}

export interface PersonFields {
  email?: string | null
  phone?: string | null
  position?: string | null
  department?: string | null
}

export async function insertUser(
  db: Executor,
  input: {
    login: string
    displayName: string
    /** The password, or its hash made ahead (outside a transaction: hashing is slow). */
    password: string | { hash: string }
    isAdmin?: boolean
    now: string
    /** A one-time password: the next login must choose a new one. */
    mustChangePassword?: boolean
  } & PersonFields,
): Promise<string> {
  const id = crypto.randomUUID()
  await db
    .insertInto('app_user')
    .values({
      id,
      login: input.login.toLowerCase(),
      display_name: input.displayName,
      password_hash:
        typeof input.password === 'string'
          ? await hashPassword(input.password)
          : input.password.hash,
      is_admin: input.isAdmin ? 1 : 0,
      created_at: input.now,
      password_changed_at: input.now,
      email: input.email ?? null,
      phone: input.phone ?? null,
      position: input.position ?? null,
      department: input.department ?? null,
      must_change_password: input.mustChangePassword ? 1 : 0,
    })
    .execute()
  return id
}

export async function insertMembership(
  db: Executor,
  input: { schoolId: string; userId: string; roles: SchoolRole[]; now: string },
): Promise<void> {
  if (input.roles.length === 0) return
  await db
    .insertInto('membership')
    .values(
      input.roles.map((role) => ({
        school_id: input.schoolId,
        user_id: input.userId,
        role,
        created_at: input.now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Takes roles in a school away from a user; returns those they had. Their open board
 * streams of that school close at the next heartbeat once no role is left.
 */
export async function deleteMembership(
  db: Db,
  input: { schoolId: string; userId: string; roles: SchoolRole[] },
): Promise<SchoolRole[]> {
  if (input.roles.length === 0) return []
  const rows = await db
    .deleteFrom('membership')
    .where('school_id', '=', input.schoolId)
    .where('user_id', '=', input.userId)
    .where('role', 'in', input.roles)
    .returning('role')
    .execute()
  return rows.map((r) => r.role).filter(isSchoolRole)
}

/** A user by login (any case), with what a password check needs. */
export async function findUserByLogin(db: Executor, login: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'is_admin', 'deactivated_at', 'must_change_password'])
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst()
}

/** Whether each school the user belongs to is deactivated (one entry per school). */
export async function listSchoolStatesOfUser(db: Executor, userId: string): Promise<boolean[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('school', 'school.id', 'membership.school_id')
    .select(['school.id', 'school.deactivated_at'])
    .distinct()
    .where('membership.user_id', '=', userId)
    .execute()
  return rows.map((r) => r.deactivated_at !== null)
}

/** Must the user choose a new password at their next step (0/1 flag)? */
export async function updateMustChangePassword(
  db: Executor,
  userId: string,
  must: boolean,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ must_change_password: must ? 1 : 0 })
    .where('id', '=', userId)
    .execute()
}

export async function findPasswordHash(db: Executor, userId: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.password_hash
}

export async function updatePasswordHash(
  db: Executor,
  input: { userId: string; hash: string; now: string; mustChange?: boolean },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: input.hash,
      password_changed_at: input.now,
      must_change_password: input.mustChange ? 1 : 0,
    })
    .where('id', '=', input.userId)
    .execute()
}

/** Is there any school yet? (None on the first start.) */
export async function hasSchools(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('school').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

export async function findSchool(db: Executor, schoolId: string) {
  return db
    .selectFrom('school')
    .select(['id', 'name', 'deactivated_at'])
    .where('id', '=', schoolId)
    .executeTakeFirst()
}

export async function listSchools(db: Executor) {
  return db.selectFrom('school').select(['id', 'name', 'school_level']).orderBy('name').execute()
}

/** Every account with its memberships (a row per school and role), or a school's. */
export async function listUsers(db: Executor, schoolId?: string) {
  return db
    .selectFrom('app_user')
    .leftJoin('membership', 'membership.user_id', 'app_user.id')
    .select([
      'app_user.login',
      'app_user.display_name',
      'app_user.is_admin',
      'membership.school_id',
      'membership.role',
    ])
    .orderBy('app_user.login')
    .$if(schoolId !== undefined, (q) => q.where('membership.school_id', '=', schoolId!))
    .execute()
}

/** The display names of everyone who is a member of some school. */
export async function listMemberNames(db: Executor) {
  return db
    .selectFrom('app_user')
    .innerJoin('membership', 'membership.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.display_name'])
    .distinct()
    .execute()
}

/** Remembers the plan whose board the user opened last (where they land next time). */
export async function updateLastPlan(db: Executor, userId: string, planId: string) {
  await db.updateTable('app_user').set({ last_plan_id: planId }).where('id', '=', userId).execute()
}

// ---------------------------------------------------------------------------------------
// People of a school, managed in the web app (issue 12).

const PERSON_COLUMNS = [
  'app_user.id',
  'app_user.login',
  'app_user.display_name',
  'app_user.email',
  'app_user.phone',
  'app_user.position',
  'app_user.department',
  'app_user.deactivated_at',
  'app_user.must_change_password',
  'membership.role',
] as const

type PersonRow = {
  id: string
  login: string
  display_name: string
  email: string | null
  phone: string | null
  position: string | null
  department: string | null
  deactivated_at: string | null
  must_change_password: number
}

const toPerson = (r: PersonRow) => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  email: r.email,
  phone: r.phone,
  position: r.position,
  department: r.department,
  deactivatedAt: r.deactivated_at,
  mustChangePassword: r.must_change_password === 1,
})
export type Person = ReturnType<typeof toPerson> & { roles: SchoolRole[] }

/** Everyone in a school, the deactivated included, with their roles and contact. */
export async function listPeople(db: Executor, schoolId: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(PERSON_COLUMNS)
    .where('membership.school_id', '=', schoolId)
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute()
  return withRoles(rows, toPerson)
}

/** One person of a school with their roles there; undefined when not a member. */
export async function findPerson(
  db: Executor,
  schoolId: string,
  userId: string,
): Promise<Person | undefined> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(PERSON_COLUMNS)
    .where('membership.school_id', '=', schoolId)
    .where('membership.user_id', '=', userId)
    .execute()
  return withRoles(rows, toPerson)[0]
}

/** Active principals of the school other than this person. */
export async function countOtherActivePrincipals(
  db: Executor,
  schoolId: string,
  userId: string,
): Promise<number> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('app_user.id')
    .where('membership.school_id', '=', schoolId)
    .where('membership.role', '=', 'principal')
    .where('app_user.id', '<>', userId)
    .where('app_user.deactivated_at', 'is', null)
    .execute()
  return rows.length
}

/** Which of these logins are taken already (lower-case). */
export async function listTakenLogins(
  db: Executor,
  logins: readonly string[],
): Promise<Set<string>> {
  if (logins.length === 0) return new Set()
  const taken = new Set<string>()
  // In slices: SQLite allows a bounded number of parameters per statement.
  for (let i = 0; i < logins.length; i += 500) {
    const rows = await db
      .selectFrom('app_user')
      .select('login')
      .where('login', 'in', logins.slice(i, i + 500))
      .execute()
    for (const r of rows) taken.add(r.login)
  }
  return taken
}

/** Replaces a person's roles in a school. */
export async function replaceRoles(
  db: Executor,
  input: { schoolId: string; userId: string; roles: SchoolRole[]; now: string },
): Promise<void> {
  await db
    .deleteFrom('membership')
    .where('school_id', '=', input.schoolId)
    .where('user_id', '=', input.userId)
    .execute()
  await insertMembership(db, input)
}

export async function updateDeactivated(
  db: Executor,
  userId: string,
  at: string | null,
): Promise<void> {
  await db.updateTable('app_user').set({ deactivated_at: at }).where('id', '=', userId).execute()
}

/** A person's own name and contact. */
export async function updateProfile(
  db: Executor,
  userId: string,
  fields: { displayName?: string; email?: string | null; phone?: string | null },
): Promise<void> {
  const set = {
    ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
    ...(fields.email !== undefined ? { email: fields.email } : {}),
    ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
  }
  if (Object.keys(set).length === 0) return
  await db.updateTable('app_user').set(set).where('id', '=', userId).execute()
}

/** The profile fields of one user. */
export async function findProfile(db: Executor, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['email', 'phone', 'position', 'department', 'must_change_password'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
}

/** The display name of a user, for the account log. */
export async function findDisplayName(db: Executor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.display_name ?? null
}

export async function insertAccountEvent(
  db: Executor,
  event: {
    schoolId: string | null
    actorId: string | null
    subjectId: string | null
    action: AccountEventAction
    detail?: Record<string, unknown>
    at: string
  },
): Promise<void> {
  const [actorName, subjectName] = await Promise.all([
    event.actorId ? findDisplayName(db, event.actorId) : null,
    event.subjectId ? findDisplayName(db, event.subjectId) : null,
  ])
  await db
    .insertInto('account_event')
    .values({
      id: crypto.randomUUID(),
      school_id: event.schoolId,
      actor_id: event.actorId,
      actor_name: actorName,
      subject_id: event.subjectId,
      subject_name: subjectName,
      action: event.action,
      detail: event.detail ? JSON.stringify(event.detail) : null,
      at: event.at,
    })
    .execute()
}

/** The account log of a school, newest first. */
export async function listAccountEvents(db: Executor, schoolId: string, limit = 200) {
  const rows = await db
    .selectFrom('account_event')
    .select(['id', 'actor_name', 'subject_name', 'action', 'at'])
    .where('school_id', '=', schoolId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    actorName: r.actor_name,
    subjectName: r.subject_name,
    action: r.action,
    at: r.at,
  }))
}

/** Every school with its principals, for the administrator. */
export async function listSchoolsWithPrincipals(db: Executor) {
  const [schools, principals] = await Promise.all([
    db
      .selectFrom('school')
      .select(['id', 'name', 'school_level', 'created_at', 'deactivated_at'])
      .orderBy('name')
      .execute(),
    db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select([
        'membership.school_id',
        'app_user.id',
        'app_user.login',
        'app_user.display_name',
        'app_user.deactivated_at',
      ])
      .where('membership.role', '=', 'principal')
      .orderBy('app_user.display_name')
      .execute(),
  ])
  return schools.map((s) => ({
    id: s.id,
    name: s.name,
    schoolLevel: s.school_level,
    createdAt: s.created_at,
    deactivatedAt: s.deactivated_at,
    principals: principals
      .filter((p) => p.school_id === s.id)
      .map((p) => ({
        id: p.id,
        login: p.login,
        displayName: p.display_name,
        deactivated: p.deactivated_at !== null,
      })),
  }))
}

export async function updateSchoolDeactivated(
  db: Executor,
  schoolId: string,
  at: string | null,
): Promise<void> {
  await db.updateTable('school').set({ deactivated_at: at }).where('id', '=', schoolId).execute()
}

/** The ids of a school's members. */
export async function listMemberIdList(db: Executor, schoolId: string): Promise<string[]> {
  return [...(await listMemberIds(db, schoolId))]
}

const documentColumns = [
  'name',
  'issuing_body',
  'place_name',
  'document_symbol',
  'overseer_name',
  'signer_title',
  'signer_name',
] as const

/** A school's name and document settings (ND30 header and signature block). */
export async function findSchoolDocumentSettings(
  db: Executor,
  schoolId: string,
): Promise<{ name: string; settings: DocumentSettings } | undefined> {
  const row = await db
    .selectFrom('school')
    .select(documentColumns)
    .where('id', '=', schoolId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    name: row.name,
    settings: {
      issuingBody: row.issuing_body,
      placeName: row.place_name,
      documentSymbol: row.document_symbol,
      overseerName: row.overseer_name,
      signerTitle: row.signer_title,
      signerName: row.signer_name,
    },
  }
}

export async function updateSchoolDocumentSettings(
  db: Executor,
  schoolId: string,
  settings: DocumentSettings,
): Promise<void> {
  await db
    .updateTable('school')
    .set({
      issuing_body: settings.issuingBody,
      place_name: settings.placeName,
      document_symbol: settings.documentSymbol,
      overseer_name: settings.overseerName,
      signer_title: settings.signerTitle,
      signer_name: settings.signerName,
    })
    .where('id', '=', schoolId)
    .execute()
}

/** The name of the school's principal who joined first (the default signer); null if none. */
export async function findPrincipalName(db: Executor, schoolId: string): Promise<string | null> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('app_user.display_name')
    .where('membership.school_id', '=', schoolId)
    .where('membership.role', '=', 'principal')
    .where('app_user.deactivated_at', 'is', null)
    .orderBy('membership.created_at')
    .orderBy('app_user.display_name')
    .limit(1)
    .executeTakeFirst()
  return row?.display_name ?? null
}
