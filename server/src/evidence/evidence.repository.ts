import type { Database, EvidenceKindValue, Executor } from '@caitien/db'
import type { ExpressionBuilder } from 'kysely'
import { selectCardEvidence } from '../cards/card.repository.ts'

/**
 * The evidence aggregate's SQL: items, their stored files and their links to other cards,
 * and the school's storage (docs/decisions/020).
 */

/** A file item's name, size and type as lists show them (the name falls back to the title). */
export function evidenceFile(r: {
  title: string
  file_name: string | null
  size: number | null
  mime_type: string | null
}) {
  return {
    name: r.file_name ?? r.title,
    size: Number(r.size ?? 0),
    mimeType: r.mime_type ?? 'application/octet-stream',
  }
}

/**
 * Where a file is served: an address ending in the file's name, so that the browser's PDF
 * viewer and a "save as" name it (routes/evidence.ts serves …/file and …/file/:fileName).
 */
export function fileHref(r: { id: string; title: string; file_name: string | null }): string {
  return `/api/evidence/${r.id}/file/${encodeURIComponent(evidenceFile({ ...r, size: null, mime_type: null }).name)}`
}

/** A live evidence item with its file's type and size: the unit of access checks. */
export async function findEvidence(db: Executor, evidenceId: string) {
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
 * The cards a live item is on (its own and those it is linked to), each with its live
 * evidence count, in one query: what decides whether the item may go.
 */
export async function listCardsHoldingEvidence(db: Executor, item: { id: string }) {
  const rows = await db
    .selectFrom('card')
    .select((eb) => [
      'card.id',
      'card.status',
      'card.deleted_at',
      selectCardEvidence(db, eb.ref('card.id'))
        .select((c) => c.fn.countAll<number>().as('n'))
        .as('evidence_count'),
    ])
    // One IN over a UNION ALL: an OR of the two would scan every card (selectCardEvidence).
    .where('card.id', 'in', (eb) =>
      eb
        .selectFrom('evidence')
        .select('evidence.card_id')
        .where('evidence.id', '=', item.id)
        .unionAll(
          eb.selectFrom('evidence_link').select('card_id').where('evidence_id', '=', item.id),
        ),
    )
    .execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    deleted: r.deleted_at !== null,
    evidenceCount: Number(r.evidence_count ?? 0),
  }))
}

/** Soft delete: the row stays for the log and the retention period (sweep-files.ts). */
export async function deleteEvidenceItem(
  db: Executor,
  input: { evidenceId: string; by: string; now: string },
): Promise<void> {
  await db
    .updateTable('evidence')
    .set({ deleted_at: input.now, deleted_by: input.by })
    .where('id', '=', input.evidenceId)
    .execute()
}

/** Is this code used by another item of the plan (live or deleted: codes are never reused)? */
export async function isEvidenceCodeTaken(
  db: Executor,
  input: { planId: string; code: string; exceptId: string },
): Promise<boolean> {
  const taken = await db
    .selectFrom('evidence')
    .select('id')
    .where('plan_id', '=', input.planId)
    .where('code', '=', input.code)
    .where('id', '!=', input.exceptId)
    .executeTakeFirst()
  return taken !== undefined
}

export async function updateEvidenceCode(
  db: Executor,
  evidenceId: string,
  code: string,
): Promise<void> {
  await db.updateTable('evidence').set({ code }).where('id', '=', evidenceId).execute()
}

