import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('framework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_level', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('framework_code_version_uq', ['code', 'version'])
    .execute()

  await db.schema
    .createTable('framework_criterion')
    .addColumn('framework_id', 'text', (c) =>
      c.notNull().references('framework.id').onDelete('cascade'),
    )
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('standard_name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('levels_defined', 'text', (c) => c.notNull())
    .addColumn('mandatory', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('details', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_criterion_pk', ['framework_id', 'code'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('framework_criterion').execute()
  await db.schema.dropTable('framework').execute()
}
