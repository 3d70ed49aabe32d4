import type { Db } from '@caitien/db'
import {
  checkDeactivation,
  checkRoleChange,
  readStaffTable,
  type AddPersonInput,
  type CreateSchoolInput,
  type PeopleRefusal,
  type SchoolRole,
  type StaffRow,
  type UpdateProfileInput,
} from '@caitien/shared'
import { changePassword, endOtherSessions } from '../auth/sessions.ts'
import { generateOneTimePassword } from '../auth/one-time-password.ts'
import { hashPassword } from '../auth/password.ts'
import { deleteSessionsOfUser, deleteSessionsOfUsers } from '../auth/session.repository.ts'
import { listOpenCardsOfAssignee } from '../cards/card.repository.ts'
import {
  countOtherActivePrincipals,
  findPerson,
  findProfile,
  findSchool,
  findUserByLogin,
  insertAccountEvent,
  insertMembership,
  insertSchool,
  insertUser,
  listAccountEvents,
  listMemberIdList,
  listPeople,
  listSchoolsWithPrincipals,
  listTakenLogins,
  replaceRoles,
  updateDeactivated,
  updateProfile,
  updateSchoolDeactivated,
} from './account.repository.ts'

/**
 * A school's people, managed in the web app by its principal (or the administrator), and
 * the schools, managed by the administrator (issue 12). Each use case returns a result;
 * routes turn it into HTTP. Every change is written to the account log with who did it.
 */

type Refused = { ok: false; reason: PeopleRefusal | 'not_found' }
const refused = (reason: PeopleRefusal | 'not_found'): Refused => ({ ok: false, reason })

/** The school, if it exists: the administrator's access check (members go through roles). */
export function findSchoolById(db: Db, schoolId: string) {
  return findSchool(db, schoolId)
}

export async function listSchoolPeople(db: Db, schoolId: string) {
  const [people, events] = await Promise.all([
    listPeople(db, schoolId),
    listAccountEvents(db, schoolId, 50),
  ])
  return { people, events }
}

/** Adds one person with a one-time password, which is returned to be shown once. */
export async function addPerson(
  db: Db,
  input: { schoolId: string; person: AddPersonInput; actorId: string; now: string },
) {
  const password = generateOneTimePassword()
  const hash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    if (await findUserByLogin(trx, input.person.login)) return refused('login_taken')
    const id = await insertUser(trx, {
      ...input.person,
      password: { hash },
      mustChangePassword: true,
      now: input.now,
    })
    await insertMembership(trx, {
      schoolId: input.schoolId,
      userId: id,
      roles: input.person.roles,
      now: input.now,
    })
    await insertAccountEvent(trx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      subjectId: id,
      action: 'created',
      detail: { roles: input.person.roles },
      at: input.now,
    })
    return { ok: true as const, id, login: input.person.login, oneTimePassword: password }
  })
}

/**
 * A staff list's rows, each with its problems, the logins already in use included. Nothing
 * is saved. `table` is the first table of the file that has a heading row.
 */
export async function previewStaffList(
  db: Db,
  tables: readonly { row: number; cells: string[] }[][],
) {
  if (tables.length === 0) return { ok: false as const, reason: 'no_table' as const }
  let result = readStaffTable(tables[0]!)
  for (const table of tables) {
    const read = readStaffTable(table)
    if (read.ok) {
      result = read
      break
    }
  }
  if (!result.ok) return result
  const taken = await listTakenLogins(db, result.rows.map((r) => r.login).filter(Boolean))
  const rows: StaffRow[] = result.rows.map((r) =>
    taken.has(r.login)
      ? { ...r, problems: [...r.problems, { kind: 'login_taken', login: r.login }] }
      : r,
  )
  return { ok: true as const, rows }
}

/**
 * Adds the rows of a staff list that have no problem, each with a one-time password; rows
 * with problems are left out and listed. All or nothing for the good rows: one transaction.
 */
