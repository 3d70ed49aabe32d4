import type { ExpressionBuilder } from 'kysely'
import type { Database } from '@caitien/db'
import type { Executor } from '../cards/card.repository.ts'

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
export async function schoolStorage(db: Executor, schoolId: string, sha256: string) {
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
