import {
  canSetSchoolCalendar,
  isMember,
  schoolCalendarInputSchema,
  schoolCalendarParamSchema,
  schoolCalendarProblemText,
  type SchoolCalendarProblem,
} from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { getSchoolActor } from '../access.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { ApiException, forbiddenBy, notFound, worded } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import { loadSchoolCalendar, setSchoolCalendar } from '../schools/school-calendar.ts'

/** 400: a calendar the rule refuses, worded with the school year's bounds. */
const badCalendar = (problem: SchoolCalendarProblem, schoolYear: string) =>
  new ApiException(
    400,
    'bad_request',
    worded((lang) => schoolCalendarProblemText(problem, schoolYear, lang)),
  )

/** Every member of the school reads its calendar; someone of another school gets a 404. */
async function requireMember(c: Context<AppEnv>, schoolId: string) {
  const actor = await getSchoolActor(c.get('db'), schoolId, c.get('user').id)
  if (!isMember(actor)) throw notFound()
  return actor
}

/**
 * A school's calendar per school year (the months of semesters I and II): "Học kỳ I"
 * timeframes and the checkpoint reviews read it. Members read it; the principal sets it.
 */
export const schoolCalendarRoutes = new Hono<AppEnv>()
  .get(
    '/:schoolId/calendars/:schoolYear',
    validate('param', schoolCalendarParamSchema),
    async (c) => {
      const { schoolId, schoolYear } = c.req.valid('param')
      await requireMember(c, schoolId)
      const loaded = await loadSchoolCalendar(c.get('db'), schoolId, schoolYear)
      if (!loaded) throw badCalendar('unknownYear', schoolYear)
      return c.json(loaded, 200)
    },
  )
  .put(
    '/:schoolId/calendars/:schoolYear',
    validate('param', schoolCalendarParamSchema),
    validate('json', schoolCalendarInputSchema),
    async (c) => {
      const { schoolId, schoolYear } = c.req.valid('param')
      const actor = await requireMember(c, schoolId)
      if (!canSetSchoolCalendar(actor)) throw forbiddenBy('set_calendar')
      const result = await setSchoolCalendar(c.get('db'), {
        schoolId,
        schoolYear,
        months: c.req.valid('json'),
        actorId: actor.id,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) throw badCalendar(result.reason, schoolYear)
      for (const { planId, cardIds } of result.changed)
        for (const cardId of cardIds) publishCardEvent(c, planId, cardId, null)
      const loaded = (await loadSchoolCalendar(c.get('db'), schoolId, schoolYear))!
      const changedCards = result.changed.reduce((n, p) => n + p.cardIds.length, 0)
      return c.json({ ...loaded, changedCards }, 200)
    },
  )
