import { canManagePlan, isMonth, planIdParamSchema, type Actor } from '@caitien/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { getPlanAccess } from '../access.ts'
import { forbidden } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { listSnapshots, monthView, takeOnDemandSnapshot } from '../snapshots/snapshot-service.ts'

/** Monthly figures are for the monitoring team and the principal (DESIGN §3). */
function requireOverseer(actor: Actor) {
  if (!actor.roles.includes('monitor') && !actor.roles.includes('principal')) {
    throw forbidden('Monthly progress is for the monitoring team and the principal.')
  }
}

const monthParamSchema = planIdParamSchema.extend({
  month: z.string().refine(isMonth, 'month must look like "2026-10"'),
})

export const snapshotRoutes = new Hono<AppEnv>()
  .get('/:planId/snapshots', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    requireOverseer(actor)
    return c.json({ snapshots: await listSnapshots(c.var.db, planId) }, 200)
  })
  .get('/:planId/snapshots/:month', validate('param', monthParamSchema), async (c) => {
    const { planId, month } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    requireOverseer(actor)
    return c.json(await monthView(c.var.db, planId, month, c.var.now()), 200)
  })
  .post('/:planId/snapshots', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    if (!canManagePlan(actor)) throw forbidden('Only the principal may take a snapshot.')
    const full = await c.var.db
      .selectFrom('plan')
      .select(['id', 'school_id', 'school_year', 'created_at'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow()
    const taken = await takeOnDemandSnapshot(c.var.db, full, c.var.now(), actor.id)
    return c.json({ snapshot: { id: taken.id, month: taken.month } }, 201)
  })
