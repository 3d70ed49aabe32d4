import type { Db } from '@caitien/db'
import {
  canDeleteEvidence,
  canManagePlan,
  evidenceAddRefusal,
  evidenceRemovalRefusal,
  type Actor,
} from '@caitien/shared'
import { findCardById, insertActivity, listAssigneeIds } from '../cards/card.repository.ts'

/** An evidence item with the plan it belongs to: the unit of access checks. */
export async function findEvidence(db: Db, evidenceId: string) {
  return db
    .selectFrom('evidence')
    .leftJoin('evidence_file', 'evidence_file.sha256', 'evidence.file_sha256')
    .select([
      'evidence.id',
      'evidence.card_id',
      'evidence.plan_id',
      'evidence.school_id',
      'evidence.kind',
      'evidence.code',
      'evidence.title',
      'evidence.file_sha256',
      'evidence.file_name',
      'evidence.created_by',
      'evidence_file.mime_type',
      'evidence_file.size',
    ])
    .where('evidence.id', '=', evidenceId)
    .where('evidence.deleted_at', 'is', null)
    .executeTakeFirst()
}

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
    const item = await trx
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', input.evidenceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!item) return { ok: false as const, reason: 'not_found' as const }
    if (!canDeleteEvidence({ createdBy: item.created_by }, input.actor))
      return { ok: false as const, reason: 'not_uploader' as const }
    const cards = await trx
      .selectFrom('card')
      .select((eb) => [
        'card.id',
        'card.status',
        'card.deleted_at',
        eb
          .selectFrom('evidence as e')
          .select((c) => c.fn.countAll<number>().as('n'))
          .where('e.deleted_at', 'is', null)
          .where((w) =>
            w.or([
              w('e.card_id', '=', w.ref('card.id')),
              w(
                'e.id',
                'in',
                w
                  .selectFrom('evidence_link as l')
                  .select('l.evidence_id')
                  .whereRef('l.card_id', '=', 'card.id'),
              ),
            ]),
          )
          .as('evidence_count'),
      ])
      .where((eb) =>
        eb.or([
          eb('card.id', '=', item.card_id),
          eb(
            'card.id',
            'in',
            eb.selectFrom('evidence_link').select('card_id').where('evidence_id', '=', item.id),
          ),
        ]),
      )
      .execute()
    let refusal: 'frozen' | 'last_evidence' | null = null
    for (const card of cards) {
      const why = evidenceRemovalRefusal({
        status: card.status,
        evidenceCount: Number(card.evidence_count ?? 0),
      })
      // A deleted card is nobody's gate; its evidence was frozen all the same when verified.
      if (why === 'frozen' || (why === 'last_evidence' && card.deleted_at === null)) {
        refusal = refusal === 'frozen' ? refusal : why
      }
    }
    if (refusal) return { ok: false as const, reason: refusal }
    await trx
      .updateTable('evidence')
      .set({ deleted_at: input.now, deleted_by: input.actor.id })
      .where('id', '=', item.id)
      .execute()
    await insertActivity(trx, {
      school_id: item.school_id,
      plan_id: item.plan_id,
      card_id: item.card_id,
      actor_id: input.actor.id,
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
    const item = await trx
      .selectFrom('evidence')
      .select(['id', 'plan_id', 'school_id', 'card_id', 'code'])
      .where('id', '=', input.evidenceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!item) return { ok: false as const, reason: 'not_found' as const }
    const taken = await trx
      .selectFrom('evidence')
      .select('id')
      .where('plan_id', '=', item.plan_id)
      .where('code', '=', input.code)
      .where('id', '!=', item.id)
      .executeTakeFirst()
    if (taken) return { ok: false as const, reason: 'code_taken' as const }
    await trx.updateTable('evidence').set({ code: input.code }).where('id', '=', item.id).execute()
    await insertActivity(trx, {
      school_id: item.school_id,
      plan_id: item.plan_id,
      card_id: item.card_id,
      actor_id: input.actor.id,
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
    const card = await findCardById(trx, input.cardId)
    if (!card || card.plan_id !== input.planId)
      return { ok: false as const, reason: 'not_found' as const }
    const assigneeIds = await listAssigneeIds(trx, card.id)
    const refusal = evidenceAddRefusal({ status: card.status, assigneeIds }, input.actor)
    if (refusal) return { ok: false as const, reason: refusal }
    const item = await trx
      .selectFrom('evidence')
      .select(['id', 'card_id', 'plan_id', 'code', 'title'])
      .where('id', '=', input.evidenceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!item || item.plan_id !== card.plan_id)
      return { ok: false as const, reason: 'not_found' as const }
    if (item.card_id === card.id) return { ok: false as const, reason: 'already_linked' as const }
    const result = await trx
      .insertInto('evidence_link')
      .values({
        evidence_id: item.id,
        card_id: card.id,
        linked_by: input.actor.id,
        created_at: input.now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0)
      return { ok: false as const, reason: 'already_linked' as const }
    await insertActivity(trx, {
      school_id: card.school_id,
      plan_id: card.plan_id,
      card_id: card.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'evidence_linked',
      detail: { evidenceId: item.id, code: item.code, title: item.title, fromCardId: item.card_id },
    })
    return { ok: true as const, version: card.version }
  })
}
