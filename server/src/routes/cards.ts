import {
  addEvidenceInputSchema,
  canManagePlan,
  canRestore,
  cardIdParamSchema,
  commentInputSchema,
  moveCardInputSchema,
  moveRejectionMessage,
  planMessages,
  reorderCardInputSchema,
  setAssigneesInputSchema,
  setCardProblemInputSchema,
  statusForMoveRejection,
  updateCardInputSchema,
  versionInputSchema,
} from '@caitien/shared'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { getCardAccess, getCardWriteAccess, getDeletedCardAccess } from '../access.ts'
import { addComment } from '../cards/add-comment.ts'
import { deleteCard } from '../cards/delete-card.ts'
import { restoreCard } from '../cards/restore-card.ts'
import { setAssignees } from '../cards/set-assignees.ts'
import { linkCardToProblem } from '../plans/link-card-problem.ts'
import { updateCard } from '../cards/update-card.ts'
import { addEvidence } from '../evidence/add-evidence.ts'
import { listActivity, loadBoardCard, loadCardDetail } from '../cards/card-queries.ts'
import { moveCard, reorderCard, type MoveResult } from '../cards/move-card.ts'
import { ApiException, evidenceRefused, forbiddenBy, notFound, wordedBy } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'

/** Why a card edit lost the race, in the user's words. */
const staleText = (c: Context<AppEnv>) => planMessages[c.get('lang')].staleCard

/** A card edit that lost the race: 409 with the card as it now is. */
async function staleAnswer(c: Context<AppEnv>, cardId: string) {
  const card = await loadBoardCard(c.get('db'), cardId)
  if (!card) throw notFound()
  return c.json({ error: { code: 'version_conflict' as const, message: staleText(c) }, card }, 409)
}

/** The answer to a move or a reorder: the card, a stale 409 with the card, or the refusal. */
function moveAnswer(c: Context<AppEnv>, planId: string, cardId: string, result: MoveResult) {
  if (result.ok) {
    publishCardEvent(c, planId, cardId, result.card.version)
    return c.json({ card: result.card }, 200)
  }
  switch (result.reason) {
    case 'card_not_found':
      throw notFound()
    case 'version_conflict':
      return c.json(
        { error: { code: result.reason, message: staleText(c) }, card: result.card },
        409,
      )
    default: {
      const message = moveRejectionMessage(result.reason, result.from, result.to, c.get('lang'))
      return c.json(
        { error: { code: result.reason, message } },
        statusForMoveRejection(result.reason),
      )
    }
  }
}