/** Links an item to a card; false when it already was. */
export async function insertEvidenceLink(
  db: Executor,
  link: { evidenceId: string; cardId: string; linkedBy: string; now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('evidence_link')
    .values({
      evidence_id: link.evidenceId,
      card_id: link.cardId,
      linked_by: link.linkedBy,
      created_at: link.now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/**
 * The codes of a plan's items that start with a prefix (live or deleted), whatever the
 * letters' case: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so both
 * compare lower-cased (docs/decisions/028).
 */
export async function listEvidenceCodes(
  db: Executor,
  planId: string,
  prefix: string,
): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom('evidence')
    .select('code')
    .where('plan_id', '=', planId)
    .where((eb) => eb(eb.fn('lower', ['code']), 'like', `${prefix.toLowerCase()}%`))
    .execute()
  return rows.map((r) => r.code)
}

/** Records a stored content once, whatever number of items hold it. */
export async function insertEvidenceFile(
  db: Executor,
  file: { sha256: string; size: number; mimeType: string; now: string },
): Promise<void> {
  await db
    .insertInto('evidence_file')
    .values({
      sha256: file.sha256,
      size: file.size,
      mime_type: file.mimeType,
      created_at: file.now,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}

export async function insertEvidence(
  db: Executor,
  item: {
    id: string
    card: { id: string; plan_id: string; school_id: string }
    kind: EvidenceKindValue
    code: string | null
    title: string
    url: string | null
    note: string | null
    file: { sha256: string; name: string } | null
    createdBy: string
    now: string
  },
): Promise<void> {
  await db
    .insertInto('evidence')
    .values({
      id: item.id,
      card_id: item.card.id,
      plan_id: item.card.plan_id,
      school_id: item.card.school_id,
      kind: item.kind,
      code: item.code,
      title: item.title,
      url: item.url,
      note: item.note,
      file_sha256: item.file?.sha256 ?? null,
      file_name: item.file?.name ?? null,
      created_by: item.createdBy,
      created_at: item.now,
      deleted_at: null,
      deleted_by: null,
    })
    .execute()
}

/** A card's live evidence, its own and linked here, oldest first, as the card detail lists it. */
export async function listCardEvidence(db: Executor, cardId: string) {
  const rows = await selectCardEvidence(db, cardId)
    .innerJoin('app_user', 'app_user.id', 'evidence.created_by')
    .leftJoin('evidence_file', 'evidence_file.sha256', 'evidence.file_sha256')
    .select([
      'evidence.id',
      'evidence.card_id',
      'evidence.kind',
      'evidence.code',
      'evidence.title',
      'evidence.url',
      'evidence.note',
      'evidence.file_name',
      'evidence_file.size',
      'evidence_file.mime_type',
      'evidence.created_at',
      'evidence.created_by',
      'app_user.display_name',
    ])
    .orderBy('evidence.created_at')
    // Items added in the same instant keep their numbering order.
    .orderBy('evidence.code', (ob) => ob.asc().nullsFirst()) // NULL first on both engines
    .orderBy('evidence.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    url: r.url,
    note: r.note,
    file: r.kind === 'file' ? { ...evidenceFile(r), href: fileHref(r) } : null,
    /** Linked here from another card: it keeps that card's code. */
    linkedFromCardId: r.card_id === cardId ? null : r.card_id,
    createdAt: r.created_at,
    createdBy: { id: r.created_by, displayName: r.display_name },
  }))
}

/**
 * A plan's live items on live cards, each with its card and file, and every link of the
 * plan: two queries whatever the number of items.
 */
export async function listPlanEvidenceRows(db: Executor, planId: string) {
  const [items, links] = await Promise.all([
    db
      .selectFrom('evidence')
      .innerJoin('card', 'card.id', 'evidence.card_id')
      .leftJoin('evidence_file', 'evidence_file.sha256', 'evidence.file_sha256')
      .select([
        'evidence.id',
        'evidence.kind',
        'evidence.code',
        'evidence.title',
        'evidence.url',
        'evidence.file_name',
        'evidence_file.size',
        'evidence_file.mime_type',
        'card.id as card_id',
        'card.standard',
        'card.criterion',
        'card.criterion_label',
        'card.tasks',
        'card.target',
        'card.position',
      ])
      .where('evidence.plan_id', '=', planId)
      .where('evidence.deleted_at', 'is', null)
      .where('card.deleted_at', 'is', null)
      .orderBy('evidence.created_at')
      .orderBy('evidence.code', (ob) => ob.asc().nullsFirst()) // NULL first on both engines
      .orderBy('evidence.id')
      .execute(),
    db
      .selectFrom('evidence_link')
      .innerJoin('evidence', 'evidence.id', 'evidence_link.evidence_id')
      .innerJoin('card', 'card.id', 'evidence_link.card_id')
      .select(['evidence_link.evidence_id', 'evidence_link.card_id'])
      .where('evidence.plan_id', '=', planId)
      .where('evidence.deleted_at', 'is', null)
      .where('card.deleted_at', 'is', null)
      .orderBy('evidence_link.created_at')
      .orderBy('evidence_link.card_id')
      .execute(),
  ])
  return { items, links }
}

/** The contents a school's live evidence stores: items not deleted, on cards not deleted. */
function liveFilesOf(eb: ExpressionBuilder<Database, never>, schoolId: string) {
  return eb
    .selectFrom('evidence')
    .innerJoin('card', 'card.id', 'evidence.card_id')
    .select('evidence.file_sha256')
    .where('evidence.school_id', '=', schoolId)
    .where('evidence.deleted_at', 'is', null)
    .where('card.deleted_at', 'is', null)
    .where('evidence.file_sha256', 'is not', null)
}

/**
 * How much of its storage quota a school uses (each stored content counted once, however
 * many items share it), and whether it already stores this content (then one more item
 * with it costs nothing). One query.
 */
export async function findSchoolStorage(db: Executor, schoolId: string, sha256: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('evidence_file')
        .select((f) => f.fn.sum<number>('evidence_file.size').as('n'))
        .where('evidence_file.sha256', 'in', liveFilesOf(eb, schoolId))
        .as('used'),
      eb.exists(liveFilesOf(eb, schoolId).where('evidence.file_sha256', '=', sha256)).as('holds'),
    ])
    .executeTakeFirstOrThrow()
  return { used: Number(row.used ?? 0), holds: Boolean(row.holds) }
}

/**
 * The contents some evidence row still holds: live items, and items deleted (or on cards
 * deleted) after `cutoff`, the start of the retention period. Everything else on disk
 * may go (evidence/sweep-files.ts).
 */
export async function listHeldFiles(db: Executor, cutoff: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('evidence')
    .innerJoin('card', 'card.id', 'evidence.card_id')
    .select('evidence.file_sha256')
    .distinct()
    .where('evidence.file_sha256', 'is not', null)
    .where((eb) =>
      eb.and([
        eb.or([eb('evidence.deleted_at', 'is', null), eb('evidence.deleted_at', '>', cutoff)]),
        eb.or([eb('card.deleted_at', 'is', null), eb('card.deleted_at', '>', cutoff)]),
      ]),
    )
    .execute()
  return new Set(rows.map((r) => r.file_sha256!))
}
