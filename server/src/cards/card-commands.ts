import type { CardTable, Db } from '@caitien/db'
import {
  canComment,
  evidenceAddRefusal,
  evidenceCode,
  parseBudget,
  parseTimeframe,
  positionBetween,
  type Actor,
  type AddEvidenceInput,
  type CardFields,
} from '@caitien/shared'
import { schoolStorage } from '../evidence/storage.ts'
import {
  figureState,
  findCardById,
  findNeighbourPositions,
  insertActivity,
  listAssigneeIds,
  type Executor,
} from './card.repository.ts'

/** Plan fields in, card columns out: the raw text kept, parsed values beside it. */
export function cardColumns(fields: CardFields, schoolYear: string) {
  const columns = {
    standard: fields.standard,
    standard_name: fields.standardName,
    criterion: fields.criterion,
    criterion_label: fields.criterionLabel,
    section: fields.section,
    weakness: fields.weakness,
    target: fields.target,
    tasks: fields.tasks,
    measures: fields.measures,
    lead: fields.lead,
    coordinators: fields.coordinators,
    timeframe: fields.timeframe,
    budget: fields.budget,
    funding_source: fields.fundingSource,
    support: fields.support,
    expected_evidence: fields.expectedEvidence,
    notes: fields.notes,
  } satisfies Partial<Record<keyof CardTable, string | null | undefined>>
  const present = Object.fromEntries(
    Object.entries(columns)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === '' ? null : v]),
  ) as Partial<Record<keyof typeof columns, string | null>>
  const parsed: Partial<Pick<CardTable, 'start_month' | 'due_month' | 'budget_amount'>> = {}
  if (present.timeframe !== undefined) {
    const t = parseTimeframe(present.timeframe, schoolYear)
    parsed.start_month = t.startMonth
    parsed.due_month = t.dueMonth
  }
  if (present.budget !== undefined) parsed.budget_amount = parseBudget(present.budget)
  return { ...present, ...parsed }
}

/** Only members of the card's school may be assigned to it. */
async function checkMembers(db: Executor, schoolId: string, userIds: string[]): Promise<boolean> {
  if (userIds.length === 0) return true
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', userIds)
    .execute()
  return rows.length === new Set(userIds).size
}

async function writeAssignees(db: Executor, cardId: string, userIds: string[], now: string) {
  await db.deleteFrom('card_assignee').where('card_id', '=', cardId).execute()
  const unique = [...new Set(userIds)]
  if (unique.length > 0) {
    await db
      .insertInto('card_assignee')
      .values(unique.map((user_id) => ({ card_id: cardId, user_id, created_at: now })))
      .execute()
  }
}

export async function createCard(
  db: Db,
  input: {
    plan: { id: string; school_id: string; school_year: string }
    fields: CardFields
    assigneeIds: string[]
    /** null for system work (tests, imports run by a command). */
    actor: Actor | null
    now: string
  },
) {
  return db.transaction().execute(async (trx) => {
    if (!(await checkMembers(trx, input.plan.school_id, input.assigneeIds))) {
      return { ok: false as const, reason: 'unknown_assignee' as const }
    }
    const id: string = crypto.randomUUID()
    const { above } = await findNeighbourPositions(trx, {
      planId: input.plan.id,
      status: 'planned',
      cardId: id,
      beforeCardId: null,
    })
    await trx
      .insertInto('card')
      .values({
        id,
        plan_id: input.plan.id,
        school_id: input.plan.school_id,
        status: 'planned',
        position: positionBetween(above, null),
        version: 1,
        ...cardColumns(input.fields, input.plan.school_year),
        source_key: null,
        created_at: input.now,
        updated_at: input.now,
        deleted_at: null,
      })
      .execute()
    await writeAssignees(trx, id, input.assigneeIds, input.now)
    const created = (await findCardById(trx, id))!
    await insertActivity(trx, {
      school_id: input.plan.school_id,
      plan_id: input.plan.id,
      card_id: id,
      actor_id: input.actor?.id ?? null,
      at: input.now,
      action: 'created',
      to_status: 'planned',
      detail: { state: { ...figureState(created), assigneeIds: [...new Set(input.assigneeIds)] } },
    })
    return { ok: true as const, cardId: id }
  })
}

type VersionedResult =
  { ok: true } | { ok: false; reason: 'card_not_found' | 'version_conflict' | 'unknown_assignee' }

/** Edits plan fields; the version guards against overwriting someone else's edit. */
export async function updateCard(
  db: Db,
  input: {
    cardId: string
    planId: string
    schoolYear: string
    version: number
    fields: CardFields
    actor: Actor
    now: string
  },
): Promise<VersionedResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    const changes = cardColumns(input.fields, input.schoolYear)
    const result = await trx
      .updateTable('card')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: input.now }))
      .where('id', '=', input.cardId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'version_conflict' }
    const changed = Object.keys(changes).filter(
      (k) => row[k as keyof typeof row] !== changes[k as keyof typeof changes],
    )
    const after = (await findCardById(trx, row.id))!
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'edited',
      detail: { fields: changed, state: figureState(after) },
    })
    return { ok: true }
  })
}

