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
    const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    if (!canSeeProgress(actor)) throw forbiddenBy('see_progress')
    const [queue, council] = await Promise.all([
      listReviewQueue(c.get('db'), planId, actor.id),
      loadCouncil(c.get('db'), plan),
    ])
    // The plan's body names the monitoring team on the queue's screen (council.ts).
    return c.json({ queue, me: actor, councilKind: council.kind }, 200)
  },
)

export const inboxRoutes = new Hono<AppEnv>()
  .get('/', async (c) =>
    c.json(await loadInbox(c.get('db'), c.get('user').id, c.get('now')()), 200),
  )
  .post('/seen', async (c) => {
    await markInboxSeen(c.get('db'), c.get('user').id, c.get('now')().toISOString())
    return c.json({ ok: true }, 200)
  })