export async function importStaffList(
  db: Db,
  input: { schoolId: string; rows: StaffRow[]; actorId: string; now: string },
) {
  const good = input.rows.filter((r) => r.problems.length === 0)
  const passwords = good.map(() => generateOneTimePassword())
  // Hashed before the transaction: scrypt takes tens of milliseconds each.
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)))
  const created = await db.transaction().execute(async (trx) => {
    const added: {
      id: string
      row: number
      login: string
      displayName: string
      oneTimePassword: string
    }[] = []
    for (const [i, row] of good.entries()) {
      const id = await insertUser(trx, {
        login: row.login,
        displayName: row.displayName,
        email: row.email,
        phone: row.phone,
        position: row.position,
        department: row.department,
        password: { hash: hashes[i]! },
        mustChangePassword: true,
        now: input.now,
      })
      await insertMembership(trx, {
        schoolId: input.schoolId,
        userId: id,
        roles: row.roles,
        now: input.now,
      })
      await insertAccountEvent(trx, {
        schoolId: input.schoolId,
        actorId: input.actorId,
        subjectId: id,
        action: 'created',
        detail: { roles: row.roles, import: true },
        at: input.now,
      })
      added.push({
        id,
        row: row.row,
        login: row.login,
        displayName: row.displayName,
        oneTimePassword: passwords[i]!,
      })
    }
    return added
  })
  return { created, skipped: input.rows.filter((r) => r.problems.length > 0) }
}

/** Changes a person's roles in the school; the last active principal keeps the role. */
export async function setPersonRoles(
  db: Db,
  input: { schoolId: string; userId: string; roles: SchoolRole[]; actorId: string; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, input.schoolId, input.userId)
    if (!person) return refused('not_found')
    const check = checkRoleChange({
      current: person.deactivatedAt ? [] : person.roles,
      next: input.roles,
      otherActivePrincipals: await countOtherActivePrincipals(trx, input.schoolId, input.userId),
    })
    if (!check.ok) return check
    await replaceRoles(trx, input)
    await insertAccountEvent(trx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      subjectId: input.userId,
      action: 'roles_changed',
      detail: { before: person.roles, after: input.roles },
      at: input.now,
    })
    return { ok: true as const, roles: input.roles }
  })
}

/**
 * Deactivates a person: they cannot log in, their sessions end now. Their open cards are
 * returned, for the principal to reassign. Not oneself, not the last active principal.
 */
export async function deactivatePerson(
  db: Db,
  input: { schoolId: string; userId: string; actorId: string; now: string },
) {
  const result = await db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, input.schoolId, input.userId)
    if (!person) return refused('not_found')
    if (person.deactivatedAt) return { ok: true as const }
    const check = checkDeactivation({
      actorId: input.actorId,
      person,
      otherActivePrincipals: await countOtherActivePrincipals(trx, input.schoolId, input.userId),
    })
    if (!check.ok) return check
    await updateDeactivated(trx, input.userId, input.now)
    await deleteSessionsOfUser(trx, input.userId)
    await insertAccountEvent(trx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      subjectId: input.userId,
      action: 'deactivated',
      at: input.now,
    })
    return { ok: true as const }
  })
  if (!result.ok) return result
  return {
    ok: true as const,
    openCards: await listOpenCardsOfAssignee(db, input.schoolId, input.userId),
  }
}

export async function reactivatePerson(
  db: Db,
  input: { schoolId: string; userId: string; actorId: string; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, input.schoolId, input.userId)
    if (!person) return refused('not_found')
    if (!person.deactivatedAt) return { ok: true as const }
    await updateDeactivated(trx, input.userId, null)
    await insertAccountEvent(trx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      subjectId: input.userId,
      action: 'reactivated',
      at: input.now,
    })
    return { ok: true as const }
  })
}

