import {
  bodyIdParamSchema,
  bodyReviewParamSchema,
  bodySchoolsInputSchema,
  canManageBodyAccounts,
  canManageSchools,
  createBodyInputSchema,
  createOverseerInputSchema,
  formatDate,
  peopleRefusalMessage,
  planIdParamSchema,
  reviewAnswerInputSchema,
  reviewAnswerMessages,
  rollupMessages,
  rollupQuerySchema,
} from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { getPlanAccess } from '../access.ts'
import { download } from '../download.ts'
import { ApiException, forbiddenBy, notFound, worded, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import {
  answerReview,
  createBody,
  createOverseer,
  findBodyFor,
  listAllBodies,
  listMyBodies,
  loadEvidenceViews,
  setBodySchools,
} from '../oversight/bodies.ts'
import { loadRollup } from '../oversight/rollup.ts'
import { rollupXlsx } from '../oversight/rollup-xlsx.ts'

/**
 * Overseeing bodies (docs/decisions/029). A body's roll-up and answers are for its own
 * people: a body one is not in is answered 404, like one that does not exist.
 */
async function requireBodyMember(c: Context<AppEnv>, bodyId: string) {
  const body = await findBodyFor(c.get('db'), bodyId, { id: c.get('user').id, isAdmin: false })
  if (!body) throw notFound()
  return body
}

function requireAdmin(c: Context<AppEnv>) {
  if (!canManageSchools(c.get('user'))) throw forbiddenBy('manage_schools')
}

export const bodyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ bodies: await listMyBodies(c.get('db'), c.get('user').id) }, 200))
  .get(
    '/:bodyId/rollup',
    validate('param', bodyIdParamSchema),
    validate('query', rollupQuerySchema),
    async (c) => {
      const body = await requireBodyMember(c, c.req.valid('param').bodyId)
      const rollup = await loadRollup(c.get('db'), body.id, c.get('now')(), c.req.valid('query'))
      return c.json({ body: { id: body.id, kind: body.kind, name: body.name }, ...rollup }, 200)
    },
  )
  .get(
    '/:bodyId/rollup/export',
    validate('param', bodyIdParamSchema),
    validate('query', rollupQuerySchema),
    async (c) => {
      const body = await requireBodyMember(c, c.req.valid('param').bodyId)
      const now = c.get('now')()
      const { rows } = await loadRollup(c.get('db'), body.id, now, c.req.valid('query'))
      const date = formatDate(now.toISOString()).replaceAll('/', '-')
      return download(c, await rollupXlsx(body, rows), 'xlsx', {
        full: `${rollupMessages.vi.sheet} – ${body.name} – ${date}.xlsx`,
        ascii: `tong-hop-${date}.xlsx`,
      })
    },
  )
  .post(
    '/:bodyId/reviews/:reviewId/answer',
    validate('param', bodyReviewParamSchema),
    validate('json', reviewAnswerInputSchema),
    async (c) => {
      const { bodyId, reviewId } = c.req.valid('param')
      const body = await requireBodyMember(c, bodyId)
      const result = await answerReview(c.get('db'), {
        bodyId: body.id,
        reviewId,
        userId: c.get('user').id,
        answer: c.req.valid('json'),
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'not_found') throw notFound()
        const status = result.reason === 'reason_required' ? 422 : 409
        const code = result.reason === 'reason_required' ? 'reason_required' : 'conflict'
        throw new ApiException(
          status,
          code,
          wordedBy(reviewAnswerMessages, (m) => m[result.reason]),
        )
      }
      return c.json({ id: result.id }, 200)
    },
  )
  .post(
    '/:bodyId/overseers',
    validate('param', bodyIdParamSchema),
    validate('json', createOverseerInputSchema),
    async (c) => {
      const user = c.get('user')
      const body = await findBodyFor(c.get('db'), c.req.valid('param').bodyId, user)
      if (!body) throw notFound()
      if (!canManageBodyAccounts({ isAdmin: user.isAdmin, isLead: body.isLead })) {
        throw forbiddenBy('manage_body_accounts')
      }
      const input = c.req.valid('json')
      // Only the system administrator names another lead.
      const result = await createOverseer(c.get('db'), {
        bodyId: body.id,
        login: input.login,
        displayName: input.displayName,
        isLead: user.isAdmin && input.isLead,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok && result.reason === 'no_body') throw notFound()
      if (!result.ok) {
        throw new ApiException(
          409,
          'login_taken',
          worded((lang) => peopleRefusalMessage('login_taken', lang, input.login)),
        )
      }
      return c.json({ user: result.user }, 201)
    },
  )

/** The system administrator creates bodies and links them to schools. */
export const adminBodyRoutes = new Hono<AppEnv>()
  .get('/bodies', async (c) => {
    requireAdmin(c)
    return c.json({ bodies: await listAllBodies(c.get('db')) }, 200)
  })
  .post('/bodies', validate('json', createBodyInputSchema), async (c) => {
    requireAdmin(c)
    const id = await createBody(c.get('db'), {
      ...c.req.valid('json'),
      now: c.get('now')().toISOString(),
    })
    return c.json({ id }, 201)
  })
  .put(
    '/bodies/:bodyId/schools',
    validate('param', bodyIdParamSchema),
    validate('json', bodySchoolsInputSchema),
    async (c) => {
      requireAdmin(c)
      const body = await findBodyFor(c.get('db'), c.req.valid('param').bodyId, c.get('user'))
      if (!body) throw notFound()
      const result = await setBodySchools(c.get('db'), {
        bodyId: body.id,
        schoolIds: c.req.valid('json').schoolIds,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) throw notFound()
      return c.json({ count: result.count }, 200)
    },
  )

/** What the school sees of its overseers: their views of the plan's evidence. */
export const planOversightRoutes = new Hono<AppEnv>().get(
  '/:planId/evidence-views',
  validate('param', planIdParamSchema),
  async (c) => {
    const { planId } = c.req.valid('param')
    await getPlanAccess(c.get('db'), planId, c.get('user').id)
    return c.json({ views: await loadEvidenceViews(c.get('db'), planId) }, 200)
  },
)
