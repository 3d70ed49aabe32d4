import type { Role, SchoolRole } from './roles.ts'
import { SCHOOL_ROLES } from './roles.ts'
import { LOGIN_RE, PERSON_LIMITS } from './schemas/people.ts'
import { foldText } from './text.ts'

/**
 * What the account log records (account_event): done to a person by the principal or the
 * administrator, or to a school by the administrator. Append-only; names are kept beside
 * the ids so the history reads the same after a deactivation.
 */
export const ACCOUNT_EVENT_ACTIONS = [
  'created',
  'password_reset',
  'roles_changed',
  'deactivated',
  'reactivated',
  'school_created',
  'school_deactivated',
  'school_reactivated',
] as const
export type AccountEventAction = (typeof ACCOUNT_EVENT_ACTIONS)[number]

/** Why a change to a person is refused. */
export type PeopleRefusal = 'last_principal' | 'self' | 'login_taken'

/**
 * May a person's roles become `next`? Not if that takes the principal role from the last
 * active principal of the school: someone must be able to manage it.
 *
 * @example
 * checkRoleChange({ current: ['principal'], next: ['staff'], otherActivePrincipals: 0 })
 * // → { ok: false, reason: 'last_principal' }
 */
export function checkRoleChange(input: {
  current: readonly Role[]
  next: readonly Role[]
  otherActivePrincipals: number
}): { ok: true } | { ok: false; reason: PeopleRefusal } {
  const losesPrincipal = input.current.includes('principal') && !input.next.includes('principal')
  if (losesPrincipal && input.otherActivePrincipals === 0)
    return { ok: false, reason: 'last_principal' }
  return { ok: true }
}

/**
 * May the actor deactivate this person? Not themselves, and not the last active principal.
 */
export function checkDeactivation(input: {
  actorId: string
  person: { id: string; roles: readonly Role[] }
  otherActivePrincipals: number
}): { ok: true } | { ok: false; reason: PeopleRefusal } {
  if (input.person.id === input.actorId) return { ok: false, reason: 'self' }
  if (input.person.roles.includes('principal') && input.otherActivePrincipals === 0)
    return { ok: false, reason: 'last_principal' }
  return { ok: true }
}

// ---------------------------------------------------------------------------------------
// Staff lists (.xlsx/.csv): one person per row.

/** People in one staff list: each gets a password hashed on the server (tens of ms each). */
export const MAX_STAFF_ROWS = 500

export const STAFF_COLUMNS = [
  'displayName',
  'login',
  'email',
  'phone',
  'position',
  'department',
  'roles',
] as const
export type StaffColumn = (typeof STAFF_COLUMNS)[number]

/** Headings as schools write them, folded (foldText): with or without diacritics. */
const HEADINGS: Record<StaffColumn, string[]> = {
  displayName: [
    'ho va ten',
    'ho ten',
    'ten',
    'ten giao vien',
    'name',
    'full name',
    'ho va ten giao vien',
  ],
  login: ['ten dang nhap', 'dang nhap', 'tai khoan', 'login', 'username', 'user name'],
  email: ['email', 'e-mail', 'thu dien tu', 'dia chi email', 'mail'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'phone', 'phone number', 'di dong'],
  position: ['chuc vu', 'position', 'chuc danh'],
  department: ['to', 'to chuyen mon', 'bo phan', 'to/bo phan', 'department', 'team'],
  roles: ['vai tro', 'quyen', 'roles', 'role', 'vai tro trong ung dung'],
}

/** Role words in a staff list's roles cell, folded. Several may be listed, "," or ";" apart. */
const ROLE_WORDS: Record<string, SchoolRole> = {
  staff: 'staff',
  'giao vien': 'staff',
  'nhan vien': 'staff',
  'can bo': 'staff',
  gv: 'staff',
  monitor: 'monitor',
  'to giam sat': 'monitor',
  'giam sat': 'monitor',
  principal: 'principal',
  'hieu truong': 'principal',
  'hieu pho': 'principal',
  'pho hieu truong': 'principal',
  'vice principal': 'principal',
  'vice-principal': 'principal',
  ht: 'principal',
  pht: 'principal',
}

/** The problems a staff-list row can have (people-messages.ts words them). */
export type StaffRowProblem =
  | { kind: 'name_missing' }
  | { kind: 'login_missing' }
  | { kind: 'login_invalid'; login: string }
  | { kind: 'login_taken'; login: string }
  | { kind: 'login_repeated'; login: string; firstRow: number }
  | { kind: 'email_invalid'; email: string }
  | { kind: 'role_unknown'; text: string }
  | { kind: 'too_long'; column: StaffColumn; max: number }
  | { kind: 'formula'; column: StaffColumn }

export interface StaffRow {
  /** The row number in the file (1-based, as the spreadsheet shows it). */
  row: number
  displayName: string
  login: string
  email: string | null
  phone: string | null
  position: string | null
  department: string | null
  roles: SchoolRole[]
  problems: StaffRowProblem[]
}

