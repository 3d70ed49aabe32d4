import { SqliteAdapter, sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('link', 'note', 'file')`))
    .addColumn('code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('evidence_card_idx').on('evidence').column('card_id').execute()
  await db.schema
    .createIndex('evidence_plan_code_uq')
    .on('evidence')
    .columns(['plan_id', 'code'])
    .unique()
    .execute()

  await db.schema
    .createTable('comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('comment_card_idx').on('comment').column('card_id').execute()

  // The one dialect branch: an ordered sequence number. SQLite's INTEGER PRIMARY KEY is
  // its rowid; Postgres gets an identity column. Both hand out increasing numbers.
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter
  await db.schema
    .createTable('activity')
    .addColumn('seq', 'integer', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('card_id', 'text', (c) => c.references('card.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .execute()
  await db.schema
    .createIndex('activity_card_idx')
    .on('activity')
    .columns(['card_id', 'seq'])
    .execute()
  await db.schema
    .createIndex('activity_plan_idx')
    .on('activity')
    .columns(['plan_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity').execute()
  await db.schema.dropTable('comment').execute()
  await db.schema.dropTable('evidence').execute()
}
