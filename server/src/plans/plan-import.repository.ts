import type { CardTable, Executor } from '@caitien/db'
import type { PlanField, TimeframeChoice, UndoKeptReason } from '@caitien/shared'

/**
 * The plan imports' SQL (docs/decisions/020, 022): one row per confirmed import, with what
 * it did as JSON text. JSON is read and written here in TypeScript, never by SQL functions.
 */

/** Card columns an import wrote over, and the values on each side. */
export type ColumnValues = Partial<Record<keyof CardTable, string | number | null>>

/** What a confirmed import did: the cards it created and the fields it changed. */
export interface ImportRecordDetail {
  timeframes: TimeframeChoice
  created: string[]
  changed: {
    cardId: string
    fields: PlanField[]
    /** The columns the import wrote (plan fields and what was read from them), before. */
    before: ColumnValues
    /** The same columns as the import left them. */
    after: ColumnValues
  }[] /**
   * Biểu 2: the table IV problems it brought and each card's link before and after
   * (decision 024). Absent for a file without table IV, which leaves the problems as they are.
   */
  problems?: {
    created: string[]
    links: { cardId: string; before: string | null; after: string | null }[]
  }
}

/** What undoing it did, and what it could not do and why. */
export interface ImportUndoDetail {
  removed: string[]
  restored: { cardId: string; fields: PlanField[] }[]
  kept: { cardId: string; reason: UndoKeptReason; fields: PlanField[] }[]
}

export async function insertPlanImport(
  db: Executor,
  record: {
    id: string
    schoolId: string
    planId: string
    actorId: string | null
    at: string
    fileName: string
    fileHash: string
    counts: { created: number; updated: number; unchanged: number }
    detail: ImportRecordDetail
  },
): Promise<void> {
  await db
    .insertInto('plan_import')
    .values({
      id: record.id,
      school_id: record.schoolId,
      plan_id: record.planId,
      actor_id: record.actorId,
      at: record.at,
      file_name: record.fileName,
      file_hash: record.fileHash,
      created_count: record.counts.created,
      updated_count: record.counts.updated,
      unchanged_count: record.counts.unchanged,
      detail: JSON.stringify(record.detail),
      undone_at: null,
      undone_by: null,
      undo_detail: null,
    })
    .execute()
}

const readDetail = (text: string) => JSON.parse(text) as ImportRecordDetail
const readUndo = (text: string | null) =>
  text === null ? null : (JSON.parse(text) as ImportUndoDetail)

/** A plan's imports, newest first, with who made and who undid each. */
export async function listPlanImports(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_import')
    .leftJoin('app_user as actor', 'actor.id', 'plan_import.actor_id')
    .leftJoin('app_user as undoer', 'undoer.id', 'plan_import.undone_by')
    .select([
      'plan_import.id',
      'plan_import.at',
      'plan_import.file_name',
      'plan_import.file_hash',
      'plan_import.created_count',
      'plan_import.updated_count',
      'plan_import.unchanged_count',
      'plan_import.detail',
      'plan_import.undone_at',
      'plan_import.undo_detail',
      'actor.id as actor_id',
      'actor.display_name as actor_name',
      'undoer.id as undoer_id',
      'undoer.display_name as undoer_name',
    ])
    .where('plan_import.plan_id', '=', planId)
    .orderBy('plan_import.at', 'desc')
    .orderBy('plan_import.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    fileName: r.file_name,
    fileHash: r.file_hash,
    counts: { created: r.created_count, updated: r.updated_count, unchanged: r.unchanged_count },
    detail: readDetail(r.detail),
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    undone: r.undone_at
      ? {
          at: r.undone_at,
          by: r.undoer_id ? { id: r.undoer_id, displayName: r.undoer_name ?? '' } : null,
          detail: readUndo(r.undo_detail),
        }
      : null,
  }))
}

/** One import of a plan (undefined: not this plan's). */
export async function findPlanImport(db: Executor, planId: string, importId: string) {
  const row = await db
    .selectFrom('plan_import')
    .select(['id', 'file_name', 'detail', 'undone_at'])
    .where('plan_id', '=', planId)
    .where('id', '=', importId)
    .executeTakeFirst()
  return row && { ...row, detail: readDetail(row.detail) }
}

/** Marks an import undone, once: false when it already was. */
export async function updatePlanImportUndone(
  db: Executor,
  input: { importId: string; at: string; by: string; detail: ImportUndoDetail },
): Promise<boolean> {
  const result = await db
    .updateTable('plan_import')
    .set({ undone_at: input.at, undone_by: input.by, undo_detail: JSON.stringify(input.detail) })
    .where('id', '=', input.importId)
    .where('undone_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
