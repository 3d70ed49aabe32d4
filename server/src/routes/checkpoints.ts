import {
  canEditCheckpoint,
  canManagePlan,
  canRunCheckpoint,
  checkpointMessages,
  checkpointNames,
  checkpointParamSchema,
  checkpointRowParamSchema,
  councilInputSchema,
  formatDateTime,
  formatMonth,
  openCheckpointInputSchema,
  planIdParamSchema,
  reopenCheckpointInputSchema,
  setRowLevelInputSchema,
  updateCheckpointInputSchema,
  type Checkpoint,
  type CheckpointReview,
} from '@caitien/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { getPlanAccess, getPlanWriteAccess } from '../access.ts'
import type { Db } from '@caitien/db'
import { ApiException, forbiddenBy, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'
import {
  reopenCheckpoint,
  setRowLevel,
  signCheckpoint,
  updateCheckpointTexts,
  type ReviewChangeRefusal,
} from '../reviews/change-checkpoint.ts'
import { loadCheckpointReview, summarizeCheckpoints } from '../reviews/checkpoint-review.ts'
import { checkpointMonthsOf } from '../reviews/checkpoint-calendar.ts'
import { loadCouncil, saveCouncil } from '../reviews/council.ts'
import { openCheckpoint } from '../reviews/open-checkpoint.ts'

const noSchoolYear = () =>
  new ApiException(
    409,
    'conflict',
    wordedBy(checkpointMessages, (m) => m.noSchoolYear),
  )

/** A refused change to a review, in the user's words: 409 for its state, 422 for no reason. */
function reviewRefused(checkpoint: Checkpoint, refusal: ReviewChangeRefusal): ApiException {
  const moment = (lang: 'vi' | 'en') => checkpointNames[lang][checkpoint]
  switch (refusal.reason) {
    case 'not_opened':
      return new ApiException(409, 'conflict', {
        vi: checkpointMessages.vi.notOpened({ moment: moment('vi') }),
        en: checkpointMessages.en.notOpened({ moment: moment('en') }),
      })
    case 'not_in_review':
      return new ApiException(
        404,
        'not_found',
        wordedBy(checkpointMessages, (m) => m.notInReview),
      )
    case 'signed': {
      const p = { by: refusal.signedBy, at: formatDateTime(refusal.signedAt) }
      return new ApiException(409, 'conflict', {
        vi: checkpointMessages.vi.signed({ ...p, moment: moment('vi') }),
        en: checkpointMessages.en.signed({ ...p, moment: moment('en') }),
      })
    }
    case 'not_signed':
      return new ApiException(409, 'conflict', {
        vi: checkpointMessages.vi.not_signed({ moment: moment('vi') }),
        en: checkpointMessages.en.not_signed({ moment: moment('en') }),
      })
    case 'reason_required':
      return new ApiException(
        422,
        'reason_required',
        wordedBy(checkpointMessages, (m) => m.levelReasonRequired),
      )
  }
}

/** The review after a change, as the screen shows it. */
async function reviewAnswer(
  db: Db,
  plan: { id: string; school_year: string; framework_id: string | null },
  checkpoint: Checkpoint,
): Promise<{ review: CheckpointReview }> {
  return { review: (await loadCheckpointReview(db, plan, checkpoint))! }
}

/**
 * A plan's checkpoint reviews (Biểu 2 table VI) and its council. Every member reads them;
 * the principal or the council's chair opens, signs and reopens (canRunCheckpoint), the
 * council's members edit (canEditCheckpoint); an archived plan is read-only.
 */
export const checkpointRoutes = new Hono<AppEnv>()
  .get('/:planId/council', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    return c.json({ council: await loadCouncil(c.get('db'), plan) }, 200)
  })
  .put(
    '/:planId/council',
    validate('param', planIdParamSchema),
    validate('json', councilInputSchema),
    async (c) => {
      const { planId } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const result = await saveCouncil(c.get('db'), {
        plan,
        council: c.req.valid('json'),
        by: actor.id,
        at: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        throw new ApiException(
          400,
          'bad_request',
          wordedBy(checkpointMessages, (m) =>
            result.reason === 'two_chairs' ? m.councilTwoChairs : m.councilNotMember,
          ),
        )
      }
      return c.json({ council: await loadCouncil(c.get('db'), plan) }, 200)
    },
  )
  .get('/:planId/checkpoints', validate('param', planIdParamSchema), async (c) => {
    const { planId } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    const [council, summaries] = await Promise.all([
      loadCouncil(c.get('db'), plan),
      summarizeCheckpoints(c.get('db'), [plan], c.get('now')()),
    ])
    return c.json({ council, checkpoints: summaries.get(plan.id) ?? [] }, 200)
  })
  .get('/:planId/checkpoints/:checkpoint', validate('param', checkpointParamSchema), async (c) => {
    const { planId, checkpoint } = c.req.valid('param')
    const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    const months = await checkpointMonthsOf(c.get('db'), plan)
    if (!months) throw noSchoolYear()
    const [review, council] = await Promise.all([
      loadCheckpointReview(c.get('db'), plan, checkpoint),
      loadCouncil(c.get('db'), plan),
    ])
    const month = review?.month ?? months[checkpoint]
    return c.json({ checkpoint, month, council, review: review ?? null }, 200)
  })
  .post(
    '/:planId/checkpoints/:checkpoint/open',
    validate('param', checkpointParamSchema),
    validate('json', openCheckpointInputSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canRunCheckpoint(actor, await loadCouncil(c.get('db'), plan))) {
        throw forbiddenBy('run_checkpoint')
      }
      const result = await openCheckpoint(c.get('db'), {
        plan,
        checkpoint,
        confirmEarly: c.req.valid('json').confirmEarly ?? false,
        actorId: actor.id,
        now: c.get('now')(),
      })
      if (!result.ok) {
        if (result.reason === 'no_school_year') throw noSchoolYear()
        const month = formatMonth(result.month ?? '')
        const code = result.reason === 'too_early' ? 'confirmation_required' : 'conflict'
        throw new ApiException(409, code, {
          vi: checkpointMessages.vi[result.reason]({
            moment: checkpointNames.vi[checkpoint],
            month,
          }),
          en: checkpointMessages.en[result.reason]({
            moment: checkpointNames.en[checkpoint],
            month,
          }),
        })
      }
      return c.json(await reviewAnswer(c.get('db'), plan, checkpoint), 201)
    },
  )
  .patch(
    '/:planId/checkpoints/:checkpoint',
    validate('param', checkpointParamSchema),
    validate('json', updateCheckpointInputSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canEditCheckpoint(actor, await loadCouncil(c.get('db'), plan))) {
        throw forbiddenBy('edit_checkpoint')
      }
      const result = await updateCheckpointTexts(c.get('db'), {
        planId,
        checkpoint,
        actorId: actor.id,
        now: c.get('now')(),
        texts: c.req.valid('json'),
      })
      if (!result.ok) throw reviewRefused(checkpoint, result)
      return c.json(await reviewAnswer(c.get('db'), plan, checkpoint), 200)
    },
  )
  .put(
    '/:planId/checkpoints/:checkpoint/rows/:cardId',
    validate('param', checkpointRowParamSchema),
    validate('json', setRowLevelInputSchema),
    async (c) => {
      const { planId, checkpoint, cardId } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canEditCheckpoint(actor, await loadCouncil(c.get('db'), plan))) {
        throw forbiddenBy('edit_checkpoint')
      }
      const { level, reason } = c.req.valid('json')
      const result = await setRowLevel(c.get('db'), {
        planId,
        checkpoint,
        actorId: actor.id,
        now: c.get('now')(),
        cardId,
        level,
        reason,
      })
      if (!result.ok) throw reviewRefused(checkpoint, result)
      return c.json(await reviewAnswer(c.get('db'), plan, checkpoint), 200)
    },
  )
  .post(
    '/:planId/checkpoints/:checkpoint/sign',
    validate('param', checkpointParamSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canRunCheckpoint(actor, await loadCouncil(c.get('db'), plan))) {
        throw forbiddenBy('run_checkpoint')
      }
      const result = await signCheckpoint(c.get('db'), {
        planId,
        checkpoint,
        actorId: actor.id,
        now: c.get('now')(),
      })
      if (!result.ok) throw reviewRefused(checkpoint, result)
      return c.json(await reviewAnswer(c.get('db'), plan, checkpoint), 200)
    },
  )
  .post(
    '/:planId/checkpoints/:checkpoint/reopen',
    validate('param', checkpointParamSchema),
    validate('json', reopenCheckpointInputSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan, actor } = await getPlanWriteAccess(c.get('db'), planId, c.get('user').id)
      if (!canRunCheckpoint(actor, await loadCouncil(c.get('db'), plan))) {
        throw forbiddenBy('run_checkpoint')
      }
      const result = await reopenCheckpoint(c.get('db'), {
        planId,
        checkpoint,
        actorId: actor.id,
        now: c.get('now')(),
        reason: c.req.valid('json').reason,
      })
      if (!result.ok) {
        if (result.reason === 'reason_required') {
          throw new ApiException(
            422,
            'reason_required',
            wordedBy(checkpointMessages, (m) => m.reopenReasonRequired),
          )
        }
        throw reviewRefused(checkpoint, result)
      }
      return c.json(await reviewAnswer(c.get('db'), plan, checkpoint), 200)
    },
  )
