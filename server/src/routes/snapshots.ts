import {
  canManagePlan,
  canReview,
  canSeeProgress,
  isMonth,
  monthOf,
  planIdParamSchema,
  type Actor,
} from '@caitien/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { download } from '../download.ts'
import { getPlanAccess, getPlanWriteAccess } from '../access.ts'
import { forbiddenBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadDocumentParty } from '../schools/document-settings.ts'
import { loadCriteriaNames } from '../snapshots/criteria-names.ts'
import { loadReport, reportDocx, reportTitle, reportXlsx } from '../snapshots/monthly-report.ts'
import {
  listSnapshots,
  loadRemark,
  monthView,
  takeOnDemandSnapshot,
  writeRemark,
  yearProgress,
} from '../snapshots/snapshot-service.ts'

/** Monthly figures are for the monitoring team and the principal (DESIGN §3). */
function requireOverseer(actor: Actor) {
  if (!canSeeProgress(actor)) throw forbiddenBy('see_progress')
}

const monthParamSchema = planIdParamSchema.extend({
  month: z.string().refine(isMonth, 'month must look like "2026-10"'),
})

export const snapshotRoutes = new Hono<AppEnv>()
  .get('/:planId/progress', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    requireOverseer(actor)
    const now = c.get('now')()
    return c.json(
      {
        schoolYear: plan.school_year,
        currentMonth: monthOf(now),
        months: await yearProgress(c.get('db'), plan, now),
      },
      200,
    )
  })
  .get('/:planId/snapshots', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    requireOverseer(actor)
    return c.json({ snapshots: await listSnapshots(c.get('db'), planId) }, 200)
  })
  .get('/:planId/snapshots/:month', validate('param', monthParamSchema), async (c) => {
    const { planId, month } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    requireOverseer(actor)
    const [view, remarks, party] = await Promise.all([
      monthView(c.get('db'), planId, month, c.get('now')()),
      loadRemark(c.get('db'), planId, month),
      loadDocumentParty(c.get('db'), plan.school_id),
    ])
    // The names the report prints beside the codes, so the dashboard shows the same.
    const names = await loadCriteriaNames(c.get('db'), plan, view.summary)
    // The school as the report's header and signature block print it (the print view).
    return c.json({ ...view, remarks, names, party }, 200)
  })
  .put(
    '/:planId/snapshots/:month/remarks',
    validate('param', monthParamSchema),
    validate('json', z.object({ text: z.string().trim().max(10_000) })),
    async (c) => {
      const { planId, month } = c.req.valid('param')
      const { actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canReview(actor)) throw forbiddenBy('review')
      const { text } = c.req.valid('json')
      const now = c.get('now')().toISOString()
      await writeRemark(c.get('db'), { planId, month, text, authorId: actor.id, now })
      return c.json({ ok: true }, 200)
    },
  )
  .get(
    '/:planId/snapshots/:month/report',
    validate('param', monthParamSchema),
    validate('query', z.object({ format: z.enum(['docx', 'xlsx']).default('docx') })),
    async (c) => {
      const { planId, month } = c.req.valid('param')
      const { actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
      requireOverseer(actor)
      const report = await loadReport(c.get('db'), planId, month, c.get('now')())
      const { format } = c.req.valid('query')
      const names = {
        full: `${reportTitle(month)}.${format}`,
        ascii: `bao-cao-tien-do-${month}.${format}`,
      }
      const bytes = format === 'xlsx' ? await reportXlsx(report) : await reportDocx(report)
      return download(c, new Uint8Array(bytes), format, names)
    },
  )
  .post('/:planId/snapshots', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    const taken = await takeOnDemandSnapshot(c.get('db'), plan.id, c.get('now')(), actor.id)
    return c.json({ snapshot: { id: taken.id, month: taken.month } }, 201)
  })
