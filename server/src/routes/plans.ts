import {
  canManagePlan,
  isMember,
  createCardInputSchema,
  createPlanInputSchema,
  monthOf,
  planMessages,
  planIdParamSchema,
  type Actor,
} from '@caitien/shared'
import { Hono } from 'hono'
import type { TypedResponse } from 'hono'
import { createHash } from 'node:crypto'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { followPlan } from '../events/plan-stream.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { getPlanAccess, getSchoolActor } from '../access.ts'
import { loadBoardCard } from '../cards/card-queries.ts'
import { createCard } from '../cards/create-card.ts'
import { ApiException, forbiddenBy, notFound, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadBoard, loadBoardStamp } from '../plans/board.ts'
import { createPlan } from '../plans/create-plan.ts'
import { loadPlansAndLanding, rememberLastPlan } from '../plans/landing.ts'

type Board = Awaited<ReturnType<typeof loadBoard>>

/** GET /api/plans/:planId/board: written as two JSON pieces, typed for the web client. */
interface BoardAnswer {
  plan: {
    id: string
    title: string
    schoolYear: string
    frameworkId: string | null
    school: { id: string; name: string }
  }
  me: Actor
  currentMonth: ReturnType<typeof monthOf>
  members: Board['members']
  cards: Board['cards']
}

export const planRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await loadPlansAndLanding(c.var.db, c.var.user, c.var.now()), 200))
  .post('/', validate('json', createPlanInputSchema), async (c) => {
    const input = c.req.valid('json')
    const actor = await getSchoolActor(c.var.db, input.schoolId, c.var.user.id)
    if (!isMember(actor)) throw notFound()
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    const result = await createPlan(c.var.db, { ...input, now: c.var.now().toISOString() })
    if (!result.ok) {
      const id = input.frameworkId
      throw new ApiException(
        400,
        'bad_request',
        wordedBy(planMessages, (m) => m.unknownFramework({ id })),
      )
    }
    return c.json({ plan: { id: result.planId } }, 201)
  })
  .get('/:planId/board', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    await rememberLastPlan(c.var.db, c.var.user, plan.id)
    // The validator covers the data, the viewer (their roles shape the answer) and the month
    // (overdue flags turn on when it changes). The browser revalidates (no-cache), so an
    // unchanged board costs a few indexed lookups and no card is read.
    const stamp = await loadBoardStamp(c.var.db, plan)
    const tag = `W/"${createHash('sha1')
      .update([stamp, monthOf(c.var.now()), actor.id, [...actor.roles].sort().join(',')].join('#'))
      .digest('base64url')}"`
    c.header('ETag', tag)
    c.header('Cache-Control', 'private, no-cache')
    if ((c.req.header('if-none-match') ?? '').split(/\s*,\s*/).includes(tag)) {
      return c.body(null, 304)
    }
    let shared = c.var.boardCache.get(plan.id, stamp)
    if (shared === undefined) {
      const body: Pick<BoardAnswer, 'members' | 'cards'> = await loadBoard(c.var.db, plan)
      shared = JSON.stringify(body).slice(1, -1) // "members":[…],"cards":[…]
      c.var.boardCache.set(plan.id, stamp, shared)
    }
    const own: Omit<BoardAnswer, 'members' | 'cards'> = {
      plan: {
        id: plan.id,
        title: plan.title,
        schoolYear: plan.school_year,
        frameworkId: plan.framework_id,
        school: { id: plan.school_id, name: plan.school_name },
      },
      me: actor,
      currentMonth: monthOf(c.var.now()),
    }
    // The viewer's part, then the part every member shares (from the board cache).
    const json = `${JSON.stringify(own).slice(0, -1)},${shared}}`
    return c.body(json, 200, {
      'Content-Type': 'application/json',
    }) as unknown as Response & TypedResponse<BoardAnswer, 200, 'json'>
  })
  .post(
    '/:planId/cards',
    validate('param', planIdParamSchema),
    validate('json', createCardInputSchema),
    async (c) => {
      const { planId } = c.req.valid('param')
      const { plan, actor } = await getPlanAccess(c.var.db, planId, c.var.user.id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const { assigneeIds, ...fields } = c.req.valid('json')
      const now = c.var.now().toISOString()
      const result = await createCard(c.var.db, {
        plan,
        fields,
        assigneeIds: assigneeIds ?? [],
        actor,
        now,
      })
      if (!result.ok) {
        throw new ApiException(
          400,
          'bad_request',
          wordedBy(planMessages, (m) => m.unknownAssignee),
        )
      }
      const card = (await loadBoardCard(c.var.db, result.cardId))!
      publishCardEvent(c, planId, card.id, card.version, 'card.created')
      return c.json({ card }, 201)
    },
  )
  .get('/:planId/events', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.var.db, planId, c.var.user.id)
    const input = {
      db: c.var.db,
      events: c.var.events,
      now: c.var.now,
      heartbeatMs: c.var.heartbeatMs,
      planId,
      schoolId: plan.school_id,
      userId: c.var.user.id,
      sessionId: c.var.user.sessionId,
    }
    return streamSSE(c, (stream) => followPlan(stream, input))
  })
