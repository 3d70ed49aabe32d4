import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A plan's lead text ("Phó HT phụ trách CSVC") mapped once to the accounts that carry it
  // out, remembered per school for every later import.
  await db.schema
    .createTable('lead_mapping')
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('lead_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_mapping_pk', ['school_id', 'lead_key', 'user_id'])
    .execute()
  await db.schema
    .createIndex('card_plan_source_key_idx')
    .on('card')
    .columns(['plan_id', 'source_key'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('card_plan_source_key_idx').execute()
  await db.schema.dropTable('lead_mapping').execute()
}