export async function setAssignees(
  db: Db,
  input: {
    cardId: string
    planId: string
    schoolId: string
    version: number
    assigneeIds: string[]
    actor: Actor
    now: string
  },
): Promise<VersionedResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    if (!(await checkMembers(trx, input.schoolId, input.assigneeIds))) {
      return { ok: false, reason: 'unknown_assignee' }
    }
    const bumped = await trx
      .updateTable('card')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: input.now }))
      .where('id', '=', input.cardId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (Number(bumped.numUpdatedRows) !== 1) return { ok: false, reason: 'version_conflict' }
    const before = await listAssigneeIds(trx, input.cardId)
    await writeAssignees(trx, input.cardId, input.assigneeIds, input.now)
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'assigned',
      detail: { before, after: [...new Set(input.assigneeIds)] },
    })
    return { ok: true }
  })
}

/** Soft delete: the activity log keeps the card's history (and snapshots stay derivable). */
export async function deleteCard(
  db: Db,
  input: { cardId: string; planId: string; version: number; actor: Actor; now: string },
): Promise<VersionedResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId) return { ok: false, reason: 'card_not_found' }
    const result = await trx
      .updateTable('card')
      .set((eb) => ({
        deleted_at: input.now,
        version: eb('version', '+', 1),
        updated_at: input.now,
      }))
      .where('id', '=', input.cardId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'version_conflict' }
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'deleted',
      from_status: row.status,
    })
    return { ok: true }
  })
}

/** A stored file, as the upload route hands it over. */
export interface EvidenceFileInput {
  kind: 'file'
  title: string
  fileName: string
  sha256: string
  size: number
  mimeType: string
}

/**
 * Adds a link, note or file. Its code is [Hn-a.b-xx]: the next number within the card's
 * criterion in this plan (unique per plan, enforced by an index). A file must fit in the
 * school's storage quota, checked again here so that two uploads at once cannot both take
 * the last room.
 */
export async function addEvidence(
  db: Db,
  input: {
    cardId: string
    planId: string
    evidence: AddEvidenceInput | EvidenceFileInput
    actor: Actor
    now: string
    /** The school's storage quota in bytes, for a file. */
    quotaBytes?: number
  },
) {
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId)
      return { ok: false as const, reason: 'card_not_found' as const }
    const assigneeIds = await listAssigneeIds(trx, row.id)
    const refusal = evidenceAddRefusal({ status: row.status, assigneeIds }, input.actor)
    if (refusal) return { ok: false as const, reason: refusal }
    const e = input.evidence
    if (e.kind === 'file' && input.quotaBytes !== undefined) {
      const storage = await schoolStorage(trx, row.school_id, e.sha256)
      if (!storage.holds && storage.used + e.size > input.quotaBytes) {
        return { ok: false as const, reason: 'quota_exceeded' as const, used: storage.used }
      }
    }
    const code = await nextEvidenceCode(trx, row)
    const id = crypto.randomUUID()
    if (e.kind === 'file') {
      await trx
        .insertInto('evidence_file')
        .values({ sha256: e.sha256, size: e.size, mime_type: e.mimeType, created_at: input.now })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute()
    }
    await trx
      .insertInto('evidence')
      .values({
        id,
        card_id: row.id,
        plan_id: row.plan_id,
        school_id: row.school_id,
        kind: e.kind,
        code,
        title: e.title,
        url: e.kind === 'link' ? e.url : null,
        note: e.kind === 'note' ? e.note : null,
        file_sha256: e.kind === 'file' ? e.sha256 : null,
        file_name: e.kind === 'file' ? e.fileName : null,
        created_by: input.actor.id,
        created_at: input.now,
        deleted_at: null,
        deleted_by: null,
      })
      .execute()
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'evidence_added',
      detail: { evidenceId: id, code, title: e.title, kind: e.kind },
    })
    return { ok: true as const, evidenceId: id, code, version: row.version }
  })
}

/** The next free [Hn-a.b-xx] of the card's criterion in its plan; null without a criterion. */
async function nextEvidenceCode(
  trx: Executor,
  row: { plan_id: string; standard: string | null; criterion: string | null },
): Promise<string | null> {
  if (!row.standard || !row.criterion) return null
  const prefix = evidenceCode(row.standard, row.criterion, 0).slice(0, -3)
  const existing = await trx
    .selectFrom('evidence')
    .select('code')
    .where('plan_id', '=', row.plan_id)
    .where('code', 'like', `${prefix}%`)
    .execute()
  const max = existing.reduce(
    (m, e) => Math.max(m, Number(/-(\d+)\]$/.exec(e.code ?? '')?.[1] ?? 0)),
    0,
  )
  return evidenceCode(row.standard, row.criterion, max + 1)
}

export async function addComment(
  db: Db,
  input: { cardId: string; planId: string; body: string; actor: Actor; now: string },
) {
  if (!canComment(input.actor)) return { ok: false as const, reason: 'forbidden' as const }
  return db.transaction().execute(async (trx) => {
    const row = await findCardById(trx, input.cardId)
    if (!row || row.plan_id !== input.planId)
      return { ok: false as const, reason: 'card_not_found' as const }
    const id = crypto.randomUUID()
    await trx
      .insertInto('comment')
      .values({
        id,
        card_id: row.id,
        school_id: row.school_id,
        author_id: input.actor.id,
        body: input.body,
        created_at: input.now,
      })
      .execute()
    await insertActivity(trx, {
      school_id: row.school_id,
      plan_id: row.plan_id,
      card_id: row.id,
      actor_id: input.actor.id,
      at: input.now,
      action: 'commented',
      detail: { commentId: id },
    })
    return { ok: true as const, commentId: id, version: row.version }
  })
}