/** A person's unfinished cards in the school (to reassign). */
export async function listOpenCardsOf(db: Db, schoolId: string, userId: string) {
  if (!(await findPerson(db, schoolId, userId))) return refused('not_found')
  return { ok: true as const, cards: await listOpenCardsOfAssignee(db, schoolId, userId) }
}

/**
 * Resets a person's password to a one-time password, returned to be shown once: their
 * sessions end, and their next login must choose a new one.
 */
export async function resetPersonPassword(
  db: Db,
  input: { schoolId: string; userId: string; actorId: string; now: Date },
) {
  const person = await findPerson(db, input.schoolId, input.userId)
  if (!person) return refused('not_found')
  const password = generateOneTimePassword()
  await changePassword(db, input.userId, password, input.now, { mustChange: true })
  await insertAccountEvent(db, {
    schoolId: input.schoolId,
    actorId: input.actorId,
    subjectId: input.userId,
    action: 'password_reset',
    at: input.now.toISOString(),
  })
  return { ok: true as const, login: person.login, oneTimePassword: password }
}

/** One's own profile: contact and whether a new password must be chosen. */
export async function loadProfile(db: Db, userId: string) {
  const row = await findProfile(db, userId)
  return {
    email: row.email,
    phone: row.phone,
    position: row.position,
    department: row.department,
    mustChangePassword: row.must_change_password === 1,
  }
}

export function changeProfile(db: Db, userId: string, input: UpdateProfileInput) {
  return updateProfile(db, userId, input)
}

/** Ends every other session of the user; says how many ended. */
export function signOutOtherDevices(db: Db, userId: string, sessionId: string) {
  return endOtherSessions(db, userId, sessionId)
}

// ---------------------------------------------------------------------------------------
// Schools, by the system administrator.

export function listSchoolsForAdmin(db: Db) {
  return listSchoolsWithPrincipals(db)
}

/** A new school and its first principal, who gets a one-time password (returned once). */
export async function createSchoolWithPrincipal(
  db: Db,
  input: { school: CreateSchoolInput; actorId: string; now: string },
) {
  const password = generateOneTimePassword()
  const hash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const { principal } = input.school
    if (await findUserByLogin(trx, principal.login)) return refused('login_taken')
    const schoolId = await insertSchool(trx, {
      name: input.school.name,
      schoolLevel: input.school.schoolLevel,
      now: input.now,
    })
    const userId = await insertUser(trx, {
      login: principal.login,
      displayName: principal.displayName,
      email: principal.email,
      position: null,
      password: { hash },
      mustChangePassword: true,
      now: input.now,
    })
    await insertMembership(trx, { schoolId, userId, roles: ['principal'], now: input.now })
    await insertAccountEvent(trx, {
      schoolId,
      actorId: input.actorId,
      subjectId: null,
      action: 'school_created',
      at: input.now,
    })
    await insertAccountEvent(trx, {
      schoolId,
      actorId: input.actorId,
      subjectId: userId,
      action: 'created',
      detail: { roles: ['principal'] },
      at: input.now,
    })
    return {
      ok: true as const,
      schoolId,
      principal: { id: userId, login: principal.login, oneTimePassword: password },
    }
  })
}

/**
 * Deactivates or reactivates a school. While deactivated its people cannot log in (the
 * login checks it); their sessions end now.
 */
export async function setSchoolActive(
  db: Db,
  input: { schoolId: string; active: boolean; actorId: string; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const school = await findSchool(trx, input.schoolId)
    if (!school) return refused('not_found')
    if ((school.deactivated_at === null) === input.active) return { ok: true as const }
    await updateSchoolDeactivated(trx, input.schoolId, input.active ? null : input.now)
    if (!input.active) await deleteSessionsOfUsers(trx, await listMemberIdList(trx, input.schoolId))
    await insertAccountEvent(trx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      subjectId: null,
      action: input.active ? 'school_reactivated' : 'school_deactivated',
      at: input.now,
    })
    return { ok: true as const }
  })
}
