import {
  TIMEFRAME_CHOICES,
  canManagePlan,
  importIdParamSchema,
  importMessages,
  importRecordMessages,
  isMember,
  planIdParamSchema,
  rowProblemText,
  type ErrorCode,
  type Lang,
  type PlanParseErrorCode,
  type TimeframeChoice,
} from '@caitien/shared'
import { createHash } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { download } from '../download.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { getPlanAccess, getPlanWriteAccess, getSchoolActor } from '../access.ts'
import { ApiException, forbiddenBy, notFound, worded, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { readMultipart, type MultipartForm } from '../read-multipart.ts'
import { exportPlanCsv, exportPlanXlsx } from '../plans/export-plan.ts'
import { applyImport, previewImport, readPlanFile } from '../plans/import-plan.ts'
import { listImports, undoImport } from '../plans/undo-import.ts'
import { MAX_IMPORT_BYTES, mb } from '../plans/import/import-limits.ts'
import { parsePlanInWorker } from '../plans/import/parse-in-worker.ts'
import {
  MAX_PLAN_ROWS,
  PLAN_COLUMN_FIELDS,
  PlanParseError,
  type ParsedPlan,
} from '../plans/import/parse-plan.ts'

export { MAX_IMPORT_BYTES }

const mappingSchema = z.record(
  z.string().regex(/^\d+$/, 'mapping keys are column numbers'),
  z.enum(PLAN_COLUMN_FIELDS).nullable(),
)
/** The proposed prose rows the principal accepts, by their source row (ParsedPlan.proposed). */
const acceptProseSchema = z.array(z.number().int().positive()).max(MAX_PLAN_ROWS)
const leadsSchema = z
  .array(
    z.object({ text: z.string().min(1).max(2_000), userIds: z.array(z.string().max(64)).max(50) }),
  )
  .max(500)

export const PARSE_STATUS: Record<
  PlanParseErrorCode,
  { status: 400 | 413 | 415 | 422; code: ErrorCode }
> = {
  empty_file: { status: 400, code: 'bad_request' },
  not_a_zip: { status: 400, code: 'bad_request' },
  not_an_office_file: { status: 415, code: 'unsupported_type' },
  unsupported_type: { status: 415, code: 'unsupported_type' },
  no_table: { status: 422, code: 'unreadable_plan' },
  no_header: { status: 422, code: 'unreadable_plan' },
  too_many_rows: { status: 422, code: 'too_many_rows' },
  bad_csv: { status: 422, code: 'unreadable_plan' },
  // Over a size limit: the upload is too big once unpacked.
  too_many_entries: { status: 413, code: 'payload_too_large' },
  entry_too_large: { status: 413, code: 'payload_too_large' },
  record_too_long: { status: 413, code: 'payload_too_large' },
  // Over a shape limit or the reading budget: no plan is laid out like this.
  table_too_wide: { status: 422, code: 'plan_too_complex' },
  too_many_cells: { status: 422, code: 'plan_too_complex' },
  merge_too_large: { status: 422, code: 'plan_too_complex' },
  nesting_too_deep: { status: 422, code: 'plan_too_complex' },
  parse_timeout: { status: 422, code: 'plan_too_complex' },
  parse_out_of_memory: { status: 422, code: 'plan_too_complex' },
}

function jsonField<T>(form: MultipartForm, name: string, schema: z.ZodType<T>): T | undefined {
  const raw = form[name]
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string') throw badUpload((m) => m.fieldNotText({ field: name }))
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw badUpload((m) => m.fieldNotJson({ field: name }))
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // The schema's own words: what a developer needs, after the sentence a user reads.
    const detail = `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim()
    throw badUpload((m) => m.fieldInvalid({ field: name, detail }))
  }
  return parsed.data
}

/** Reads the multipart upload: the file (checked for size) and the optional JSON fields. */
async function readUpload(c: Context<AppEnv>) {
  const type = c.req.header('content-type') ?? ''
  if (!type.startsWith('multipart/form-data')) throw badUpload((m) => m.notMultipart)
  const read = await readMultipart(c.req.raw, {
    fileBytes: MAX_IMPORT_BYTES,
    files: 1,
    fields: 5,
    fieldBytes: 2 * 1024 * 1024,
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
    throw badUpload((m) => (read.reason === 'too_many_parts' ? m.tooManyParts : m.unreadableBody))
  }
  const { form } = read
  const file = form.file
  if (!file || typeof file === 'string') throw badUpload((m) => m.fileRequired)
  const mapping = jsonField(form, 'mapping', mappingSchema)
  const leads = jsonField(form, 'leads', leadsSchema) ?? []
  const timeframes = timeframesField(form.timeframes)
  const acceptProse = jsonField(form, 'acceptProse', acceptProseSchema)
  const fileHash = createHash('sha256').update(file.bytes).digest('hex')
  try {
    const overrides = mapping
      ? Object.fromEntries(Object.entries(mapping).map(([k, v]) => [Number(k), v]))
      : undefined
    const parsed = await parsePlanInWorker(
      file.bytes,
      file.fileName,
      { mapping: overrides },
      { keepWarm: true },
    )
    return {
      parsed,
      leads,
      timeframes,
      acceptProse: proseChoice(parsed, acceptProse),
      fileName: file.fileName,
      fileHash,
    }
  } catch (err) {
    if (!(err instanceof PlanParseError)) throw err
    const { status, code } = PARSE_STATUS[err.code]
    throw new ApiException(
      status,
      code,
      worded((lang) => err.messageIn(lang)),
    )
  }
}

/**
 * Which proposed prose rows to import. Without a choice, all of them when the table had no row
 * (the prose is then the whole plan, and the principal drops what is not an action), none
 * otherwise (the table is the plan; prose beside it is offered, not imposed). A row that was
 * not proposed is refused, so a stale choice never imports something else.
 */
function proseChoice(parsed: ParsedPlan, chosen: number[] | undefined): number[] {
  const proposed = new Set(parsed.proposed.map((r) => r.sourceRow))
  if (chosen === undefined) return parsed.rows.length === 0 ? [...proposed] : []
  if (chosen.some((row) => !proposed.has(row)))
    throw new ApiException(
      400,
      'bad_request',
      wordedBy(importRecordMessages, (m) => m.acceptProseInvalid),
    )
  return [...new Set(chosen)]
}

/** The months of another school year: kept as written unless the form says "shift". */
function timeframesField(raw: MultipartForm[string] | undefined): TimeframeChoice {
  if (raw === undefined || raw === '') return 'keep'
  if (typeof raw === 'string' && (TIMEFRAME_CHOICES as readonly string[]).includes(raw)) {
    return raw as TimeframeChoice
  }
  throw new ApiException(
    400,
    'bad_request',
    wordedBy(importRecordMessages, (m) => m.timeframesInvalid),
  )
}

/** A 400 about the upload itself, in the user's language (importMessages). */
const badUpload = (say: (m: (typeof importMessages)[Lang]) => string) =>
  new ApiException(
    400,
    'bad_request',
    worded((lang) => say(importMessages[lang])),
  )

async function requirePrincipal(c: Context<AppEnv>, planId: string) {
  // An archived plan takes no import (shared planWriteRefusal): 409 before the upload is read.
  const access = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
  if (!canManagePlan(access.actor)) throw forbiddenBy('manage_plan')
  return access
}

const schoolQuerySchema = z.object({ schoolId: z.string().min(1).max(64) })

export const importRoutes = new Hono<AppEnv>()
  .post('/import/read', validate('query', schoolQuerySchema), async (c) => {
    // What a file says about itself, before a new plan is made for it: nothing is saved.
    const actor = await getSchoolActor(c.get('db'), c.req.valid('query').schoolId, c.get('user').id)
    if (!isMember(actor)) throw notFound()
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    const { parsed, fileName } = await readUpload(c)
    return c.json({ fileName, ...(await readPlanFile(c.get('db'), parsed)) }, 200)
  })
  .post('/:planId/import/preview', validate('param', planIdParamSchema), async (c) => {
    const { plan } = await requirePrincipal(c, c.req.valid('param').planId)
    const { parsed, fileName, timeframes, acceptProse } = await readUpload(c)
    const preview = await previewImport(c.get('db'), { plan, parsed, timeframes, acceptProse })
    const problems = preview.problems.map((p) => ({
      row: p.row,
      message: rowProblemText(p, c.get('lang')),
    }))
    return c.json(
      {
        fileName,
        school: parsed.school,
        schoolYear: parsed.schoolYear,
        circular: parsed.circular,
        columns: parsed.columns,
        mapping: parsed.mapping,
        fields: PLAN_COLUMN_FIELDS,
        ...preview,
        target: { ...preview.target, title: plan.title },
        problems,
      },
      200,
    )
  })
  .post('/:planId/import/confirm', validate('param', planIdParamSchema), async (c) => {
    const { plan, actor } = await requirePrincipal(c, c.req.valid('param').planId)
    const { parsed, leads, fileName, fileHash, timeframes, acceptProse } = await readUpload(c)
    const now = c.get('now')().toISOString()
    const result = await applyImport(c.get('db'), {
      plan,
      parsed,
      timeframes,
      acceptProse,
      leads,
      fileName,
      fileHash,
      actor,
      now,
    })
    if (!result.ok) {
      const { refusals } = result
      const refused = (lang: Lang) => {
        const m = importMessages[lang]
        const shown = refusals.slice(0, 3)
        const lines = shown.map((p) =>
          m.rowRefusal({ row: p.row, message: rowProblemText(p, lang) }),
        )
        const more = refusals.length - shown.length
        return [...lines, ...(more > 0 ? [m.moreRefusals({ n: more })] : [])].join('\n')
      }
      throw new ApiException(422, 'field_too_long', worded(refused))
    }
    for (const cardId of [...result.created, ...result.updated]) {
      const type = result.created.includes(cardId) ? 'card.created' : 'card.changed'
      publishCardEvent(c, plan.id, cardId, null, type)
    }
    return c.json(
      {
        importId: result.importId,
        created: result.created.length,
        updated: result.updated.length,
        unchanged: result.unchanged,
      },
      200,
    )
  })
  .get('/:planId/imports', validate('param', planIdParamSchema), async (c) => {
    const { plan, actor } = await getPlanAccess(
      c.get('db'),
      c.req.valid('param').planId,
      c.get('user').id,
    )
    return c.json(
      {
        plan: { id: plan.id, title: plan.title, schoolYear: plan.school_year },
        canUndo: canManagePlan(actor),
        imports: await listImports(c.get('db'), plan.id),
      },
      200,
    )
  })
  .post('/:planId/imports/:importId/undo', validate('param', importIdParamSchema), async (c) => {
    const { planId, importId } = c.req.valid('param')
    const { plan, actor } = await requirePrincipal(c, planId)
    const now = c.get('now')().toISOString()
    const result = await undoImport(c.get('db'), { planId: plan.id, importId, actor, now })
    if (!result.ok && result.reason === 'not_found') throw notFound()
    if (!result.ok) {
      throw new ApiException(
        409,
        'conflict',
        wordedBy(importRecordMessages, (m) => m.alreadyUndone),
      )
    }
    for (const cardId of result.removed) publishCardEvent(c, plan.id, cardId, null, 'card.deleted')
    for (const { cardId } of result.restored)
      publishCardEvent(c, plan.id, cardId, null, 'card.changed')
    const undone = (await listImports(c.get('db'), plan.id)).find((i) => i.id === importId)
    return c.json({ import: undone! }, 200)
  })
  .get(
    '/:planId/export',
    validate('param', planIdParamSchema),
    validate('query', z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') })),
    async (c) => {
      const { plan } = await getPlanAccess(
        c.get('db'),
        c.req.valid('param').planId,
        c.get('user').id,
      )
      const { format } = c.req.valid('query')
      const names = {
        full: `${plan.title}.${format}`,
        ascii: `ke-hoach-cai-tien-${plan.school_year}.${format}`,
      }
      if (format === 'csv') {
        return download(c, await exportPlanCsv(c.get('db'), plan.id), 'csv', names)
      }
      const bytes = await exportPlanXlsx(c.get('db'), plan)
      return download(c, new Uint8Array(bytes), 'xlsx', names)
    },
  )
