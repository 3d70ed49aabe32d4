import {
  canManageSchools,
  createSchoolInputSchema,
  peopleRefusalMessage,
  schoolIdParamSchema,
} from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiException, forbiddenBy, notFound, worded } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import {
  createSchoolWithPrincipal,
  listSchoolsForAdmin,
  setSchoolActive,
} from '../schools/people.ts'

function requireAdmin(c: Context<AppEnv>) {
  if (!canManageSchools(c.get('user'))) throw forbiddenBy('manage_schools')
}

/** The system administrator's schools and their principals (issue 12). */
export const adminRoutes = new Hono<AppEnv>()
  .get('/schools', async (c) => {
    requireAdmin(c)
    return c.json({ schools: await listSchoolsForAdmin(c.get('db')) }, 200)
  })
  .post('/schools', validate('json', createSchoolInputSchema), async (c) => {
    requireAdmin(c)
    const school = c.req.valid('json')
    const result = await createSchoolWithPrincipal(c.get('db'), {
      school,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) {
      const login = school.principal.login
      throw new ApiException(
        409,
        'login_taken',
        worded((lang) => peopleRefusalMessage('login_taken', lang, login)),
      )
    }
    return c.json({ schoolId: result.schoolId, principal: result.principal }, 201)
  })
  .post('/schools/:schoolId/deactivate', validate('param', schoolIdParamSchema), async (c) => {
    requireAdmin(c)
    const result = await setSchoolActive(c.get('db'), {
      schoolId: c.req.valid('param').schoolId,
      active: false,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) throw notFound()
    return c.json({ ok: true }, 200)
  })
  .post('/schools/:schoolId/reactivate', validate('param', schoolIdParamSchema), async (c) => {
    requireAdmin(c)
    const result = await setSchoolActive(c.get('db'), {
      schoolId: c.req.valid('param').schoolId,
      active: true,
      actorId: c.get('user').id,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) throw notFound()
    return c.json({ ok: true }, 200)
  })
