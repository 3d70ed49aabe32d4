import { canSeeProgress, isMember, schoolIdParamSchema, schoolYearsMessages } from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { download } from '../download.ts'
import { getSchoolActor } from '../access.ts'
import { forbiddenBy, notFound } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadSchoolYears, loadSchoolYearsWithReviews } from '../reviews/school-years.ts'
import { schoolYearsXlsx } from '../reviews/school-years-xlsx.ts'

/** A school's years are for those who follow progress: the principal and the monitors. */
async function requireYearsReader(c: Context<AppEnv>, schoolId: string) {
  const actor = await getSchoolActor(c.get('db'), schoolId, c.get('user').id)
  if (!isMember(actor)) throw notFound()
  if (!canSeeProgress(actor)) throw forbiddenBy('see_progress')
}

/** The school's plans across school years, and their results as one workbook. */
export const schoolYearsRoutes = new Hono<AppEnv>()
  .get('/:schoolId/years', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requireYearsReader(c, schoolId)
    return c.json(await loadSchoolYears(c.get('db'), schoolId, c.get('now')()), 200)
  })
  .get('/:schoolId/years/export', validate('param', schoolIdParamSchema), async (c) => {
    const { schoolId } = c.req.valid('param')
    await requireYearsReader(c, schoolId)
    const data = await loadSchoolYearsWithReviews(c.get('db'), schoolId, c.get('now')())
    const full = `${schoolYearsMessages.vi.title} - ${data.school.name}.xlsx`
    return download(c, new Uint8Array(await schoolYearsXlsx(data)), 'xlsx', {
      full,
      ascii: 'ket-qua-cac-nam-hoc.xlsx',
    })
  })