export const cardRoutes = new Hono<AppEnv>()
  .get('/:cardId', validate('param', cardIdParamSchema), async (c) => {
    const { cardId } = c.req.valid('param')
    const { actor } = await getCardAccess(c.get('db'), cardId, c.get('user').id)
    const card = await loadCardDetail(c.get('db'), cardId)
    if (!card) throw notFound()
    return c.json({ card, me: actor }, 200)
  })
  .patch(
    '/:cardId',
    validate('param', cardIdParamSchema),
    validate('json', updateCardInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const { version, ...fields } = c.req.valid('json')
      const result = await updateCard(c.get('db'), {
        cardId,
        planId: plan.id,
        schoolId: plan.school_id,
        schoolYear: plan.school_year,
        version,
        fields,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'version_conflict') return staleAnswer(c, cardId)
        throw notFound()
      }
      const card = (await loadCardDetail(c.get('db'), cardId))!
      publishCardEvent(c, plan.id, cardId, card.version)
      return c.json({ card }, 200)
    },
  )
  .delete(
    '/:cardId',
    validate('param', cardIdParamSchema),
    validate('json', versionInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const result = await deleteCard(c.get('db'), {
        cardId,
        planId: plan.id,
        version: c.req.valid('json').version,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'version_conflict') return staleAnswer(c, cardId)
        throw notFound()
      }
      publishCardEvent(c, plan.id, cardId, null, 'card.deleted')
      return c.json({ ok: true }, 200)
    },
  )
  .post(
    '/:cardId/restore',
    validate('param', cardIdParamSchema),
    validate('json', versionInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getDeletedCardAccess(c.get('db'), cardId, c.get('user').id)
      if (!canRestore(actor)) throw forbiddenBy('manage_plan')
      const result = await restoreCard(c.get('db'), {
        cardId,
        planId: plan.id,
        version: c.req.valid('json').version,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'version_conflict') {
          return c.json({ error: { code: result.reason, message: staleText(c) } }, 409)
        }
        throw notFound()
      }
      const card = (await loadBoardCard(c.get('db'), cardId))!
      publishCardEvent(c, plan.id, cardId, card.version, 'card.created')
      return c.json({ card }, 200)
    },
  )
  .put(
    '/:cardId/problem',
    validate('param', cardIdParamSchema),
    validate('json', setCardProblemInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const result = await linkCardToProblem(c.get('db'), {
        cardId,
        planId: plan.id,
        problemId: c.req.valid('json').problemId,
      })
      if (!result.ok) {
        throw new ApiException(
          404,
          'not_found',
          wordedBy(planMessages, (m) => m.unknownProblem),
        )
      }
      const card = await loadCardDetail(c.get('db'), cardId)
      if (!card) throw notFound()
      return c.json({ card }, 200)
    },
  )
  .put(
    '/:cardId/assignees',
    validate('param', cardIdParamSchema),
    validate('json', setAssigneesInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      if (!canManagePlan(actor)) throw forbiddenBy('manage_plan')
      const input = c.req.valid('json')
      const result = await setAssignees(c.get('db'), {
        cardId,
        planId: plan.id,
        schoolId: plan.school_id,
        version: input.version,
        assigneeIds: input.assigneeIds,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'version_conflict') return staleAnswer(c, cardId)
        if (result.reason === 'unknown_assignee') {
          throw new ApiException(
            400,
            'bad_request',
            wordedBy(planMessages, (m) => m.unknownAssignee),
          )
        }
        throw notFound()
      }
      const card = (await loadBoardCard(c.get('db'), cardId))!
      publishCardEvent(c, plan.id, cardId, card.version)
      return c.json({ card }, 200)
    },
  )
  .post(
    '/:cardId/move',
    validate('param', cardIdParamSchema),
    validate('json', moveCardInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const input = c.req.valid('json')
      const result = await moveCard(c.get('db'), {
        cardId,
        planId: plan.id,
        to: input.to,
        version: input.version,
        reason: input.reason ?? null,
        beforeCardId: input.beforeCardId ?? null,
        actor,
        now: c.get('now')().toISOString(),
      })
      return moveAnswer(c, plan.id, cardId, result)
    },
  )
  .post(
    '/:cardId/reorder',
    validate('param', cardIdParamSchema),
    validate('json', reorderCardInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const input = c.req.valid('json')
      const result = await reorderCard(c.get('db'), {
        cardId,
        planId: plan.id,
        version: input.version,
        beforeCardId: input.beforeCardId ?? null,
        actor,
        now: c.get('now')().toISOString(),
      })
      return moveAnswer(c, plan.id, cardId, result)
    },
  )
  .post(
    '/:cardId/evidence',
    validate('param', cardIdParamSchema),
    validate('json', addEvidenceInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const result = await addEvidence(c.get('db'), {
        cardId,
        planId: plan.id,
        evidence: c.req.valid('json'),
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'card_not_found') throw notFound()
        if (result.reason === 'quota_exceeded') throw new Error('a note or link has no size')
        throw evidenceRefused(result.reason)
      }
      publishCardEvent(c, plan.id, cardId, result.version)
      return c.json({ evidence: { id: result.evidenceId, code: result.code } }, 201)
    },
  )
  .post(
    '/:cardId/comments',
    validate('param', cardIdParamSchema),
    validate('json', commentInputSchema),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const result = await addComment(c.get('db'), {
        cardId,
        planId: plan.id,
        body: c.req.valid('json').body,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'card_not_found') throw notFound()
        throw forbiddenBy('comment')
      }
      publishCardEvent(c, plan.id, cardId, result.version)
      return c.json({ comment: { id: result.commentId } }, 201)
    },
  )
  .get('/:cardId/activity', validate('param', cardIdParamSchema), async (c) => {
    const { cardId } = c.req.valid('param')
    await getCardAccess(c.get('db'), cardId, c.get('user').id)
    return c.json({ activity: await listActivity(c.get('db'), cardId) }, 200)
  })
