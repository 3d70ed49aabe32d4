import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per confirmed plan import: who, when, which file, what it did, and (once undone)
  // who undid it and what could not be undone. `detail` and `undo_detail` are JSON text,
  // read in TypeScript only (portable: no SQL JSON functions).
  await db.schema
    .createTable('plan_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('created_count', 'integer', (c) => c.notNull())
    .addColumn('updated_count', 'integer', (c) => c.notNull())
    .addColumn('unchanged_count', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('undo_detail', 'text')
    .execute()
  await db.schema
    .createIndex('plan_import_plan_at')
    .on('plan_import')
    .columns(['plan_id', 'at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_import').execute()
}
