import type { Db } from '@caitien/db'
import {
  canDeleteEvidence,
  canManagePlan,
  evidenceAddRefusal,
  evidenceRemovalRefusal,
  type Actor,
} from '@caitien/shared'
import { insertActivity } from '../activity/activity.repository.ts'
import { changeCard } from '../cards/change-card.ts'
import { listAssigneeIds } from '../cards/card.repository.ts'
import {
  deleteEvidenceItem,
  findEvidence,
  insertEvidenceLink,
  isEvidenceCodeTaken,
  listCardsHoldingEvidence,
  updateEvidenceCode,
} from './evidence.repository.ts'

/**
 * Deletes an item before its card is verified; only its uploader may. The row stays
 * (soft delete) and the activity log keeps the trace; the stored content stays too, as
 * another item may share it (the sweep removes it later, evidence/sweep-files.ts).
 *
 * The item leaves its own card and every card it is linked to; none of them may be a
 * verified card, nor a submitted card left without evidence (docs/decisions/015). The
 * cards and their live evidence counts are read in this transaction, in one query.
 */
export async function deleteEvidence(
  db: Db,
  input: { evidenceId: string; actor: Actor; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const item = await findEvidence(trx, input.evidenceId)
    if (!item) return { ok: false as const, reason: 'not_found' as const }
    if (!canDeleteEvidence({ createdBy: item.created_by }, input.actor))
      return { ok: false as const, reason: 'not_uploader' as const }
    let refusal: 'frozen' | 'last_evidence' | null = null
    for (const card of await listCardsHoldingEvidence(trx, item)) {
      const why = evidenceRemovalRefusal(card)
      // A deleted card is nobody's gate; its evidence was frozen all the same when verified.
      if (why === 'frozen' || (why === 'last_evidence' && !card.deleted)) {
        refusal = refusal === 'frozen' ? refusal : why
      }
    }
    if (refusal) return { ok: false as const, reason: refusal }
    await deleteEvidenceItem(trx, { evidenceId: item.id, by: input.actor.id, now: input.now })
    await insertActivity(trx, {
      schoolId: item.school_id,
      planId: item.plan_id,
      cardId: item.card_id,
      actorId: input.actor.id,
      at: input.now,
      action: 'evidence_deleted',
      detail: { evidenceId: item.id, code: item.code, title: item.title, kind: item.kind },
    })
    return { ok: true as const, cardId: item.card_id, planId: item.plan_id }
  })
}

/** The principal adjusts an item's code; codes stay unique within the plan. */
export async function setEvidenceCode(
  db: Db,
  input: { evidenceId: string; code: string; actor: Actor; now: string },
) {
  if (!canManagePlan(input.actor)) return { ok: false as const, reason: 'forbidden' as const }
  return db.transaction().execute(async (trx) => {
    const item = await findEvidence(trx, input.evidenceId)
    if (!item) return { ok: false as const, reason: 'not_found' as const }
    const taken = { planId: item.plan_id, code: input.code, exceptId: item.id }
    if (await isEvidenceCodeTaken(trx, taken)) {
      return { ok: false as const, reason: 'code_taken' as const }
    }
    await updateEvidenceCode(trx, item.id, input.code)
    await insertActivity(trx, {
      schoolId: item.school_id,
      planId: item.plan_id,
      cardId: item.card_id,
      actorId: input.actor.id,
      at: input.now,
      action: 'evidence_code_changed',
      detail: { evidenceId: item.id, before: item.code, after: input.code },
    })
    return { ok: true as const, cardId: item.card_id, planId: item.plan_id }
  })
}

/** Links an item of the same plan to a second card; it keeps its code (5932 convention). */
export async function linkEvidence(
  db: Db,
  input: { evidenceId: string; cardId: string; planId: string; actor: Actor; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const result = await changeCard(
      trx,
      { ...input, version: null, actorId: input.actor.id },
      async (card) => {
        const assigneeIds = await listAssigneeIds(trx, card.id)
        const refusal = evidenceAddRefusal({ status: card.status, assigneeIds }, input.actor)
        if (refusal) return { ok: false as const, reason: refusal }
        const item = await findEvidence(trx, input.evidenceId)
        if (!item || item.plan_id !== card.plan_id) {
          return { ok: false as const, reason: 'not_found' as const }
        }
        if (item.card_id === card.id) {
          return { ok: false as const, reason: 'already_linked' as const }
        }
        const link = { evidenceId: item.id, cardId: card.id, linkedBy: input.actor.id }
        if (!(await insertEvidenceLink(trx, { ...link, now: input.now }))) {
          return { ok: false as const, reason: 'already_linked' as const }
        }
        return {
          write: 'none',
          finish: () => ({
            log: {
              action: 'evidence_linked',
              detail: {
                evidenceId: item.id,
                code: item.code,
                title: item.title,
                fromCardId: item.card_id,
              },
            },
            value: { version: card.version },
          }),
        }
      },
    )
    if (result.ok) return { ok: true as const, version: result.value.version }
    return result.reason === 'card_not_found'
      ? { ok: false as const, reason: 'not_found' as const }
      : result
  })
}
