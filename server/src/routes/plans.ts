import {
  canManagePlan,
  canRestore,
  isMember,
  createCardInputSchema,
  createPlanInputSchema,
  deletePlanInputSchema,
  monthOf,
  planLifeMessages,
  planMessages,
  planIdParamSchema,
  planSettingsPreviewQuerySchema,
  updatePlanInputSchema,
  type Actor,
} from '@caitien/shared'
import { Hono } from 'hono'
import type { TypedResponse } from 'hono'
import { createHash } from 'node:crypto'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { followPlan } from '../events/plan-stream.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import {
  getDeletedPlanAccess,
  getPlanAccess,
  getPlanWriteAccess,
  getSchoolActor,
} from '../access.ts'
import { loadBoardCard } from '../cards/card-queries.ts'
import { createCard } from '../cards/create-card.ts'
import { listDeletedCards } from '../cards/deleted-cards.ts'
import { ApiException, forbiddenBy, notFound, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadBoard, loadBoardStamp } from '../plans/board.ts'
import { createPlan } from '../plans/create-plan.ts'
import { loadPlansAndLanding, rememberLastPlan } from '../plans/landing.ts'
import {
  archivePlan,
  deletePlan,
  listDeletedPlans,
  restorePlan,
  unarchivePlan,
} from '../plans/plan-life.ts'
import { previewPlanSettings, updatePlanSettings } from '../plans/plan-settings.ts'
import { listPlanProblems } from '../plans/plan-problems.ts'

/** 400: the framework asked for is not stored. */
const unknownFramework = (id: string) =>
  new ApiException(
    400,
    'bad_request',
    wordedBy(planMessages, (m) => m.unknownFramework({ id })),
  )

type Board = Awaited<ReturnType<typeof loadBoard>>

const CLOSE = Buffer.from('}')

/** GET /api/plans/:planId/board: written as two JSON pieces, typed for the web client. */
interface BoardAnswer {
  plan: {
    id: string
    title: string
    schoolYear: string
    frameworkId: string | null
    /** archived: read-only (shared planWriteRefusal). */
    state: 'active' | 'archived'
    archivedAt: string | null
    school: { id: string; name: string }
  }
  me: Actor
  currentMonth: ReturnType<typeof monthOf>
  members: Board['members']
  cards: Board['cards']
}

