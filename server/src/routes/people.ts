import {
  addPersonInputSchema,
  canManagePeople,
  documentSettingsInputSchema,
  importMessages,
  isMember,
  MAX_STAFF_ROWS,
  peopleMessages,
  peopleRefusalMessage,
  personParamSchema,
  schoolIdParamSchema,
  setRolesInputSchema,
  staffRowProblemText,
  type ErrorCode,
  type Lang,
  type PeopleRefusal,
  type StaffRow,
} from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { getSchoolActor } from '../access.ts'
import { ApiException, forbiddenBy, notFound, worded, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { readMultipart } from '../read-multipart.ts'
import { MAX_IMPORT_BYTES, mb } from '../plans/import/import-limits.ts'
import { readTablesInWorker } from '../plans/import/parse-in-worker.ts'
import { PlanParseError } from '../plans/import/plan-parse-error.ts'
import {
  addPerson,
  deactivatePerson,
  findSchoolById,
  importStaffList,
  listOpenCardsOf,
  listSchoolPeople,
  previewStaffList,
  reactivatePerson,
  resetPersonPassword,
  setPersonRoles,
} from '../schools/people.ts'
import { loadDocumentSettings, saveDocumentSettings } from '../schools/document-settings.ts'
import { PARSE_STATUS } from './imports.ts'

/**
 * May the user manage this school's people? Its principal, or the administrator. Someone
 * of another school gets the 404 of a school that does not exist.
 */
async function requirePeopleManager(c: Context<AppEnv>, schoolId: string) {
  const user = c.get('user')
  if (user.isAdmin) {
    if (!(await findSchoolById(c.get('db'), schoolId))) throw notFound()
    return
  }
  const actor = await getSchoolActor(c.get('db'), schoolId, user.id)
  if (!isMember(actor)) throw notFound()
  if (!canManagePeople(actor)) throw forbiddenBy('manage_people')
}

const REFUSAL_CODE: Record<PeopleRefusal, ErrorCode> = {
  last_principal: 'last_principal',
  self: 'conflict',
  login_taken: 'login_taken',
}

function refusal(reason: PeopleRefusal | 'not_found', login = ''): ApiException {
  if (reason === 'not_found') return notFound()
  return new ApiException(
    409,
    REFUSAL_CODE[reason],
    worded((lang) => peopleRefusalMessage(reason, lang, login)),
  )
}

const badStaffFile = (say: (m: (typeof peopleMessages)[Lang]) => string, status: 400 | 422 = 400) =>
  new ApiException(
    status,
    status === 400 ? 'bad_request' : 'unreadable_plan',
    worded((lang) => say(peopleMessages[lang])),
  )

/**
 * Reads an uploaded staff list (.xlsx, .csv, or a table in a .docx) with the plan import's
 * readers, limits and worker, then its rows: each with its problems, logins in use included.
 */
async function readStaffUpload(c: Context<AppEnv>) {
  const type = c.req.header('content-type') ?? ''
  if (!type.startsWith('multipart/form-data')) throw badStaffFile((m) => m.staffNotMultipart)
  const read = await readMultipart(c.req.raw, {
    fileBytes: MAX_IMPORT_BYTES,
    files: 1,
    fields: 2,
    fieldBytes: 64 * 1024,
  })
  if (!read.ok && read.reason === 'file_too_large') {
    const size = mb(MAX_IMPORT_BYTES)
    throw new ApiException(
      413,
      'payload_too_large',
      worded((lang) => importMessages[lang].fileTooLarge({ size })),
    )
  }
  if (!read.ok) {
    throw new ApiException(
      400,
      'bad_request',
      wordedBy(importMessages, (m) =>
        read.reason === 'too_many_parts' ? m.tooManyParts : m.unreadableBody,
      ),
    )
  }
  const file = read.form.file
  if (!file || typeof file === 'string') throw badStaffFile((m) => m.staffFileRequired)
  let tables
  try {
    tables = await readTablesInWorker(file.bytes, file.fileName)
  } catch (err) {
    if (!(err instanceof PlanParseError)) throw err
    const { status, code } = PARSE_STATUS[err.code]
    throw new ApiException(
      status,
      code,
      worded((lang) => err.messageIn(lang)),
    )
  }
  const result = await previewStaffList(c.get('db'), tables)
  if (!result.ok) {
    switch (result.reason) {
      case 'no_table':
        throw badStaffFile((m) => m.staffNotTable, 422)
      case 'no_header':
        throw badStaffFile((m) => m.staffNoHeader, 422)
      case 'no_rows':
        throw badStaffFile((m) => m.staffNoRows, 422)
      case 'too_many_rows':
        throw new ApiException(
          422,
          'too_many_rows',
          worded((lang) => peopleMessages[lang].staffTooManyRows({ max: MAX_STAFF_ROWS })),
        )
    }
  }
  return { fileName: file.fileName, rows: result.rows }
}

/** A staff-list row as the preview shows it: its problems worded in the user's language. */
const shownRow = (row: StaffRow, lang: Lang) => ({
  row: row.row,
  displayName: row.displayName,
  login: row.login,
  email: row.email,
  phone: row.phone,
  position: row.position,
  department: row.department,
  roles: row.roles,
  problems: row.problems.map((p) => staffRowProblemText(p, lang)),
})

export const peopleRoutes = new Hono<AppEnv>()
  // What the school's official documents print in their header and signature block.
  .get('/:schoolId/document-settings', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const loaded = await loadDocumentSettings(c.get('db'), schoolId)
    if (!loaded) throw notFound()
    return c.json(loaded, 200)
  })
  .put(
    '/:schoolId/document-settings',
    validate('param', schoolIdParamSchema),
    validate('json', documentSettingsInputSchema),
    async (c) => {
      const { schoolId } = c.req.valid('param')
      await requirePeopleManager(c, schoolId)
      await saveDocumentSettings(c.get('db'), schoolId, c.req.valid('json'))
      const loaded = await loadDocumentSettings(c.get('db'), schoolId)
      if (!loaded) throw notFound()
      return c.json(loaded, 200)
    },
  )
  .get('/:schoolId/people', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    return c.json(await listSchoolPeople(c.get('db'), schoolId), 200)
  })
  .post(
    '/:schoolId/people',
    validate('param', schoolIdParamSchema),
    validate('json', addPersonInputSchema),
    async (c) => {
      const { schoolId } = c.req.valid('param')
      await requirePeopleManager(c, schoolId)
      const person = c.req.valid('json')
      const now = c.get('now')().toISOString()
      const result = await addPerson(c.get('db'), {
        schoolId,
        person,
        actorId: c.get('user').id,
        now,
      })
      if (!result.ok) throw refusal(result.reason, person.login)
      return c.json(
        { id: result.id, login: result.login, oneTimePassword: result.oneTimePassword },
        201,
      )
    },
  )
  .post('/:schoolId/people/import/preview', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const { fileName, rows } = await readStaffUpload(c)
    const lang = c.get('lang')
    return c.json(
      {
        fileName,
        rows: rows.map((r) => shownRow(r, lang)),
        ready: rows.filter((r) => r.problems.length === 0).length,
        withProblems: rows.filter((r) => r.problems.length > 0).length,
      },
      200,
    )
  })
  .post('/:schoolId/people/import/confirm', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const { rows } = await readStaffUpload(c)
    const result = await importStaffList(c.get('db'), {
      schoolId,
      rows,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    const lang = c.get('lang')
    return c.json(
      {
        created: result.created,
        skipped: result.skipped.map((r) => shownRow(r, lang)),
      },
      200,
    )
  })
  .put(
    '/:schoolId/people/:userId/roles',
    validate('param', personParamSchema),
    validate('json', setRolesInputSchema),
    async (c) => {
      const { schoolId, userId } = c.req.valid('param')
      await requirePeopleManager(c, schoolId)
      const result = await setPersonRoles(c.get('db'), {
        schoolId,
        userId,
        roles: c.req.valid('json').roles,
        actorId: c.get('user').id,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) throw refusal(result.reason)
      return c.json({ roles: result.roles }, 200)
    },
  )
  .post('/:schoolId/people/:userId/deactivate', validate('param', personParamSchema), async (c) => {
    const { schoolId, userId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const result = await deactivatePerson(c.get('db'), {
      schoolId,
      userId,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) throw refusal(result.reason)
    // Open event streams of the person close now, not at the next heartbeat.
    c.get('events').sessionsEnded(userId)
    return c.json({ openCards: result.openCards }, 200)
  })
  .post('/:schoolId/people/:userId/reactivate', validate('param', personParamSchema), async (c) => {
    const { schoolId, userId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const result = await reactivatePerson(c.get('db'), {
      schoolId,
      userId,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) throw refusal(result.reason)
    return c.json({ ok: true }, 200)
  })
  .get('/:schoolId/people/:userId/open-cards', validate('param', personParamSchema), async (c) => {
    const { schoolId, userId } = c.req.valid('param')
    await requirePeopleManager(c, schoolId)
    const result = await listOpenCardsOf(c.get('db'), schoolId, userId)
    if (!result.ok) throw refusal(result.reason)
    return c.json({ cards: result.cards }, 200)
  })
  .post(
    '/:schoolId/people/:userId/reset-password',
    validate('param', personParamSchema),
    async (c) => {
      const { schoolId, userId } = c.req.valid('param')
      await requirePeopleManager(c, schoolId)
      const result = await resetPersonPassword(c.get('db'), {
        schoolId,
        userId,
        actorId: c.get('user').id,
        now: c.get('now')(),
      })
      if (!result.ok) throw refusal(result.reason)
      c.get('events').sessionsEnded(userId)
      return c.json({ login: result.login, oneTimePassword: result.oneTimePassword }, 200)
    },
  )