export type StaffTableResult =
  | { ok: true; rows: StaffRow[]; columns: Partial<Record<StaffColumn, number>> }
  | { ok: false; reason: 'no_header' | 'no_rows' | 'too_many_rows' }

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"); "+84 912…" is a phone. */
const FORMULA = /^[=+\-@\t\r]/
const NUMBER_LIKE = /^[+-]?[\d\s().-]+$/
const looksLikeFormula = (text: string) => FORMULA.test(text) && !NUMBER_LIKE.test(text)

function headingColumn(cell: string): StaffColumn | undefined {
  const folded = foldText(cell)
    .replace(/[:*()]/g, '')
    .trim()
  return STAFF_COLUMNS.find((c) => HEADINGS[c].includes(folded))
}

/** Reads a roles cell: empty is staff; unknown words are a problem. */
export function parseRoles(text: string): { roles: SchoolRole[]; unknown: string[] } {
  const parts = foldText(text)
    .split(/[,;+/]| va /)
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length === 0) return { roles: ['staff'], unknown: [] }
  const roles = new Set<SchoolRole>()
  const unknown: string[] = []
  for (const part of parts) {
    const role = ROLE_WORDS[part] ?? SCHOOL_ROLES.find((r) => r === part)
    if (role) roles.add(role)
    else unknown.push(part)
  }
  return { roles: SCHOOL_ROLES.filter((r) => roles.has(r)), unknown }
}

/**
 * Reads a staff list's table (rows of cell texts, as the file readers give them): finds the
 * heading row by its names, then one person per row, each with its problems. Logins already
 * in use are the caller's to mark (`login_taken`): this function knows only the file.
 *
 * @example
 * readStaffTable([
 *   { row: 1, cells: ['Họ và tên', 'Email'] },
 *   { row: 2, cells: ['Lê Mai', 'mai@truong.edu.vn'] },
 * ])
 * // → rows: [{ displayName: 'Lê Mai', login: 'mai@truong.edu.vn', roles: ['staff'], problems: [] }]
 */
export function readStaffTable(
  table: readonly { row: number; cells: readonly string[] }[],
): StaffTableResult {
  const grid = table.map((r) => r.cells)
  const headerIndex = grid.findIndex((cells) => {
    const found = cells.map(headingColumn)
    return found.includes('displayName') && (found.includes('login') || found.includes('email'))
  })
  if (headerIndex < 0) return { ok: false, reason: 'no_header' }
  const columns: Partial<Record<StaffColumn, number>> = {}
  grid[headerIndex]!.forEach((cell, i) => {
    const column = headingColumn(cell)
    if (column && columns[column] === undefined) columns[column] = i
  })
  const rows: StaffRow[] = []
  const seen = new Map<string, number>()
  grid.slice(headerIndex + 1).forEach((cells, i) => {
    const row = table[headerIndex + 1 + i]!.row
    const cell = (column: StaffColumn) => {
      const at = columns[column]
      return at === undefined ? '' : (cells[at] ?? '').trim()
    }
    if (STAFF_COLUMNS.every((c) => cell(c) === '')) return
    const problems: StaffRowProblem[] = []
    for (const column of STAFF_COLUMNS) {
      const text = cell(column)
      if (looksLikeFormula(text)) problems.push({ kind: 'formula', column })
      const max = column === 'login' ? 100 : column === 'roles' ? 200 : PERSON_LIMITS[column]
      if ([...text].length > max) problems.push({ kind: 'too_long', column, max })
    }
    const displayName = cell('displayName').replace(/\s+/g, ' ')
    if (!displayName) problems.push({ kind: 'name_missing' })
    const email = cell('email') || null
    const emailValid = email !== null && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
    if (email && !emailValid) problems.push({ kind: 'email_invalid', email })
    // A login, or the e-mail as the login when it is one.
    const login = (cell('login') || (emailValid && email ? email : '')).toLowerCase()
    if (!login) problems.push({ kind: 'login_missing' })
    else if (!LOGIN_RE.test(login)) problems.push({ kind: 'login_invalid', login })
    else if (seen.has(login))
      problems.push({ kind: 'login_repeated', login, firstRow: seen.get(login)! })
    if (login && !seen.has(login)) seen.set(login, row)
    const { roles, unknown } = parseRoles(cell('roles'))
    for (const text of unknown) problems.push({ kind: 'role_unknown', text })
    rows.push({
      row,
      displayName,
      login,
      email,
      phone: cell('phone') || null,
      position: cell('position') || null,
      department: cell('department') || null,
      roles,
      problems,
    })
  })
  if (rows.length === 0) return { ok: false, reason: 'no_rows' }
  if (rows.length > MAX_STAFF_ROWS) return { ok: false, reason: 'too_many_rows' }
  return { ok: true, rows, columns }
}