export const planRoutes = new Hono<AppEnv>()
  .get('/', async (c) =>
    c.json(await loadPlansAndLanding(c.get('db'), c.get('user'), c.get('now')()), 200),
  )
  .post('/', validate('json', createPlanInputSchema), async (c) => {
    const { carryFromPlanId, ...input } = c.req.valid('json')
    const actor = await getSchoolActor(c.get('db'), input.schoolId, c.get('user').id)
    if (!isMember(actor)) throw notFound()
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    // Last year's plan is read like any plan: another school's is not found.
    const source = carryFromPlanId
      ? (await getPlanAccess(c.get('db'), carryFromPlanId, c.get('user').id)).plan
      : null
    if (source && source.school_id !== input.schoolId) {
      throw new ApiException(
        400,
        'bad_request',
        wordedBy(planLifeMessages, (m) => m.sameSchoolOnly),
      )
    }
    const result = await createPlan(c.get('db'), {
      ...input,
      carryFrom: source,
      actorId: actor.id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) throw unknownFramework(input.frameworkId)
    const { planId, carried, leftBehind } = result
    return c.json({ plan: { id: planId }, carried, leftBehind }, 201)
  })
  // Before '/:planId…': "deleted" is a list, not a plan's id.
  .get('/deleted', async (c) => {
    const plans = await listDeletedPlans(c.get('db'), c.get('user').id, c.get('now')())
    return c.json({ plans }, 200)
  })
  .patch(
    '/:planId',
    validate('param', planIdParamSchema),
    validate('json', updatePlanInputSchema),
    async (c) => {
      const { planId } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const settings = c.req.valid('json')
      const result = await updatePlanSettings(c.get('db'), {
        plan,
        settings,
        actorId: actor.id,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) throw unknownFramework(settings.frameworkId ?? '')
      for (const cardId of result.changedCardIds) publishCardEvent(c, planId, cardId, null)
      return c.json({ ok: true, changedCards: result.changedCardIds.length }, 200)
    },
  )
  .get(
    '/:planId/settings/preview',
    validate('param', planIdParamSchema),
    validate('query', planSettingsPreviewQuerySchema),
    async (c) => {
      const { planId } = c.req.valid('param')
      const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const query = c.req.valid('query')
      const result = await previewPlanSettings(c.get('db'), plan, query, c.get('now')())
      if (!result.ok) throw unknownFramework(query.frameworkId ?? '')
      return c.json(result.preview, 200)
    },
  )
  .post('/:planId/archive', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    await archivePlan(c.get('db'), { planId, actorId: actor.id, now: c.get('now')().toISOString() })
    return c.json({ ok: true, state: 'archived' as const }, 200)
  })
  .post('/:planId/unarchive', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
    await unarchivePlan(c.get('db'), { planId, now: c.get('now')().toISOString() })
    return c.json({ ok: true, state: 'active' as const }, 200)
  })
  .delete(
    '/:planId',
    validate('param', planIdParamSchema),
    validate('json', deletePlanInputSchema),
    async (c) => {
      const { planId } = c.req.valid('param')
      const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const result = await deletePlan(c.get('db'), {
        plan,
        confirmTitle: c.req.valid('json').confirmTitle,
        actorId: actor.id,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        const { reason, cardCount: n } = result
        throw new ApiException(
          409,
          'confirmation_required',
          wordedBy(planLifeMessages, (m) => m[reason]({ title: plan.title, n })),
        )
      }
      return c.json({ ok: true, purgeAt: result.purgeAt }, 200)
    },
  )
  .post('/:planId/restore', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getDeletedPlanAccess(c.get('db'), planId, c.get('user').id)
    if (!canRestore(actor)) throw forbiddenBy('manage_plan')
    const result = await restorePlan(c.get('db'), { plan, now: c.get('now')() })
    if (!result.ok) {
      const { days } = result
      throw new ApiException(
        409,
        'conflict',
        wordedBy(planLifeMessages, (m) => m.restoreExpired({ days })),
      )
    }
    return c.json({ ok: true, plan: { id: plan.id, title: plan.title } }, 200)
  })
  .get('/:planId/deleted-cards', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    if (!canRestore(actor)) throw forbiddenBy('manage_plan')
    return c.json({ cards: await listDeletedCards(c.get('db'), planId) }, 200)
  })
  // Biểu 2's table IV: the plan's priority problems and the cards linked to each.
  .get('/:planId/problems', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    return c.json({ problems: await listPlanProblems(c.get('db'), plan.id) }, 200)
  })
  .get('/:planId/board', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    await rememberLastPlan(c.get('db'), c.get('user'), plan.id)
    // The validator covers the data, the viewer (their roles shape the answer), the month
    // (overdue flags turn on when it changes) and the plan's settings and state. The
    // browser revalidates (no-cache), so an
    // unchanged board costs a few indexed lookups and no card is read.
    const stamp = await loadBoardStamp(c.get('db'), plan)
    const tag = `W/"${createHash('sha1')
      .update(
        [
          stamp,
          monthOf(c.get('now')()),
          actor.id,
          [...actor.roles].sort().join(','),
          // The plan's own row (renamed, archived, another year) is part of the answer.
          JSON.stringify([plan.title, plan.state, plan.school_year, plan.framework_id]),
        ].join('#'),
      )
      .digest('base64url')}"`
    c.header('ETag', tag)
    c.header('Cache-Control', 'private, no-cache')
    if ((c.req.header('if-none-match') ?? '').split(/\s*,\s*/).includes(tag)) {
      return c.body(null, 304)
    }
    let shared = c.get('boardCache').get(plan.id, stamp)
    if (shared === undefined) {
      const body: Pick<BoardAnswer, 'members' | 'cards'> = await loadBoard(c.get('db'), plan)
      // "members":[…],"cards":[…]
      shared = c.get('boardCache').set(plan.id, stamp, JSON.stringify(body).slice(1, -1))
    }
    const own: Omit<BoardAnswer, 'members' | 'cards'> = {
      plan: {
        id: plan.id,
        title: plan.title,
        schoolYear: plan.school_year,
        frameworkId: plan.framework_id,
        state: plan.state,
        archivedAt: plan.archived_at,
        school: { id: plan.school_id, name: plan.school_name },
      },
      me: actor,
      currentMonth: monthOf(c.get('now')()),
    }
    // The viewer's part, then the part every member shares (from the board cache).
    const json = Buffer.concat([Buffer.from(`${JSON.stringify(own).slice(0, -1)},`), shared, CLOSE])
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
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const { assigneeIds, ...fields } = c.req.valid('json')
      const now = c.get('now')().toISOString()
      const result = await createCard(c.get('db'), {
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
      const card = (await loadBoardCard(c.get('db'), result.cardId))!
      publishCardEvent(c, planId, card.id, card.version, 'card.created')
      return c.json({ card }, 201)
    },
  )
  .get('/:planId/events', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    const input = {
      db: c.get('db'),
      events: c.get('events'),
      now: c.get('now'),
      heartbeatMs: c.get('heartbeatMs'),
      planId,
      schoolId: plan.school_id,
      userId: c.get('user').id,
      sessionId: c.get('user').sessionId,
    }
    return streamSSE(c, (stream) => followPlan(stream, input))
  })
