import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per stored content (SHA-256): the same file uploaded twice is stored once.
  await db.schema
    .createTable('evidence_file')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // SQLite adds one column per ALTER TABLE statement.
  await db.schema
    .alterTable('evidence')
    .addColumn('file_sha256', 'text', (c) => c.references('evidence_file.sha256'))
    .execute()
  await db.schema.alterTable('evidence').addColumn('file_name', 'text').execute()
  await db.schema
    .alterTable('evidence')
    .addColumn('deleted_by', 'text', (c) => c.references('app_user.id'))
    .execute()

  // An item linked to a second card keeps its code and its first card.
  await db.schema
    .createTable('evidence_link')
    .addColumn('evidence_id', 'text', (c) =>
      c.notNull().references('evidence.id').onDelete('cascade'),
    )
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('linked_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_link_pk', ['evidence_id', 'card_id'])
    .execute()
  await db.schema
    .createIndex('evidence_link_card_idx')
    .on('evidence_link')
    .column('card_id')
    .execute()

  // A monitor's verdict on one submission of a card.
  await db.schema
    .createTable('review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('verified', 'sent_back')`),
    )
    .addColumn('reason', 'text')
    .addColumn('submission', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('review_card_idx').on('review').columns(['card_id', 'at']).execute()

  // When each user last opened their inbox: newer items count as unread.
  await db.schema
    .createTable('inbox_seen')
    .addColumn('user_id', 'text', (c) =>
      c.primaryKey().references('app_user.id').onDelete('cascade'),
    )
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_seen').execute()
  await db.schema.dropTable('review').execute()
  await db.schema.dropTable('evidence_link').execute()
  await db.schema.alterTable('evidence').dropColumn('deleted_by').execute()
  await db.schema.alterTable('evidence').dropColumn('file_name').execute()
  await db.schema.alterTable('evidence').dropColumn('file_sha256').execute()
  await db.schema.dropTable('evidence_file').execute()
}
