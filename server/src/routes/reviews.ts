import { canSeeProgress, planIdParamSchema } from '@caitien/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { getPlanAccess } from '../access.ts'
import { forbiddenBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadInbox, markInboxSeen } from '../reviews/inbox.ts'
import { loadCouncil } from '../reviews/council.ts'
import { listReviewQueue } from '../reviews/review-queue.ts'

export const reviewQueueRoutes = new Hono<AppEnv>().get(
  '/:planId/review-queue',
  validate('param', planIdParamSchema),
  async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    if (!canSeeProgress(actor)) throw forbiddenBy('see_progress')
    const [queue, council] = await Promise.all([
      listReviewQueue(c.var.db, planId, actor.id),
      loadCouncil(c.var.db, plan),
    ])
    // The plan's body names the monitoring team on the queue's screen (council.ts).
    return c.json({ queue, me: actor, councilKind: council.kind }, 200)
  },
)

export const inboxRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await loadInbox(c.var.db, c.var.user.id, c.var.now()), 200))
  .post('/seen', async (c) => {
    await markInboxSeen(c.var.db, c.var.user.id, c.var.now().toISOString())
    return c.json({ ok: true }, 200)
  })
